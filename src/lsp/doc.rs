//! One open case file in the editor and what the editor asks of it, as plain functions of the
//! text (byte offsets in, byte spans and strings out), so they are tested without a client.

use crate::case::Case;
use crate::case::diagnostic::Diagnostic;
use crate::case::load::{check_bytes, parse};
use crate::case::model::Effect;
use crate::case::text::Text;

use super::index::{Def, Index, Kind};
use crate::case::words;

pub struct Doc {
    pub text: String,
    pub index: Index,
    /// The last version that parsed, for hover cards while the author is mid-edit.
    pub case: Option<Case>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A completion item: the text to insert, and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    pub label: String,
    pub detail: String,
    pub is_id: bool,
}

/// An outline entry, with the entries inside it (a scene's choices).
#[derive(Debug, Clone)]
pub struct Symbol {
    pub name: String,
    pub kind: Kind,
    pub item: (usize, usize),
    pub span: (usize, usize),
    pub children: Vec<Symbol>,
}

fn both(t: &Text) -> String {
    match (t.en.is_empty(), t.zh.is_empty()) {
        (false, false) => format!("{} · {}", t.en, t.zh),
        (false, true) => t.en.clone(),
        (true, false) => t.zh.clone(),
        (true, true) => String::new(),
    }
}

impl Doc {
    pub fn new(file: &str, text: String, previous: Option<Case>) -> Doc {
        let checked = check_bytes(file, text.as_bytes());
        let case = match checked.case {
            Some(c) => Some(c),
            None => parse(file, &text).ok().or(previous),
        };
        // Indexing is linear; past the loader's size bound there is nothing worth indexing.
        let index = if text.len() <= crate::case::load::MAX_CASE_BYTES {
            Index::build(&text)
        } else {
            Index::default()
        };
        Doc {
            text,
            index,
            case,
            diagnostics: checked.diagnostics,
        }
    }

    fn kind_at(&self, offset: usize) -> Option<(String, Option<Kind>)> {
        let p = self.index.place_at(offset)?;
        Some((p.value.clone(), self.index.kind_of(p)))
    }

    /// Where the id under the cursor is defined.
    pub fn definition(&self, offset: usize) -> Vec<(usize, usize)> {
        let Some((id, kind)) = self.kind_at(offset) else {
            return vec![];
        };
        let defs: Vec<_> = self.index.definitions(&id, kind).map(|d| d.span).collect();
        if defs.is_empty() && matches!(kind, Some(Kind::Flag)) {
            // A flag has no declaration: its first `Set` is where it comes from.
            return self
                .index
                .occurrences(&id, kind)
                .into_iter()
                .take(1)
                .collect();
        }
        defs
    }

    /// Every place the id under the cursor is named (its definitions included or not).
    pub fn references(&self, offset: usize, with_definition: bool) -> Vec<(usize, usize)> {
        let Some((id, kind)) = self.kind_at(offset) else {
            return vec![];
        };
        let defs: Vec<_> = self.index.definitions(&id, kind).map(|d| d.span).collect();
        self.index
            .occurrences(&id, kind)
            .into_iter()
            .filter(|s| with_definition || !defs.contains(s))
            .collect()
    }

    /// The edits that rename the id under the cursor everywhere, or why it cannot be.
    pub fn rename(&self, offset: usize, new: &str) -> Result<Vec<(usize, usize)>, String> {
        let Some((id, kind)) = self.kind_at(offset) else {
            return Err("put the cursor on an id (inside its quotes) to rename it".into());
        };
        if let Some((what, hint)) = crate::case::ids::problem(new) {
            return Err(format!("`{new}` {what}: {hint}"));
        }
        if new != id && self.index.definitions(new, kind).next().is_some() {
            return Err(format!(
                "there is already a {} `{new}`",
                kind.map_or("definition", Kind::name)
            ));
        }
        Ok(self.index.occurrences(&id, kind))
    }

    /// The range a rename would change (the id under the cursor), for `prepareRename`.
    pub fn rename_range(&self, offset: usize) -> Option<(usize, usize)> {
        self.index.place_at(offset).map(|p| p.span)
    }

