//! Teaching notes the engine writes itself, for scores it computes from the case's truth
//! (insider quality, burning-issue diagnosis, meetings out of sequence).

use crate::case::model::{Attitude, BurningIssue, Competitor, InsiderTrap, Stakeholder};
use crate::case::text::{Lang, Text};

impl Attitude {
    pub fn name(self) -> Text {
        let (en, zh) = match self {
            Attitude::Opponent => ("opponent", "反对者"),
            Attitude::NonSupporter => ("non-supporter", "不支持者"),
            Attitude::Neutral => ("neutral", "中立"),
            Attitude::Supporter => ("supporter", "支持者"),
            Attitude::Mentor => ("mentor", "导师"),
        };
        Text::new(en, zh)
    }
}

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text {
        en: f(Lang::En),
        zh: f(Lang::Zh),
    }
}

pub fn insider(
    p: &Stakeholder,
    influence: u8,
    attitude: Attitude,
    backs: Option<&Competitor>,
    quality: i32,
) -> Text {
    both(|l| {
        let name = p.name.get(l);
        let att = attitude.name();
        let mut s = match l {
            Lang::En => format!(
                "Insider: {name} — real influence {influence}/5, attitude {}. Insider quality {quality}/100 (influence × willingness to help).",
                att.get(l)
            ),
            Lang::Zh => format!(
                "内线：{name}——实际影响力 {influence}/5，态度：{}。内线质量 {quality}/100（影响力 × 帮助意愿）。",
                att.get(l)
            ),
        };
        if let Some(k) = backs {
            s.push_str(&match l {
                Lang::En => format!(
                    " Mistake: {name} is {}'s man — an insider who wants the other side to win.",
                    k.name.get(l)
                ),
                Lang::Zh => format!(
                    " 失误：{name}是{}的铁杆——内线必须希望你赢，而他希望对手赢。",
                    k.name.get(l)
                ),
            });
        }
        if quality < 60 {
            for trap in &p.traps {
                s.push(' ');
                s.push_str(trap_text(*trap, l));
            }
            if influence <= 2 {
                s.push_str(match l {
                    Lang::En => " Too little influence on this decision to carry you.",
                    Lang::Zh => " 此人对这次决策影响力太小，帮不了你。",
                });
            }
        }
        s
    })
}

fn trap_text(t: InsiderTrap, l: Lang) -> &'static str {
    match (t, l) {
        (InsiderTrap::LikesYou, Lang::En) => {
            "Mistake: liking you is not the same as helping you win."
        }
        (InsiderTrap::LikesYou, Lang::Zh) => "失误：喜欢你不等于会帮你赢。",
        (InsiderTrap::OldFriend, Lang::En) => {
            "Mistake: an old friendship is not influence over this decision."
        }
        (InsiderTrap::OldFriend, Lang::Zh) => "失误：过去的交情不等于对这次决策的影响力。",
        (InsiderTrap::HighestRank, Lang::En) => {
            "Mistake: the highest title is not the widest influence, and the top person will not coach you."
        }
        (InsiderTrap::HighestRank, Lang::Zh) => {
            "失误：级别最高不等于影响最广，高层也不会做你的内线。"
        }
    }
}

pub fn diagnosis(
    issue: &BurningIssue,
    owner: Option<&Stakeholder>,
    real: bool,
    weeks_late: i32,
) -> Text {
    both(|l| {
        let who = owner.map(|o| o.name.get(l)).unwrap_or("");
        let head = match (real, l) {
            (true, Lang::En) => format!("Right burning issue ({who})."),
            (true, Lang::Zh) => format!("找准了燃眉之急（{who}）。"),
            (false, Lang::En) => format!("Not the burning issue ({who}): a decoy."),
            (false, Lang::Zh) => format!("这不是燃眉之急（{who}），是个假象。"),
        };
        let late = if real && weeks_late > 0 {
            match l {
                Lang::En => format!(" Found {weeks_late} week(s) later than it could have been."),
                Lang::Zh => format!(" 比可能的时间晚了 {weeks_late} 周。"),
            }
        } else {
            String::new()
        };
        format!("{head}{late} {}", issue.explain.get(l))
    })
}

pub fn top_without_support(p: &Stakeholder) -> Text {
    both(|l| match l {
        Lang::En => format!(
            "Out of sequence: you met {} (decision maker) with nobody inside on your side. Earn support below first, then ask to be taken up.",
            p.name.get(l)
        ),
        Lang::Zh => format!(
            "顺序失误：在客户内部没有任何支持者的情况下去见决策者{}。先在下面赢得支持，再请人引荐向上。",
            p.name.get(l)
        ),
    })
}

pub fn wasted_meeting() -> Text {
    Text::new(
        "A wasted meeting: you learned nothing new and moved nobody. Every meeting costs time, money and goodwill.",
        "无效拜访：没有得到新信息，也没有改变任何人的态度。每次拜访都有时间、费用和人情成本。",
    )
}
