//! Outcome: how the deal ended and the headline scores.

use bevy::prelude::*;

use super::Screen;
use crate::case::model::Outcome;
use crate::session::Deal;
use crate::theme::interaction::HotKey;
use crate::theme::widget::{centered_column, gap, meter_bar, row, screen_root, size};
use crate::theme::{Activate, Kit, palette};

#[derive(Component)]
pub struct DebriefButton;

/// The browser build's "download the results file" button.
#[derive(Component)]
pub struct DownloadButton;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Outcome), spawn);
}

pub fn outcome_word(kit: &Kit, o: Option<Outcome>) -> &'static str {
    match o {
        Some(Outcome::Won) => kit.t("WON", "赢单"),
        Some(Outcome::Lost) => kit.t("LOST", "丢单"),
        Some(Outcome::Withdrew) => kit.t("WITHDREW", "主动退出"),
        Some(Outcome::TimedOut) => kit.t("TIMED OUT", "时间耗尽"),
        None => kit.t("UNFINISHED", "未结束"),
    }
}

/// A labelled 0–100 score bar.
fn score_row(
    parent: &mut ChildSpawnerCommands,
    kit: &Kit,
    label: &str,
    value: f32,
    color: Color,
    width: Val,
    label_px: f32,
) {
    parent.spawn(Node { width, ..row() }).with_children(|r| {
        r.spawn(kit.label(label.to_string(), size::BODY, palette::TEXT, label_px));
        r.spawn(Node {
            flex_grow: 1.0,
            ..default()
        })
        .with_children(|b| {
            b.spawn(meter_bar(value, 100.0, color));
        });
        r.spawn(kit.label(format!("{value:.0}"), size::BODY, palette::TEXT, 40.0));
    });
}

/// The headline scores the case gives weight to (a case without an insider decision does
/// not show an insider score of 0); `columns` puts them two to a line (the debrief's header).
pub fn headline_rows(
    parent: &mut ChildSpawnerCommands,
    kit: &Kit,
    w: &crate::case::model::Weights,
    s: &crate::scoring::total::Scores,
    columns: bool,
) {
    let rows = [
        (
            w.burning_issue,
            kit.t("Burning issue", "燃眉之急"),
            s.burning_issue,
        ),
        (w.insider, kit.t("Insider", "内线"), s.insider),
        (w.sequencing, kit.t("Sequencing", "拜访顺序"), s.sequencing),
        (w.rank, kit.t("Where we rank", "排名判断"), s.rank),
        (w.read, kit.t("Reading people", "识人"), s.read),
        (
            w.intensity,
            kit.t("5K intensity", "5K 销售强度"),
            s.intensity,
        ),
        (w.outcome, kit.t("Outcome", "结局"), s.outcome),
    ];
    let (width, label_px) = if columns {
        (Val::Percent(48.0), 130.0)
    } else {
        (Val::Percent(100.0), 190.0)
    };
    parent
        .spawn(Node {
            width: Val::Percent(100.0),
            flex_wrap: FlexWrap::Wrap,
            column_gap: Val::Percent(4.0),
            row_gap: Val::Px(2.0),
            flex_shrink: 0.0,
            ..default()
        })
        .with_children(|grid| {
            for (weight, label, value) in rows {
                if weight > 0 {
                    score_row(
                        grid,
                        kit,
                        label,
                        value as f32,
                        palette::ACCENT,
                        width,
                        label_px,
                    );
                }
            }
        });
}

fn spawn(mut commands: Commands, kit: Res<Kit>, deal: Option<Res<Deal>>) {
    let Some(deal) = deal else { return };
    let c = deal.case();
    let r = crate::scoring::result(&deal.game);
    let ending = deal.game.state.ending.map(|e| c.ending(e));
    commands
        .spawn((screen_root(), DespawnOnExit(Screen::Outcome)))
        .with_children(|root| {
            root.spawn(centered_column(900.0)).with_children(|col| {
                let color = match r.outcome {
                    Some(Outcome::Won) => palette::GOOD,
                    Some(Outcome::Withdrew) => palette::INFO,
                    _ => palette::BAD,
                };
                col.spawn(kit.bold(outcome_word(&kit, r.outcome), size::H2, color));
                if let Some(e) = ending {
                    col.spawn(kit.heading(kit.c(&e.title)));
                    col.spawn(kit.text(kit.c(&e.text), size::H2, palette::TEXT));
                }
                col.spawn(Node {
                    height: Val::Px(gap::M),
                    ..default()
                });
                col.spawn(kit.bold(
                    format!("{} {:.1} / 100", kit.t("Total", "总分"), r.score.total),
                    size::H1,
                    palette::ACCENT,
                ));
                headline_rows(col, &kit, &c.case.scoring.weights, &r.score, false);
                if let Some(w) = r.score.win_chance {
                    col.spawn(kit.text(
                        format!(
                            "{} {w}%",
                            kit.t(
                                "Your chance of winning when the customer decided:",
                                "客户拍板时你的赢单机会："
                            )
                        ),
                        size::BODY,
                        palette::INFO,
                    ));
                }
                col.spawn(kit.text(
                    format!(
                        "{} {}% · {} {} · {} {}",
                        kit.t("Funnel", "漏斗"),
                        r.funnel,
                        kit.t("spent", "花费"),
                        super::parts::cost_label(
                            &kit,
                            0,
                            r.cost.money.max(0) as u32,
                            &c.case.calendar.currency
                        ),
                        r.cost.weeks,
                        kit.t("weeks", "周")
                    ),
                    size::BODY,
                    palette::TEXT_DIM,
                ));
                match &deal.results_file {
                    #[cfg(target_arch = "wasm32")]
                    Some(Ok(path)) => {
                        let path = path.clone();
                        col.spawn((
                            kit.quiet_button(kit.t("Download the results file", "下载成绩文件"), 1),
                            DownloadButton,
                        ))
                        .observe(move |_: On<Activate>| {
                            let name = path
                                .file_name()
                                .map(|n| n.to_string_lossy().into_owned())
                                .unwrap_or_else(|| "dealcraft-results.json".into());
                            if let Ok(bytes) = crate::web::read(&path, crate::save::MAX_SAVE_BYTES)
                            {
                                let _ = crate::web::download(&name, &bytes, "application/json");
                            }
                        });
                    }
                    #[cfg(not(target_arch = "wasm32"))]
                    Some(Ok(path)) => {
                        let saved = format!(
                            "{} {}",
                            kit.t("Results saved:", "成绩已保存："),
                            path.display()
                        );
                        col.spawn(kit.text(saved, size::SMALL, palette::TEXT_DIM));
                    }
                    Some(Err(e)) => {
                        col.spawn(kit.text(e.clone(), size::SMALL, palette::BAD));
                    }
                    None => {}
                }
                col.spawn((
                    kit.button(kit.t("See the debrief (Enter)", "查看复盘 (Enter)"), 0),
                    DebriefButton,
                    HotKey(KeyCode::Enter),
                ))
                .observe(
                    |_: On<Activate>, mut next: ResMut<NextState<Screen>>| {
                        next.set(Screen::Debrief)
                    },
                );
            });
        });
}