    /// A hover card for the id under the cursor, in Markdown.
    pub fn hover(&self, offset: usize) -> Option<(String, (usize, usize))> {
        let p = self.index.place_at(offset)?;
        let kind = self.index.kind_of(p)?;
        let id = p.value.as_str();
        let case = self.case.as_ref();
        let mut card = match kind {
            Kind::Stakeholder => {
                let s = case?.stakeholders.iter().find(|s| s.id == id)?;
                let mut lines = vec![
                    format!("**{}** — {}", both(&s.name), both(&s.title)),
                    format!(
                        "role `{:?}` · influence {}/5 · power {}/5 · attitude `{:?}`",
                        s.role, s.influence, s.power, s.attitude
                    ),
                ];
                if let Some(r) = &s.reports_to {
                    lines.push(format!("reports to `{r}`"));
                }
                if let Some(u) = &s.unit {
                    lines.push(format!("unit `{u}`"));
                }
                if let Some(b) = &s.backs {
                    lines.push(format!("backs competitor `{b}`"));
                }
                if let Some(sh) = &s.shows {
                    lines.push(format!("shows `{sh:?}` to the trainee"));
                }
                lines.join("  \n")
            }
            Kind::Scene => {
                let c = case?;
                let sc = c.scenes.iter().find(|s| s.id == id)?;
                let mut ins: Vec<String> = Vec::new();
                if c.start == id {
                    ins.push("the start".into());
                }
                for other in &c.scenes {
                    for ch in &other.choices {
                        let goes = ch.go.as_deref() == Some(id)
                            || ch.branches.iter().any(|b| b.go.as_deref() == Some(id));
                        if goes {
                            ins.push(format!("`{}` ({})", ch.id, other.id));
                        }
                    }
                }
                for e in &c.events {
                    if e.go.as_deref() == Some(id) {
                        ins.push(format!("event `{}`", e.id));
                    }
                }
                let outs: Vec<String> = sc
                    .choices
                    .iter()
                    .map(|ch| {
                        let to = ch
                            .end
                            .as_deref()
                            .map(|e| format!("ends `{e}`"))
                            .or_else(|| ch.go.as_deref().map(|g| format!("→ `{g}`")))
                            .unwrap_or_else(|| "stays".into());
                        format!("`{}` {to}", ch.id)
                    })
                    .collect();
                format!(
                    "**{}** ({:?})  \nways in: {}  \nways out: {}",
                    both(&sc.title),
                    kind_word(&sc.kind),
                    if ins.is_empty() {
                        "none — unreachable".into()
                    } else {
                        ins.join(", ")
                    },
                    if outs.is_empty() {
                        "none".into()
                    } else {
                        outs.join(", ")
                    }
                )
            }
            Kind::Choice => {
                let c = case?;
                let (scene, ch) = c
                    .scenes
                    .iter()
                    .find_map(|s| s.choices.iter().find(|ch| ch.id == id).map(|ch| (s, ch)))?;
                let mut lines = vec![
                    format!("**{}**", both(&ch.label)),
                    format!("in scene `{}` · action `{:?}`", scene.id, ch.action),
                ];
                if let Some(t) = &ch.trap {
                    lines.push(format!("authored trap `{t}`"));
                }
                if ch.effects.iter().any(|e| matches!(e, Effect::Decide)) {
                    lines.push("the customer decides".into());
                }
                lines.join("  \n")
            }
            Kind::Fact => {
                let f = case?.facts.iter().find(|f| f.id == id)?;
                format!("fact: {}", both(&f.text))
            }
            Kind::Ending => {
                let e = case?.endings.iter().find(|e| e.id == id)?;
                format!(
                    "**{}** — outcome `{:?}`, value {}",
                    both(&e.title),
                    e.outcome,
                    e.value
                )
            }
            Kind::Competitor => {
                let k = case?.competitors.iter().find(|k| k.id == id)?;
                format!("**{}** — strength {}", both(&k.name), k.strength)
            }
            other => {
                let n = self.index.occurrences(id, Some(other)).len();
                format!("{} `{id}` — named {n} time(s)", other.name())
            }
        };
        let uses = self.references(offset, false).len();
        card.push_str(&format!("\n\n*{} · {uses} reference(s)*", kind.name()));
        Some((card, p.span))
    }

    /// What fits at the cursor: ids of the kind the place expects inside a string, or the
    /// allowed words after an enum field.
    pub fn completions(&self, offset: usize) -> Vec<Completion> {
        let offset = offset.min(self.text.len());
        if let Some(p) = self.index.place_at(offset) {
            let Some(kind) = p.expect.filter(|_| p.def.is_none()) else {
                return vec![];
            };
            return self
                .index
                .ids_of(kind)
                .into_iter()
                .map(|id| Completion {
                    detail: self.describe(kind, &id),
                    label: id,
                    is_id: true,
                })
                .collect();
        }
        // `role: Dec|` or `ask: Some(Op|`: the nearest `field:` before the cursor on this line.
        let line_start = self.text[..floor(&self.text, offset)]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let before = &self.text[line_start..floor(&self.text, offset)];
        let Some(field) = field_before(before) else {
            return vec![];
        };
        words::for_field(field)
            .into_iter()
            .map(|w| Completion {
                label: w.to_string(),
                detail: field.to_string(),
                is_id: false,
            })
            .collect()
    }

    fn describe(&self, kind: Kind, id: &str) -> String {
        let Some(c) = &self.case else {
            return kind.name().into();
        };
        let text = match kind {
            Kind::Stakeholder => c
                .stakeholders
                .iter()
                .find(|s| s.id == id)
                .map(|s| format!("{} — {}", both(&s.name), both(&s.title))),
            Kind::Scene => c.scenes.iter().find(|s| s.id == id).map(|s| both(&s.title)),
            Kind::Fact => c.facts.iter().find(|f| f.id == id).map(|f| both(&f.text)),
            Kind::Ending => c
                .endings
                .iter()
                .find(|e| e.id == id)
                .map(|e| both(&e.title)),
            Kind::Competitor => c
                .competitors
                .iter()
                .find(|k| k.id == id)
                .map(|k| both(&k.name)),
            _ => None,
        };
        text.unwrap_or_else(|| kind.name().into())
    }

