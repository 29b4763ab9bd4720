//! Checks of who is there when: absence windows (on people, allies and in variants), waits
//! until a date, events that only some variants have, and the allies' limit.

use super::Checker;
use crate::case::model::*;

/// Ally moods are four bits each in a 64-bit word of the state.
pub const MAX_ALLIES: usize = 16;

pub(super) fn check(ck: &mut Checker, case: &Case) {
    let last = case.calendar.weeks;
    if case.seller.allies.len() > MAX_ALLIES {
        ck.error(
            "E016",
            ck.loc.field_after(0, "allies").unwrap_or((0, 0)),
            format!(
                "{} allies; a case may have at most {MAX_ALLIES}",
                case.seller.allies.len()
            ),
            Some("keep the allies who change something in the deal".into()),
        );
        ck.zh(
            format!(
                "{} 个盟友；一个案例最多只能有 {MAX_ALLIES} 个",
                case.seller.allies.len()
            ),
            Some("只留下能改变这单局面的盟友".into()),
        );
    }
    for p in &case.stakeholders {
        windows(ck, &p.id, &p.away, last);
    }
    for a in &case.seller.allies {
        windows(ck, &a.id, &a.away, last);
    }
    for v in &case.variants {
        for ch in &v.changes {
            if let Change::Away(_, ws) = ch {
                windows(ck, &v.id, ws, last);
            }
        }
    }
    for s in &case.scenes {
        for c in &s.choices {
            let Some(u) = c.cost.until else { continue };
            if u == 0 || u > last + 1 {
                ck.error(
                    "E025",
                    ck.loc.field_in(&c.id, "until"),
                    format!(
                        "`{}` waits until week {u}, outside the calendar's weeks 1–{last}",
                        c.id
                    ),
                    Some(format!(
                        "wait until a week from 2 to {last}; waiting past week {last} is the time-out"
                    )),
                );
                ck.zh(
                    format!("`{}` 要等到第 {u} 周，超出了日历的第 1–{last} 周", c.id),
                    Some(format!(
                        "等到第 2 到第 {last} 周之间的某一周；过了第 {last} 周就是超时"
                    )),
                );
            }
        }
    }
    for e in &case.events {
        if !e.variants.is_empty() && case.variants.is_empty() {
            ck.warn(
                "W114",
                ck.loc.field_in(&e.id, "variants"),
                format!(
                    "event `{}` happens only in some variants, but the case has none, so it never happens",
                    e.id
                ),
                Some("add the variants, or remove `variants` from the event".into()),
            );
            ck.zh(
                format!(
                    "事件 `{}` 只在某些变体里发生，但案例没有变体，所以它永远不会发生",
                    e.id
                ),
                Some("加上变体，或去掉事件里的 `variants`".into()),
            );
        }
    }
}

fn windows(ck: &mut Checker, anchor: &str, ws: &[Window], last: u32) {
    for w in ws {
        if w.from == 0 || w.from > w.to {
            ck.error(
                "E025",
                ck.loc.field_in(anchor, "from"),
                format!(
                    "`{anchor}` is away from week {} to week {}: not a span of weeks",
                    w.from, w.to
                ),
                Some("weeks count from 1, and `from` comes before or equals `to`".into()),
            );
            ck.zh(
                format!(
                    "`{anchor}` 从第 {} 周到第 {} 周不在：这不是一段周数",
                    w.from, w.to
                ),
                Some("周数从 1 开始，`from` 不能晚于 `to`".into()),
            );
        } else if w.from > last {
            ck.warn(
                "W115",
                ck.loc.field_in(anchor, "from"),
                format!(
                    "`{anchor}` is away from week {}, after the deal's last week ({last}): it never matters",
                    w.from
                ),
                None,
            );
            ck.zh(
                format!(
                    "`{anchor}` 从第 {} 周起不在，已在这单最后一周（{last}）之后：没有影响",
                    w.from
                ),
                None,
            );
        }
    }
}
