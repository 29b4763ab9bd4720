//! People on the board: a card shows what the trainee has found out (never the truth he has
//! not seen), and the trainee's own read of the person, which he edits here.

use bevy::prelude::*;

use super::Screen;
use crate::case::model::{Attitude, BuyingRole, ChangeAttitude, Closeness, Concern, Needs};
use crate::case::text::Lang;
use crate::engine::compile::Ix;
use crate::engine::read::Read;
use crate::engine::view::{self, Card, PersonView};
use crate::session::{Deal, Settings};
use crate::theme::widget::{gap, size};
use crate::theme::{Activate, Kit, palette};

/// Whose read the trainee is editing on the board, and at which turn: the editor closes by
/// itself once a move is made (redrawing the board is a state transition, so it cannot be
/// closed on leaving the screen).
#[derive(Resource, Default)]
pub struct Reading {
    who: Option<(Ix, u32)>,
}

impl Reading {
    pub fn open(&mut self, who: Ix, turn: u32) {
        self.who = Some((who, turn));
    }
    pub fn close(&mut self) {
        self.who = None;
    }
    /// The person being read now, if the editor is open at this turn.
    pub fn at(&self, turn: u32) -> Option<Ix> {
        self.who.filter(|&(_, t)| t == turn).map(|(p, _)| p)
    }
}

/// A button that opens the read of this person.
#[derive(Component, Clone, Copy)]
pub struct ReadButton(pub Ix);

/// A button that moves one field of the read to its next value.
#[derive(Component, Clone, Copy)]
pub struct ReadField(pub Field);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Role,
    Influence,
    Attitude,
    Needs,
    Change,
    Concern,
    Closeness,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Role,
        Field::Influence,
        Field::Attitude,
        Field::Needs,
        Field::Change,
        Field::Concern,
        Field::Closeness,
    ];
    pub fn label(self, kit: &Kit) -> &'static str {
        match self {
            Field::Role => kit.t("Buying role", "采购角色"),
            Field::Influence => kit.t("Real influence", "实际影响力"),
            Field::Attitude => kit.t("Attitude to us", "对我方态度"),
            Field::Needs => kit.t("Needs level", "需求层次"),
            Field::Change => kit.t("Attitude to change", "对变化的态度"),
            Field::Concern => kit.t("Decision concern", "决策关注点"),
            Field::Closeness => kit.t("Closeness of contact", "接触紧密度"),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Reading>();
}

pub fn role_name(r: BuyingRole, l: Lang) -> String {
    r.name().get(l).to_string()
}

fn stars(n: u8) -> String {
    "★".repeat(n.min(5) as usize) + &"☆".repeat(5 - n.min(5) as usize)
}

/// What a field of a read says, in words ("?" when not set).
pub fn field_value(kit: &Kit, r: Option<&Read>, f: Field) -> String {
    let q = "?".to_string();
    let Some(r) = r else { return q };
    match f {
        Field::Role => r.role.map(|x| role_name(x, kit.lang)),
        Field::Influence => r.influence.map(stars),
        Field::Attitude => r.attitude.map(|x| kit.c(&x.name()).to_string()),
        Field::Needs => r.needs.map(|x| kit.c(&x.name()).to_string()),
        Field::Change => r.change.map(|x| kit.c(&x.name()).to_string()),
        Field::Concern => r.concern.map(|x| kit.c(&x.name()).to_string()),
        Field::Closeness => r.closeness.map(|x| kit.c(&x.name()).to_string()),
    }
    .unwrap_or(q)
}

/// The next value of a field: through every value, then back to "not set".
fn cycle<T: Copy + PartialEq>(all: &[T], v: Option<T>) -> Option<T> {
    match v {
        None => all.first().copied(),
        Some(x) => all
            .iter()
            .position(|&y| y == x)
            .and_then(|i| all.get(i + 1).copied()),
    }
}