    /// The outline: every definition, a scene's choices inside it.
    pub fn symbols(&self) -> Vec<Symbol> {
        let mut out: Vec<Symbol> = Vec::new();
        let sym = |d: &Def| Symbol {
            name: d.id.clone(),
            kind: d.kind,
            item: d.item,
            span: d.span,
            children: vec![],
        };
        for d in &self.index.defs {
            if d.kind == Kind::Choice
                && let Some(scene) = out
                    .iter_mut()
                    .rev()
                    .find(|s| s.kind == Kind::Scene && s.item.0 <= d.item.0 && d.item.1 <= s.item.1)
            {
                scene.children.push(sym(d));
                continue;
            }
            out.push(sym(d));
        }
        out
    }
}

fn kind_word(k: &crate::case::model::SceneKind) -> String {
    let s = format!("{k:?}");
    s.split('(').next().unwrap_or(&s).to_string()
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The field of `… field: Some(Wor` or `… field: Wor` (the partial word may be empty).
fn field_before(before: &str) -> Option<&str> {
    let trimmed = before.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let mut rest = trimmed.trim_end();
    for opener in ["Some(", "[", "(", ","] {
        if let Some(r) = rest.strip_suffix(opener) {
            rest = r.trim_end();
            break;
        }
    }
    // Inside a list (`when: [Met("a"), Kno|`), look back for the list's field.
    let colon = rest.rfind(':')?;
    let head = rest[..colon].trim_end();
    let start = head
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let field = &head[start..];
    (!field.is_empty()).then_some(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn haicheng() -> Doc {
        Doc::new(
            "haicheng.ron",
            include_str!("../../cases/haicheng.ron").to_string(),
            None,
        )
    }

    #[test]
    fn definition_references_and_rename_of_a_stakeholder() {
        let d = haicheng();
        assert!(d.diagnostics.is_empty());
        let text = &d.text;
        let use_at = text.find("Met(\"fang\")").expect("a use of fang") + 5;
        let def = d.definition(use_at);
        assert_eq!(def.len(), 1);
        assert_eq!(&text[def[0].0..def[0].1], "fang");
        assert!(text[..def[0].0].trim_end().ends_with("id: \""));
        let refs = d.references(use_at, true);
        assert!(refs.len() > 5, "{}", refs.len());
        assert!(refs.iter().all(|&(a, b)| &text[a..b] == "fang"));
        let edits = d.rename(use_at, "fang_min").unwrap();
        assert_eq!(edits, refs);
        // The renamed case still validates clean.
        let mut renamed = text.clone();
        for &(a, b) in edits.iter().rev() {
            renamed.replace_range(a..b, "fang_min");
        }
        let again = Doc::new("haicheng.ron", renamed, None);
        assert!(again.diagnostics.is_empty(), "{:#?}", again.diagnostics);
        assert!(d.rename(use_at, "bad id").is_err());
        assert!(d.rename(use_at, "liu_wei").is_err());
    }

    #[test]
    fn hover_completion_and_outline() {
        let d = haicheng();
        let at = d.text.find("Met(\"fang\")").unwrap() + 6;
        let (card, _) = d.hover(at).expect("a hover card");
        assert!(card.contains("influence"), "{card}");
        let scene_at = d.text.find("go: Some(\"").unwrap() + 11;
        let (card, _) = d.hover(scene_at).expect("a scene card");
        assert!(card.contains("ways in"), "{card}");
        // Inside `meets: ["…"]`, the stakeholders are offered.
        let m = d.text.find("meets: [\"").unwrap() + 9;
        let items = d.completions(m);
        assert!(
            items.iter().any(|c| c.label == "liu_wei" && c.is_id),
            "{items:?}"
        );
        assert!(items.iter().all(|c| !c.label.starts_with("s_")));
        // After `role: `, the buying roles.
        let src = "(stakeholders: [(id: \"a\", role: Dec";
        let partial = Doc::new("x.ron", src.into(), None);
        let words = partial.completions(src.len());
        assert!(
            words.iter().any(|c| c.label == "DecisionMaker"),
            "{words:?}"
        );
        let outline = d.symbols();
        let scene = outline
            .iter()
            .find(|s| s.kind == Kind::Scene && !s.children.is_empty())
            .expect("a scene with choices");
        assert!(scene.children.iter().all(|c| c.kind == Kind::Choice));
    }

    #[test]
    fn a_broken_file_keeps_its_ids_and_its_last_good_model() {
        let good = haicheng();
        let broken = good
            .text
            .replacen("meets: [\"", "meets: [\"nobody_here\", \"", 1);
        let d = Doc::new("haicheng.ron", broken, good.case.clone());
        assert!(d.diagnostics.iter().any(|x| x.is_error()));
        assert!(d.case.is_some());
        let at = d.text.find("Met(\"fang\")").unwrap() + 5;
        assert_eq!(d.definition(at).len(), 1);
    }
}
