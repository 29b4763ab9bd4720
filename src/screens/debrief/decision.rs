//! The customer's decision explained in the deal model's terms — who decided, how each person
//! stood, what tipped it — and the mistakes made on the way, move by move.

use bevy::prelude::*;

use crate::case::model::Mistake;
use crate::engine::decision::{self, Evaluation};
use crate::engine::notes::mistake_name;
use crate::scoring::result::RunResult;
use crate::screens::parts::{delta_line, scroll_column};
use crate::session::Deal;
use crate::theme::widget::{meter_bar, panel_node, panel_with, row, size};
use crate::theme::{Kit, palette};

fn column(grow: f32) -> impl Bundle {
    panel_with(
        Node {
            flex_grow: grow,
            flex_basis: Val::Px(0.0),
            min_width: Val::Px(0.0),
            ..panel_node()
        },
        palette::BORDER,
    )
}

/// A bidder's name as the debrief shows it.
fn bidder(kit: &Kit, deal: &Deal, id: &str) -> String {
    match id {
        "us" => kit.t("You", "你方").to_string(),
        "nobody" => kit.t("Nobody (shelved)", "谁也不选（搁置）").to_string(),
        k => deal
            .case()
            .case
            .competitors
            .iter()
            .find(|c| c.id == k)
            .map(|c| kit.c(&c.name).to_string())
            .unwrap_or_else(|| k.to_string()),
    }
}

