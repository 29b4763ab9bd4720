//! The case as a graph of scenes (nodes) and choices (edges), for Graphviz or Mermaid.

use crate::case::model::{Case, Effect, SceneKind};
use crate::case::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Dot,
    /// DOT with only the choice ids on the edges: for a map drawn small (`graph --format svg`).
    DotCompact,
    Mermaid,
}

struct Edge<'a> {
    from: &'a str,
    to: String,
    label: String,
    /// An event's jump rather than a choice.
    event: bool,
}

/// The endings the customer's decision can lead to (`Decide`).
fn decision_endings(case: &Case) -> Vec<String> {
    let Some(d) = &case.decision else {
        return vec![];
    };
    let mut out: Vec<String> = [Some(&d.won), Some(&d.lost), d.shared.as_ref()]
        .into_iter()
        .flatten()
        .chain(d.lost_to.iter().map(|(_, e)| e))
        .map(|e| format!("end_{e}"))
        .collect();
    out.dedup();
    out
}

fn edges(case: &Case, lang: Lang, compact: bool) -> Vec<Edge<'_>> {
    let mut out = Vec::new();
    let decided = decision_endings(case);
    for s in &case.scenes {
        for c in &s.choices {
            let mut targets: Vec<String> = Vec::new();
            let decides = c.effects.iter().any(|e| matches!(e, Effect::Decide));
            // A branch without conditions always applies: the choice's own way on is never
            // taken, so it is not drawn (no self-loop for a choice that always ends the deal).
            let always_branches = c.branches.iter().any(|b| b.when.is_empty());
            if let Some(e) = &c.end {
                targets.push(format!("end_{e}"));
            } else if let Some(g) = &c.go {
                targets.push(g.clone());
            } else if decides {
                targets.extend(decided.iter().cloned());
            } else if !always_branches {
                targets.push(s.id.clone());
            }
            for b in &c.branches {
                if b.effects.iter().any(|e| matches!(e, Effect::Decide)) && b.end.is_none() {
                    targets.extend(decided.iter().cloned());
                }
                if let Some(e) = &b.end {
                    targets.push(format!("end_{e}"));
                } else if let Some(g) = &b.go {
                    targets.push(g.clone());
                }
            }
            let mut seen = Vec::new();
            targets.retain(|t| {
                let fresh = !seen.contains(t);
                seen.push(t.clone());
                fresh
            });
            for t in targets {
                out.push(Edge {
                    from: &s.id,
                    to: t,
                    label: if compact {
                        c.id.clone()
                    } else {
                        format!("{}: {}", c.id, short(c.label.get(lang)))
                    },
                    event: false,
                });
            }
        }
    }
    // Events that interrupt: a scene reached only by one is not unreachable on the map.
    for e in &case.events {
        if let Some(g) = &e.go {
            out.push(Edge {
                from: &e.id,
                to: g.clone(),
                label: if compact {
                    String::new()
                } else {
                    short(e.news.get(lang))
                },
                event: true,
            });
        }
    }
    out
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(28).collect();
    if s.chars().count() > 28 {
        t.push('…');
    }
    t
}

