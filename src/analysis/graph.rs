//! The case as a graph of scenes (nodes) and choices (edges), for Graphviz or Mermaid.

use crate::case::model::{Case, SceneKind};
use crate::case::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Dot,
    Mermaid,
}

struct Edge<'a> {
    from: &'a str,
    to: String,
    label: String,
}

fn edges(case: &Case, lang: Lang) -> Vec<Edge<'_>> {
    let mut out = Vec::new();
    for s in &case.scenes {
        for c in &s.choices {
            let mut targets: Vec<String> = Vec::new();
            if let Some(e) = &c.end {
                targets.push(format!("end_{e}"));
            } else if let Some(g) = &c.go {
                targets.push(g.clone());
            } else {
                targets.push(s.id.clone());
            }
            for b in &c.branches {
                if let Some(e) = &b.end {
                    targets.push(format!("end_{e}"));
                } else if let Some(g) = &b.go {
                    targets.push(g.clone());
                }
            }
            targets.dedup();
            for t in targets {
                out.push(Edge {
                    from: &s.id,
                    to: t,
                    label: format!("{}: {}", c.id, short(c.label.get(lang))),
                });
            }
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

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn mermaid_esc(s: &str) -> String {
    s.replace('"', "#quot;").replace('|', "#124;")
}

pub fn render(case: &Case, format: Format, lang: Lang) -> String {
    let mut out = String::new();
    let kind = |k: &SceneKind| match k {
        SceneKind::Board => "board",
        SceneKind::Meeting(_) => "meeting",
        SceneKind::Decision(_) => "decision",
        SceneKind::Story => "story",
    };
    match format {
        Format::Dot => {
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
            for e in edges(case, lang) {
                out.push_str(&format!(
                    "  \"{}\" -> \"{}\" [label=\"{}\"];\n",
                    esc(e.from),
                    esc(&e.to),
                    esc(&e.label)
                ));
            }
            out.push_str("}\n");
        }
        Format::Mermaid => {
            out.push_str("flowchart LR\n");
            for s in &case.scenes {
                let title = mermaid_esc(s.title.get(lang));
                let (l, r) = match s.kind {
                    SceneKind::Board => ("[[", "]]"),
                    SceneKind::Meeting(_) => ("([", "])"),
                    SceneKind::Decision(_) => ("{", "}"),
                    SceneKind::Story => ("[", "]"),
                };
                out.push_str(&format!("  {}{l}\"{title}\"{r}\n", s.id));
            }
            for e in &case.endings {
                out.push_str(&format!(
                    "  end_{}((\"{} · {}\"))\n",
                    e.id,
                    mermaid_esc(e.title.get(lang)),
                    e.outcome.key()
                ));
            }
            for e in edges(case, lang) {
                out.push_str(&format!(
                    "  {} -->|\"{}\"| {}\n",
                    e.from,
                    mermaid_esc(&e.label),
                    e.to
                ));
            }
        }
    }
    out
}