fn person(kit: &Kit, deal: &Deal, id: &str) -> String {
    let c = deal.case();
    c.stakeholders
        .get(id)
        .map(|i| kit.c(&c.stakeholder(i).name).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// A label, a bar and its percentage on one line. `flex_shrink: 0` because the panel scrolls:
/// a shrinkable row would be squeezed to nothing instead of scrolling.
fn bar_row(
    p: &mut ChildSpawnerCommands,
    kit: &Kit,
    (label, label_color, label_px): (String, Color, f32),
    share: f64,
    color: Color,
) {
    p.spawn(Node {
        width: Val::Percent(100.0),
        flex_shrink: 0.0,
        ..row()
    })
    .with_children(|r| {
        // The label wraps within its column, so a long one never runs into the bar.
        r.spawn(Node {
            width: Val::Px(label_px * kit.scale),
            flex_shrink: 0.0,
            margin: UiRect::right(Val::Px(8.0)),
            ..default()
        })
        .with_children(|l| {
            l.spawn(kit.text(label, size::SMALL, label_color));
        });
        r.spawn(Node {
            flex_grow: 1.0,
            ..default()
        })
        .with_children(|b| {
            b.spawn(meter_bar((share * 100.0) as f32, 100.0, color));
        });
        r.spawn(kit.label(
            format!("{:.0}%", share * 100.0),
            size::SMALL,
            palette::TEXT,
            48.0,
        ));
    });
}

/// Positions and people of an evaluation.
fn standing(p: &mut ChildSpawnerCommands, kit: &Kit, deal: &Deal, e: &Evaluation) {
    p.spawn(kit.text(
        kit.t("Chance of each bidder", "各家的中标机会"),
        size::SMALL,
        palette::TEXT_DIM,
    ));
    for pos in &e.positions {
        let color = if pos.bidder == "us" {
            palette::GOOD
        } else {
            palette::BAD
        };
        let mut name = bidder(kit, deal, &pos.bidder);
        if pos.partner {
            name.push_str(kit.t(" (partner)", "（合作）"));
        }
        bar_row(p, kit, (name, palette::TEXT, 170.0), pos.chance, color);
    }
    p.spawn(kit.text(
        kit.t(
            "How each person stood (weight = real influence on this decision; bar = his voice for you)",
            "每个人的立场（权重 = 对本次决策的实际影响力；条 = 他支持你的份量）",
        ),
        size::SMALL,
        palette::TEXT_DIM,
    ));
    let mut people: Vec<_> = e.people.iter().collect();
    people.sort_by_key(|p| std::cmp::Reverse(p.weight));
    for s in people {
        let backs = s
            .backs
            .as_deref()
            .map(|k| format!(" · {} {}", kit.t("backs", "支持"), bidder(kit, deal, k)))
            .unwrap_or_default();
        let label = format!(
            "{} ×{} · {}{backs}",
            person(kit, deal, &s.person),
            s.weight,
            kit.c(&s.attitude.name())
        );
        bar_row(
            p,
            kit,
            (label, palette::attitude(s.attitude), 300.0),
            s.for_us,
            palette::GOOD,
        );
    }
    let mut factors = vec![format!(
        "{} {:.0}/100",
        kit.t("5K intensity", "销售强度"),
        e.intensity * 100.0
    )];
    if let Some(fit) = e.issue_fit {
        factors.push(
            if fit {
                kit.t("proposal answers the burning issue", "方案回应了燃眉之急")
            } else {
                kit.t("proposal misses the burning issue", "方案没有回应燃眉之急")
            }
            .to_string(),
        );
    }
    factors.push(format!(
        "{} {:.0}%",
        kit.t("insider quality", "内线质量"),
        e.insider * 100.0
    ));
    factors.push(
        if e.met_decision_maker {
            kit.t("you met the decision maker", "见过拍板人")
        } else {
            kit.t("you never met the decision maker", "没见过拍板人")
        }
        .to_string(),
    );
    p.spawn(kit.text(factors.join(" · "), size::SMALL, palette::INFO));
}

pub fn spawn(body: &mut ChildSpawnerCommands, kit: &Kit, deal: &Deal, r: &RunResult) {
    let c = deal.case();
    body.spawn(column(3.0)).with_children(|p| {
        p.spawn(kit.bold(
            kit.t("THE CUSTOMER'S DECISION", "客户的决定"),
            size::SMALL,
            palette::ACCENT,
        ));
        p.spawn(scroll_column(Val::Percent(100.0)))
            .with_children(|col| match (&r.decision, &c.decision) {
                (Some(d), _) => {
                    for line in d.tipped.iter().take(1) {
                        col.spawn(kit.text(kit.c(line), size::BODY, palette::TEXT));
                    }
                    standing(col, kit, deal, &d.evaluation);
                    col.spawn(kit.text(
                        kit.t("What tipped it", "关键因素"),
                        size::SMALL,
                        palette::TEXT_DIM,
                    ));
                    for line in d.tipped.iter().skip(1) {
                        col.spawn(kit.text(
                            format!("· {}", kit.c(line)),
                            size::SMALL,
                            palette::TEXT,
                        ));
                    }
                }
                (None, Some(_)) => {
                    // The deal ended before the customer decided (withdrew, ran out of time,
                    // or an authored ending): show how it stood on the last day.
                    col.spawn(kit.text(
                        kit.t(
                            "The customer had not decided when the deal ended for you. Had he decided that day:",
                            "在你离场时客户还没有拍板。假如他当天拍板：",
                        ),
                        size::BODY,
                        palette::TEXT,
                    ));
                    let e = decision::evaluate(c, &deal.game.state);
                    standing(col, kit, deal, &e);
                }
                (None, None) => {
                    col.spawn(kit.text(
                        kit.t(
                            "In this case the author writes how the customer decides: see the ending and your moves.",
                            "本案例的结局由作者编写：请看结局和你的每一步。",
                        ),
                        size::BODY,
                        palette::TEXT,
                    ));
                }
            });
    });
    body.spawn(column(2.0)).with_children(|p| {
        p.spawn(kit.bold(
            kit.t("MISTAKES ON THE WAY", "过程中的失误"),
            size::SMALL,
            palette::ACCENT,
        ));
        p.spawn(scroll_column(Val::Percent(100.0)))
            .with_children(|col| {
                let mut any = false;
                for m in r.moves.iter().filter(|m| !m.mistakes.is_empty()) {
                    any = true;
                    col.spawn(Node {
                        flex_direction: FlexDirection::Column,
                        flex_shrink: 0.0,
                        row_gap: Val::Px(2.0),
                        ..default()
                    })
                    .with_children(|it| {
                        it.spawn(kit.bold(
                            format!("{} · {}", kit.week(m.week), kit.c(&m.label)),
                            size::SMALL,
                            palette::TEXT,
                        ));
                        for k in &m.mistakes {
                            let name = Mistake::from_key(k)
                                .map(|x| kit.c(&mistake_name(x)).to_string())
                                .unwrap_or_else(|| k.replace('_', " "));
                            it.spawn(kit.text(format!("✗ {name}"), size::SMALL, palette::BAD));
                        }
                        for d in m.deltas.iter().filter(|d| d.points < 0) {
                            it.spawn(delta_line(kit, d, &Default::default()));
                        }
                    });
                }
                if !any {
                    col.spawn(kit.text(
                        kit.t(
                            "None of the mistakes the engine knows. Compare your line with the expert's for what you could still gain.",
                            "没有犯引擎能识别的失误。对照专家打法，看看还能在哪里多得分。",
                        ),
                        size::SMALL,
                        palette::GOOD,
                    ));
                }
            });
    });
}