/// Text inside a DOT quoted string: backslash and quote escaped, line breaks and other
/// control characters as spaces.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text inside a quoted Mermaid label: every character that could end the string, start
/// markup (HTML labels, markdown strings) or an entity is written as a Mermaid entity code, and
/// line breaks become spaces, so a label can never start a new statement.
fn mermaid_esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '|' => out.push_str("#124;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            '[' | ']' | '{' | '}' | '(' | ')' => out.push_str(&format!("#{};", c as u32)),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Mermaid node ids are generated (`s0`, `s1`, … for scenes, `e0`, … for endings), never the
/// case's own ids: an id is author text and could otherwise inject statements such as
/// `click x href "javascript:…"`.
struct MermaidIds {
    ids: std::collections::HashMap<String, String>,
}

impl MermaidIds {
    fn new(case: &Case) -> Self {
        let mut ids = std::collections::HashMap::new();
        for (i, s) in case.scenes.iter().enumerate() {
            ids.entry(s.id.clone()).or_insert_with(|| format!("s{i}"));
        }
        for (i, e) in case.endings.iter().enumerate() {
            ids.entry(format!("end_{}", e.id))
                .or_insert_with(|| format!("e{i}"));
        }
        for (i, e) in case.events.iter().enumerate() {
            ids.entry(format!("event_{}", e.id))
                .or_insert_with(|| format!("v{i}"));
        }
        MermaidIds { ids }
    }
    /// The node id of a scene id or `end_…` target (unknown targets share one node).
    fn of(&self, target: &str) -> &str {
        self.ids.get(target).map_or("unknown", String::as_str)
    }
}

/// A scene's kind in the map's language (under its title on every node).
pub fn kind_word(k: &SceneKind, lang: Lang) -> &'static str {
    match (k, lang) {
        (SceneKind::Board, Lang::En) => "board",
        (SceneKind::Meeting(_), Lang::En) => "meeting",
        (SceneKind::Decision(_), Lang::En) => "decision",
        (SceneKind::Story, Lang::En) => "story",
        (SceneKind::Board, Lang::Zh) => "看板",
        (SceneKind::Meeting(_), Lang::Zh) => "会谈",
        (SceneKind::Decision(_), Lang::Zh) => "决断",
        (SceneKind::Story, Lang::Zh) => "叙述",
    }
}

