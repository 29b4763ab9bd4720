//! Flags have no declaration: a flag is whatever a `Set("…")` names. So a misspelt flag in a
//! condition (`Flag`, `NotFlag`, in a choice, a branch, an event's `if` or a paragraph) is
//! not an unknown id but a condition that never changes — one typo can make an absence
//! permanent. These checks name it, with the nearest flag that is set.

use std::collections::BTreeMap;

use super::Checker;
use crate::case::diagnostic::{suggestion, suggestion_zh};
use crate::case::model::*;

fn reads<'a>(cs: &'a [Condition], anchor: &'a str, out: &mut Vec<(&'a str, &'a str)>) {
    for c in cs {
        match c {
            Condition::Flag(f) | Condition::NotFlag(f) => out.push((f, anchor)),
            Condition::Any(v) | Condition::All(v) => reads(v, anchor, out),
            Condition::Not(b) => reads(std::slice::from_ref(b), anchor, out),
            _ => {}
        }
    }
}

fn sets<'a>(es: &'a [Effect], anchor: &'a str, out: &mut BTreeMap<&'a str, &'a str>) {
    for e in es {
        if let Effect::Set(f) = e {
            out.entry(f).or_insert(anchor);
        }
    }
}

pub(super) fn check(ck: &mut Checker, case: &Case) {
    let mut read: Vec<(&str, &str)> = Vec::new();
    let mut set: BTreeMap<&str, &str> = BTreeMap::new();
    let mut cleared: Vec<&str> = Vec::new();
    for s in &case.scenes {
        for p in &s.paragraphs {
            reads(&p.when, &s.id, &mut read);
        }
        for c in &s.choices {
            reads(&c.when, &c.id, &mut read);
            sets(&c.effects, &c.id, &mut set);
            for b in &c.branches {
                reads(&b.when, &c.id, &mut read);
                sets(&b.effects, &c.id, &mut set);
            }
            let all = c
                .effects
                .iter()
                .chain(c.branches.iter().flat_map(|b| &b.effects));
            cleared.extend(all.filter_map(|e| match e {
                Effect::Clear(f) => Some(f.as_str()),
                _ => None,
            }));
        }
    }
    for e in &case.events {
        reads(&e.conditions, &e.id, &mut read);
        sets(&e.effects, &e.id, &mut set);
    }
    for v in &case.variants {
        for ch in &v.changes {
            if let Change::Effects(es) = ch {
                sets(es, &v.id, &mut set);
            }
        }
    }
    let mut warned: Vec<&str> = Vec::new();
    for (flag, anchor) in &read {
        if set.contains_key(flag) || warned.contains(flag) {
            continue;
        }
        warned.push(flag);
        let hint = suggestion(flag, set.keys().copied()).map_or_else(
            || format!("nothing ever does `Set(\"{flag}\")`, so this condition never changes; set it in a choice's or an event's effects"),
            |m| format!("{m} (nothing sets `{flag}`, so the condition never changes)"),
        );
        ck.warn(
            "W112",
            ck.loc.value_in(anchor, flag),
            format!("flag `{flag}` is read in `{anchor}` but never set"),
            Some(hint),
        );
        let hint_zh = suggestion_zh(flag, set.keys().copied()).map_or_else(
            || format!("没有任何地方 `Set(\"{flag}\")`，这个条件永远不变；请在某个选项或事件的效果里设置它"),
            |m| format!("{m}（没有地方设置 `{flag}`，条件永远不变）"),
        );
        ck.zh(
            format!("`{anchor}` 读了标记 `{flag}`，但从没有地方设置它"),
            Some(hint_zh),
        );
    }
    for (flag, anchor) in &set {
        if read.iter().any(|(f, _)| f == flag) || cleared.contains(flag) {
            continue;
        }
        ck.warn(
            "W113",
            ck.loc.value_in(anchor, flag),
            format!("flag `{flag}` is set in `{anchor}` but no condition reads it"),
            Some(format!(
                "read it with `Flag(\"{flag}\")` or `NotFlag(\"{flag}\")`, or remove the `Set`"
            )),
        );
        ck.zh(
            format!("`{anchor}` 设置了标记 `{flag}`，但没有条件读它"),
            Some(format!(
                "用 `Flag(\"{flag}\")` 或 `NotFlag(\"{flag}\")` 读它，或删掉这个 `Set`"
            )),
        );
    }
}
