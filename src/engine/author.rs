//! The author's view of a deal in play: the hidden truth the trainee's cards do not show, the
//! flags set so far, and why each choice of the scene is or is not on offer. The game's author
//! overlay (`play --author`) draws it; nothing here is shown to a trainee.

use super::compile::{Compiled, Ix};
use super::game::{Game, available};
use super::state::{RivalStatus, State};
use super::why;
use crate::case::text::Text;

/// One choice of the current scene, as the author checks it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceCheck {
    pub id: String,
    pub label: Text,
    pub offered: bool,
    /// Why it is not offered (each failed condition in words); empty when offered.
    pub reasons: Vec<Text>,
}

/// One person as he really is.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonTruth {
    pub id: String,
    pub name: Text,
    /// Role, influence, real attitude, whom he backs, whether he is away: one line.
    pub line: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AuthorView {
    /// Variant, week and money, the real burning issue, the customer's ranking of us now.
    pub deal: Vec<Text>,
    pub people: Vec<PersonTruth>,
    /// Competitors' real standing.
    pub rivals: Vec<Text>,
    /// Ids of the flags set so far, in case order.
    pub flags: Vec<String>,
    /// Ids of the facts found so far, in case order.
    pub facts: Vec<String>,
    pub choices: Vec<ChoiceCheck>,
}

fn both(en: String, zh: String) -> Text {
    Text { en, zh }
}

fn set_names(ids: &super::compile::Ids, bits: &super::state::Bits) -> Vec<String> {
    (0..ids.names.len())
        .filter(|&i| bits.get(i as Ix))
        .map(|i| ids.names[i].clone())
        .collect()
}

pub fn author_view(game: &Game) -> AuthorView {
    let c: &Compiled = &game.case;
    let s: &State = &game.state;
    AuthorView {
        deal: deal_lines(c, s),
        people: people(c, s),
        rivals: rivals(c, s),
        flags: set_names(&c.flags, &s.flags),
        facts: set_names(&c.facts, &s.facts),
        choices: choices(c, s),
    }
}

fn deal_lines(c: &Compiled, s: &State) -> Vec<Text> {
    let truth = c.truth_of(s.variant);
    let mut out = Vec::new();
    let variant = s
        .variant
        .map(|v| c.variants.names[v as usize].clone())
        .unwrap_or_else(|| "—".into());
    out.push(both(
        format!(
            "seed {} · variant {variant} · week {} · money left {}",
            s.seed,
            s.week,
            s.money_left(c)
        ),
        format!(
            "种子 {} · 变体 {variant} · 第 {} 周 · 剩余预算 {}",
            s.seed,
            s.week,
            s.money_left(c)
        ),
    ));
    let real: Vec<String> = (0..c.issues.names.len())
        .filter(|&i| truth.real_issue[i])
        .map(|i| {
            let owner = truth.issue_owner[i]
                .map(|p| c.stakeholders.names[p as usize].clone())
                .unwrap_or_else(|| "?".into());
            format!("{} ({owner})", c.issues.names[i])
        })
        .collect();
    let real = if real.is_empty() {
        "—".to_string()
    } else {
        real.join(", ")
    };
    let named = s
        .diagnosed
        .map(|(i, w)| format!("{} (week {w})", c.issues.names[i as usize]))
        .unwrap_or_else(|| "—".into());
    out.push(both(
        format!("burning issue: {real} · named by the trainee: {named}"),
        format!(
            "痛点（真相）：{real} · 学员认定：{}",
            named.replace("week", "第").replace(')', " 周)")
        ),
    ));
    let (us, rival) = super::decision::chances(c, s);
    let rank = super::decision::rank(c, s);
    let rank_name = rank.name();
    out.push(both(
        format!(
            "if the customer decided now: us {:.0}%, best competitor {:.0}% — we are {}",
            us * 100.0,
            rival * 100.0,
            rank_name.en
        ),
        format!(
            "假如客户现在决定：我们 {:.0}%，最强对手 {:.0}% —— 我们是{}",
            us * 100.0,
            rival * 100.0,
            rank_name.zh
        ),
    ));
    let insider = s
        .insider
        .map(|p| {
            format!(
                "{} (quality {:.0}%)",
                c.stakeholders.names[p as usize],
                100.0 * super::commit::insider_quality(c, s)
            )
        })
        .unwrap_or_else(|| "—".into());
    out.push(both(
        format!("insider: {insider}"),
        format!("内线：{}", insider.replace("quality", "质量")),
    ));
    if let Some(w) = s.decision_week {
        out.push(both(
            format!("the customer decides in week {w}"),
            format!("客户第 {w} 周决定"),
        ));
    }
    out
}