pub fn render(case: &Case, format: Format, lang: Lang) -> String {
    let mut out = String::new();
    let kind = |k: &SceneKind| kind_word(k, lang);
    let event = match lang {
        Lang::En => "event",
        Lang::Zh => "事件",
    };
    match format {
        Format::Dot | Format::DotCompact => {
            let compact = format == Format::DotCompact;
            out.push_str(&format!(
                "digraph \"{}\" {{\n  rankdir=LR;\n  node [fontname=\"Noto Sans CJK SC\"];\n",
                esc(&case.id)
            ));
            for s in &case.scenes {
                let shape = match s.kind {
                    SceneKind::Board => "box, style=bold",
                    SceneKind::Meeting(_) => "ellipse",
                    SceneKind::Decision(_) => "diamond",
                    SceneKind::Story => "note",
                };
                let start = if s.id == case.start {
                    ", peripheries=2"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "  \"{}\" [label=\"{}\\n({})\", shape={shape}{start}];\n",
                    esc(&s.id),
                    esc(s.title.get(lang)),
                    kind(&s.kind)
                ));
            }
            for e in &case.endings {
                out.push_str(&format!(
                    "  \"end_{}\" [label=\"{}\\n[{}]\", shape=doubleoctagon];\n",
                    esc(&e.id),
                    esc(e.title.get(lang)),
                    e.outcome.key()
                ));
            }
            for e in case.events.iter().filter(|e| e.go.is_some()) {
                out.push_str(&format!(
                    "  \"event_{}\" [label=\"{event} {}\", shape=cds, style=dashed];\n",
                    esc(&e.id),
                    esc(&e.id)
                ));
            }
            for e in edges(case, lang, compact) {
                let (from, style) = if e.event {
                    (format!("event_{}", e.from), ", style=dashed")
                } else {
                    (e.from.to_string(), "")
                };
                out.push_str(&format!(
                    "  \"{}\" -> \"{}\" [label=\"{}\"{style}];\n",
                    esc(&from),
                    esc(&e.to),
                    esc(&e.label)
                ));
            }
            out.push_str("}\n");
        }
        Format::Mermaid => {
            let ids = MermaidIds::new(case);
            out.push_str("flowchart LR\n");
            for s in &case.scenes {
                let title = mermaid_esc(s.title.get(lang));
                let (l, r) = match s.kind {
                    SceneKind::Board => ("[[", "]]"),
                    SceneKind::Meeting(_) => ("([", "])"),
                    SceneKind::Decision(_) => ("{", "}"),
                    SceneKind::Story => ("[", "]"),
                };
                out.push_str(&format!("  {}{l}\"{title}\"{r}\n", ids.of(&s.id)));
            }
            for e in &case.endings {
                out.push_str(&format!(
                    "  {}((\"{} · {}\"))\n",
                    ids.of(&format!("end_{}", e.id)),
                    mermaid_esc(e.title.get(lang)),
                    e.outcome.key()
                ));
            }
            for e in case.events.iter().filter(|e| e.go.is_some()) {
                out.push_str(&format!(
                    "  {}>\"{event} · {}\"]\n",
                    ids.of(&format!("event_{}", e.id)),
                    mermaid_esc(&e.id)
                ));
            }
            for e in edges(case, lang, false) {
                let (from, arrow) = if e.event {
                    (ids.of(&format!("event_{}", e.from)), "-.->")
                } else {
                    (ids.of(e.from), "-->")
                };
                out.push_str(&format!(
                    "  {from} {arrow}|\"{}\"| {}\n",
                    mermaid_esc(&e.label),
                    ids.of(&e.to)
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hostile() -> Case {
        let src = include_str!("../../cases/first-lead.ron");
        let mut case = crate::case::load::parse("x.ron", src).unwrap();
        let evil = "x\nclick x href \"javascript:alert(1)\"\n%%";
        case.scenes[0].id = evil.into();
        case.start = evil.into();
        case.scenes[0].title.en =
            "A\"] --> B\nclick A call alert(1) <img src=x onerror=alert(1)> `md` #quot;".into();
        case.endings[0].id = "e\"]\nclick e href \"javascript:alert(2)\"".into();
        case
    }

    #[test]
    fn mermaid_cannot_be_injected_through_ids_or_titles() {
        let out = render(&hostile(), Format::Mermaid, Lang::En);
        for line in out.lines() {
            let t = line.trim_start();
            assert!(!t.starts_with("click") && !t.starts_with("%%"), "{line}");
            assert!(!t.contains("javascript:"), "{line}");
            // Every statement is a node or an edge between generated ids.
            assert!(
                t == "flowchart LR"
                    || t.starts_with('s')
                    || t.starts_with('e')
                    || t.starts_with('v')
                    || t.starts_with("unknown"),
                "{line}"
            );
        }
        assert!(!out.contains("<img") && !out.contains('`'));
        assert!(out.contains("#lt;img"));
    }

    #[test]
    fn events_are_drawn_and_endings_are_not_self_loops() {
        let src = include_str!("../../cases/haicheng.ron");
        let case = crate::case::load::parse("haicheng.ron", src).unwrap();
        let out = render(&case, Format::Dot, Lang::En);
        let jumps = case.events.iter().filter(|e| e.go.is_some()).count();
        assert!(jumps > 0);
        let dashed = out
            .lines()
            .filter(|l| l.contains(" -> ") && l.contains("style=dashed"))
            .count();
        assert_eq!(dashed, jumps, "{out}");
        for line in out.lines().filter(|l| l.contains(" -> ")) {
            let mut ends = line.trim().split(" -> ");
            let (a, b) = (ends.next().unwrap(), ends.next().unwrap());
            let b = b.split(' ').next().unwrap();
            if a == b {
                // A self-loop only for a choice that can stay in its scene.
                let id = line
                    .split("label=\"")
                    .nth(1)
                    .unwrap()
                    .split(':')
                    .next()
                    .unwrap();
                let ch = case
                    .scenes
                    .iter()
                    .flat_map(|s| &s.choices)
                    .find(|c| c.id == id)
                    .unwrap();
                assert!(ch.end.is_none() && !ch.branches.iter().any(|b| b.when.is_empty()));
            }
        }
    }

    #[test]
    fn dot_strings_stay_closed() {
        let out = render(&hostile(), Format::Dot, Lang::En);
        for line in out.lines() {
            let t = line.trim_start();
            assert!(!t.starts_with("click"), "{line}");
            // Quotes are balanced on every line (escaped ones do not count).
            let quotes = t
                .replace("\\\\", "")
                .replace("\\\"", "")
                .matches('"')
                .count();
            assert!(quotes % 2 == 0, "{line}");
        }
    }
}