fn next_read(r: &mut Read, f: Field) {
    match f {
        Field::Role => r.role = cycle(&BuyingRole::ALL, r.role),
        Field::Influence => r.influence = cycle(&[0, 1, 2, 3, 4, 5], r.influence),
        Field::Attitude => r.attitude = cycle(&Attitude::ALL, r.attitude),
        Field::Needs => r.needs = cycle(&Needs::ALL, r.needs),
        Field::Change => r.change = cycle(&ChangeAttitude::ALL, r.change),
        Field::Concern => r.concern = cycle(&Concern::ALL, r.concern),
        Field::Closeness => r.closeness = cycle(&Closeness::ALL, r.closeness),
    }
}

/// A person on the map: what the trainee has found out, dated and marked when he was only
/// told it, and his own read. `editable` adds the button that opens the read.
pub fn person_card(
    parent: &mut ChildSpawnerCommands,
    kit: &Kit,
    deal: &Deal,
    ix: Ix,
    width: Val,
    editable: bool,
) {
    let c = deal.case();
    let v: PersonView = view::person(c, &deal.game.state, &deal.game.reads, ix);
    let mood_color = v.mood.map(|m| palette::attitude(m.0));
    let border = if !v.known {
        palette::BORDER
    } else {
        mood_color.unwrap_or(palette::TEXT_DIM)
    };
    parent
        .spawn((
            Node {
                width,
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(Val::Px(gap::S)),
                row_gap: Val::Px(2.0),
                border: UiRect::all(Val::Px(2.0)),
                border_radius: BorderRadius::all(Val::Px(6.0)),
                ..default()
            },
            BackgroundColor(if v.known {
                palette::PANEL_RAISED
            } else {
                palette::PANEL
            }),
            BorderColor::all(border),
        ))
        .with_children(|card| {
            if !v.known {
                card.spawn(kit.text("?", size::H2, palette::BORDER));
                card.spawn(kit.text(
                    kit.t("someone you have not found yet", "尚未发现的人"),
                    size::SMALL,
                    palette::BORDER,
                ));
                return;
            }
            if let Some(Some(img)) = deal.portraits.get(ix as usize) {
                card.spawn((
                    ImageNode::new(img.clone()),
                    Node {
                        width: Val::Px(48.0),
                        height: Val::Px(48.0),
                        ..default()
                    },
                ));
            }
            let insider = if v.insider {
                kit.t("  ◆ your man inside", "  ◆ 你的内线")
            } else {
                ""
            };
            card.spawn(kit.bold(
                format!("{}{insider}", kit.c(&v.person.name)),
                size::BODY,
                palette::TEXT,
            ));
            card.spawn(kit.text(kit.c(&v.person.title), size::SMALL, palette::TEXT_DIM));
            // What he was seen or told to be.
            let role = match v.role {
                Card::Unknown => kit.t("role: ?", "角色：？").to_string(),
                Card::Told(r) => format!(
                    "{} {}",
                    kit.t("said to be", "据说是"),
                    role_name(r, kit.lang)
                ),
                Card::Seen(r) => role_name(r, kit.lang).to_string(),
            };
            let influence = match v.influence {
                Card::Unknown => kit.t("influence ?", "影响力 ？").to_string(),
                Card::Told(n) => format!("{} {}", kit.t("said", "据说"), stars(n)),
                Card::Seen(n) => stars(n),
            };
            card.spawn(kit.text(format!("{role} · {influence}"), size::SMALL, palette::INFO));
            match v.mood {
                None => {
                    card.spawn(kit.text(
                        kit.t("not met yet", "尚未见面"),
                        size::SMALL,
                        palette::TEXT_DIM,
                    ));
                }
                Some((a, week, real)) => {
                    let how = if real {
                        kit.t("stood", "实际态度")
                    } else {
                        kit.t("seemed", "看上去")
                    };
                    card.spawn(kit.text(
                        match kit.lang {
                            Lang::En => format!("{how}: {} (wk {week})", kit.c(&a.name())),
                            Lang::Zh => format!("{how}：{}（第 {week} 周）", kit.c(&a.name())),
                        },
                        size::SMALL,
                        palette::attitude(a),
                    ));
                }
            }
            if let Some(backs) = v.backs {
                let text = match backs {
                    Some(k) => format!("{} {}", kit.t("backs", "支持"), kit.c(&k.name)),
                    None => kit.t("backs no bidder", "不支持任何一家").to_string(),
                };
                card.spawn(kit.text(text, size::SMALL, palette::BAD));
            }
            if let Some(r) = v.read {
                let mut parts = vec![];
                if let Some(x) = r.role {
                    parts.push(role_name(x, kit.lang));
                }
                if let Some(x) = r.influence {
                    parts.push(stars(x));
                }
                if let Some(x) = r.attitude {
                    parts.push(kit.c(&x.name()).to_string());
                }
                if !parts.is_empty() {
                    card.spawn(kit.text(
                        format!(
                            "{} {}",
                            kit.t("your read:", "你的判断："),
                            parts.join(" · ")
                        ),
                        size::SMALL,
                        palette::ACCENT,
                    ));
                }
            }
            if editable && v.met {
                card.spawn((
                    kit.small_button(kit.t("Your read…", "写下判断…"), 500 + ix as u32),
                    ReadButton(ix),
                ))
                .observe(open_read);
            }
        });
}