fn people(c: &Compiled, s: &State) -> Vec<PersonTruth> {
    let truth = c.truth_of(s.variant);
    (0..c.stakeholders.names.len())
        .map(|i| {
            let p = i as Ix;
            let person = c.stakeholder(p);
            let ps = &s.people[i];
            let role = truth.role[i].name();
            let att = ps.attitude.name();
            let backs = ps.backs().map(|k| c.competitors.names[k as usize].clone());
            let mut en = format!(
                "{} · influence {} · {}",
                role.en, truth.influence[i], att.en
            );
            let mut zh = format!("{} · 影响力 {} · {}", role.zh, truth.influence[i], att.zh);
            if let Some(b) = &backs {
                en.push_str(&format!(" · backs {b}"));
                zh.push_str(&format!(" · 支持 {b}"));
            }
            if truth.away(p, s.week) {
                en.push_str(" · away now");
                zh.push_str(" · 现在不在");
            }
            let seen = match (ps.known(), ps.met()) {
                (_, true) => ("met", "已见面"),
                (true, false) => ("known", "已知"),
                _ => ("not found yet", "尚未发现"),
            };
            en.push_str(&format!(" · {}", seen.0));
            zh.push_str(&format!(" · {}", seen.1));
            PersonTruth {
                id: c.stakeholders.names[i].clone(),
                name: person.name.clone(),
                line: both(en, zh),
            }
        })
        .collect()
}

fn rivals(c: &Compiled, s: &State) -> Vec<Text> {
    s.rivals
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let id = &c.competitors.names[k];
            let (en, zh) = match r.status {
                RivalStatus::InRace => ("in the race", "在竞争中"),
                RivalStatus::Out => ("out", "已出局"),
                RivalStatus::Partner => ("our partner", "我们的合作伙伴"),
            };
            both(
                format!("{id}: strength {} · {en}", r.strength),
                format!("{id}：实力 {} · {zh}", r.strength),
            )
        })
        .collect()
}

fn choices(c: &Compiled, s: &State) -> Vec<ChoiceCheck> {
    let offered = available(c, s);
    let Some(scene_choices) = c.scene_choices.get(s.scene as usize) else {
        return vec![];
    };
    scene_choices
        .iter()
        .map(|&ix| {
            let ch = &c.cchoices[ix as usize];
            let authored = &c.case.scenes[ch.scene as usize].choices[ch.pos];
            let on = offered.contains(&ix);
            ChoiceCheck {
                id: authored.id.clone(),
                label: authored.label.clone(),
                offered: on,
                reasons: if on {
                    vec![]
                } else {
                    why::unavailable(c, s, ix)
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn haicheng() -> Game {
        let loaded =
            crate::engine::load_bytes("haicheng.ron", include_bytes!("../../cases/haicheng.ron"));
        let case = loaded.case.expect("haicheng loads");
        Game::new(case, 7)
    }

    #[test]
    fn shows_the_truth_the_cards_hide_and_why_choices_are_missing() {
        let mut g = haicheng();
        let v = author_view(&g);
        // Every person is listed with his real role, found or not.
        assert_eq!(v.people.len(), g.case.stakeholders.names.len());
        assert!(v.people.iter().any(|p| p.line.en.contains("not found yet")));
        assert!(v.deal[1].en.starts_with("burning issue: "));
        assert!(
            !v.deal[1].en.contains("burning issue: —"),
            "{:?}",
            v.deal[1]
        );
        // Each choice of the scene is there; offered ones have no reasons, the others do.
        let here = &g.case.scene_choices[g.state.scene as usize];
        assert_eq!(v.choices.len(), here.len());
        for ch in &v.choices {
            assert_eq!(ch.offered, ch.reasons.is_empty(), "{ch:?}");
            assert_eq!(ch.offered, g.available_ids().contains(&ch.id.as_str()));
        }
        // A move shows in the flags and facts.
        let before = (v.flags.len(), v.facts.len());
        for _ in 0..4 {
            let id = g.available_ids()[0].to_string();
            g.choose(&id).unwrap();
        }
        let after = author_view(&g);
        assert!(
            (after.flags.len(), after.facts.len()) != before || after.deal != v.deal,
            "four moves changed nothing the author sees"
        );
    }
}