fn open_read(
    ev: On<Activate>,
    buttons: Query<&ReadButton>,
    deal: Res<Deal>,
    mut reading: ResMut<Reading>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Ok(ReadButton(ix)) = buttons.get(ev.entity) {
        reading.open(*ix, deal.game.turn());
        next.set(*screen.get());
    }
}

fn change_field(
    ev: On<Activate>,
    fields: Query<&ReadField>,
    reading: Res<Reading>,
    mut deal: ResMut<Deal>,
    settings: Res<Settings>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let (Ok(ReadField(f)), Some(ix)) = (fields.get(ev.entity), reading.at(deal.game.turn())) else {
        return;
    };
    let id = deal.case().stakeholders.names[ix as usize].clone();
    let mut r = deal.game.read_of(&id).cloned().unwrap_or(Read {
        person: id,
        ..Read::default()
    });
    next_read(&mut r, *f);
    deal.set_read(r, settings.lang);
    next.set(*screen.get());
}

/// The editor of the trainee's read of one person, with what he has found out beside it.
pub fn read_editor(parent: &mut ChildSpawnerCommands, kit: &Kit, deal: &Deal, ix: Ix) {
    let c = deal.case();
    let v = view::person(c, &deal.game.state, &deal.game.reads, ix);
    parent.spawn(kit.bold(
        format!(
            "{} {}",
            kit.t("YOUR READ OF", "你对此人的判断："),
            kit.c(&v.person.name)
        ),
        size::SMALL,
        palette::ACCENT,
    ));
    parent.spawn(kit.text(
        kit.t(
            "What you conclude, not what the card says: the debrief sets it beside the truth.",
            "写下你的判断，而不是照抄卡片：复盘时会把它和真相放在一起。",
        ),
        size::SMALL,
        palette::TEXT_DIM,
    ));
    let mut known: Vec<String> = Vec::new();
    if let Some(n) = v.needs {
        known.push(format!(
            "{} {}",
            kit.t("needs:", "需求："),
            kit.c(&n.name())
        ));
    }
    if let Some(ch) = v.change {
        known.push(kit.c(&ch.name()).to_string());
    }
    if let Some(t) = v.concerns {
        known.push(format!("{} {}", kit.t("cares about:", "关注："), kit.c(t)));
    }
    for k in known {
        parent.spawn(kit.text(k, size::SMALL, palette::INFO));
    }
    for (i, f) in Field::ALL.iter().enumerate() {
        parent
            .spawn(Node {
                width: Val::Percent(100.0),
                align_items: AlignItems::Center,
                column_gap: Val::Px(gap::S),
                flex_shrink: 0.0,
                ..default()
            })
            .with_children(|row| {
                row.spawn(kit.label(f.label(kit), size::SMALL, palette::TEXT, 120.0));
                row.spawn((
                    kit.small_button(field_value(kit, v.read, *f), 600 + i as u32),
                    ReadField(*f),
                ))
                .observe(change_field);
            });
    }
    parent
        .spawn(kit.button(kit.t("Done", "完成"), 620))
        .observe(
            |_: On<Activate>,
             mut reading: ResMut<Reading>,
             screen: Res<State<Screen>>,
             mut next: ResMut<NextState<Screen>>| {
                reading.close();
                next.set(*screen.get());
            },
        );
}
