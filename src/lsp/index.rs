//! Where every id of a case is defined and used, from the tokens alone, so go-to-definition,
//! references, rename, completion and the outline work on a file that does not parse yet.

use crate::case::lex::{Tok, Token, tokens};

/// What an id names. Lists in the case file define them (`stakeholders: [(id: "…"), …]`);
/// fields and conditions refer to them (`meets: ["…"]`, `Met("…")`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Stakeholder,
    Competitor,
    Issue,
    Fact,
    Scene,
    Choice,
    Event,
    Variant,
    Ending,
    Unit,
    Colleague,
    Ally,
    /// A flag (`Set`, `Flag`): used, never declared.
    Flag,
    /// An authored trap name (`trap: Some("…")`): used, never declared.
    Trap,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Stakeholder => "stakeholder",
            Kind::Competitor => "competitor",
            Kind::Issue => "burning issue",
            Kind::Fact => "fact",
            Kind::Scene => "scene",
            Kind::Choice => "choice",
            Kind::Event => "event",
            Kind::Variant => "variant",
            Kind::Ending => "ending",
            Kind::Unit => "unit",
            Kind::Colleague => "colleague",
            Kind::Ally => "ally",
            Kind::Flag => "flag",
            Kind::Trap => "trap",
        }
    }

    /// The list whose items define ids of this kind.
    fn of_list(field: &str) -> Option<Kind> {
        Some(match field {
            "stakeholders" => Kind::Stakeholder,
            "competitors" => Kind::Competitor,
            "burning_issues" => Kind::Issue,
            "facts" => Kind::Fact,
            "scenes" => Kind::Scene,
            "choices" => Kind::Choice,
            "events" => Kind::Event,
            "variants" => Kind::Variant,
            "endings" => Kind::Ending,
            "units" => Kind::Unit,
            "colleagues" => Kind::Colleague,
            "allies" => Kind::Ally,
            _ => return None,
        })
    }

    /// What a string directly inside this call or after this field refers to.
    pub fn expected(call: Option<&str>, field: Option<&str>) -> Option<Kind> {
        let by_call = call.and_then(|c| {
            Some(match c {
                "Met" | "NotMet" | "Known" | "AttitudeAtLeast" | "AttitudeAtMost" | "Insider"
                | "Reveal" | "ChooseInsider" | "Observe" | "Hear" | "Observed" | "Meeting"
                | "Court" | "SpreadDoubt" | "Attitude" | "Influence" | "Role" | "Shows"
                | "Away" => Kind::Stakeholder,
                "Knows" | "NotKnows" | "Learn" => Kind::Fact,
                "Chose" | "NotChose" => Kind::Choice,
                "Variant" => Kind::Variant,
                "CompetitorAtLeast" | "CompetitorAtMost" | "CompetitorOut" | "Competitor"
                | "Eliminate" | "Partner" | "Strength" => Kind::Competitor,
                "Diagnosed" | "Diagnose" | "Proposed" | "Propose" | "RealIssue" => Kind::Issue,
                "AllyBrought" | "BringAlly" => Kind::Ally,
                "Flag" | "NotFlag" | "Set" | "Clear" => Kind::Flag,
                "EventWeek" => Kind::Event,
                _ => return None,
            })
        });
        by_call.or_else(|| {
            field.and_then(|f| {
                Some(match f {
                    "meets" | "via" | "reports_to" => Kind::Stakeholder,
                    "unit" | "parent" => Kind::Unit,
                    "start" | "go" => Kind::Scene,
                    "end" | "won" | "lost" | "shared" | "timeout_ending" => Kind::Ending,
                    "backs" => Kind::Competitor,
                    "variants" => Kind::Variant,
                    "trap" => Kind::Trap,
                    _ => return None,
                })
            })
        })
    }
}

/// Text fields whose strings are prose, never ids.
fn is_text_key(k: &str) -> bool {
    matches!(k, "en" | "zh" | "currency")
}

#[derive(Debug, Clone)]
pub struct Def {
    pub kind: Kind,
    pub id: String,
    /// Byte span of the id's characters (inside the quotes).
    pub span: (usize, usize),
    /// Byte span of the whole item, `(` to `)`.
    pub item: (usize, usize),
}

#[derive(Debug, Clone)]
pub struct Use {
    pub id: String,
    pub span: (usize, usize),
    /// What it should name, where the place says so.
    pub expect: Option<Kind>,
}

/// A string the cursor can be in: its value, span, and what it names there.
#[derive(Debug, Clone)]
pub struct Place {
    pub value: String,
    pub span: (usize, usize),
    pub def: Option<usize>,
    pub expect: Option<Kind>,
}

#[derive(Debug, Clone, Default)]
pub struct Index {
    pub defs: Vec<Def>,
    pub uses: Vec<Use>,
    /// Every non-text string, in file order.
    pub places: Vec<Place>,
}

struct Frame {
    field: Option<String>,
    call: Option<String>,
    start: usize,
    /// The definition this item holds, once its `id` is seen.
    def: Option<usize>,
}

impl Index {
    pub fn build(src: &str) -> Index {
        let toks = tokens(src);
        let mut ix = Index::default();
        let mut stack: Vec<Frame> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            match &t.tok {
                Tok::Open(_) => {
                    let (field, call) = opener(&toks, i);
                    stack.push(Frame {
                        field,
                        call,
                        start: t.start,
                        def: None,
                    });
                }
                Tok::Close(_) => {
                    if let Some(f) = stack.pop()
                        && let Some(d) = f.def
                    {
                        ix.defs[d].item = (f.start, t.end);
                    }
                }
                Tok::Str { value, inner } => {
                    let key = key_before(&toks, i);
                    if key.is_some_and(is_text_key) {
                        continue;
                    }
                    if key == Some("id") {
                        let kind = stack
                            .iter()
                            .rev()
                            .find_map(|f| f.field.as_deref())
                            .and_then(Kind::of_list);
                        if let Some(kind) = kind {
                            let d = ix.defs.len();
                            ix.defs.push(Def {
                                kind,
                                id: value.clone(),
                                span: *inner,
                                item: (t.start, t.end),
                            });
                            if let Some(top) = stack.last_mut() {
                                top.def = Some(d);
                            }
                            ix.places.push(Place {
                                value: value.clone(),
                                span: *inner,
                                def: Some(d),
                                expect: Some(kind),
                            });
                        }
                        continue;
                    }
                    let top = stack.last();
                    // `go: Some("x")`: the call is `Some`, so the field decides.
                    let call = top.and_then(|f| f.call.as_deref()).filter(|c| *c != "Some");
                    let field =
                        key.or_else(|| stack.iter().rev().take(2).find_map(|f| f.field.as_deref()));
                    let expect = Kind::expected(call, field);
                    ix.uses.push(Use {
                        id: value.clone(),
                        span: *inner,
                        expect,
                    });
                    ix.places.push(Place {
                        value: value.clone(),
                        span: *inner,
                        def: None,
                        expect,
                    });
                }
                _ => {}
            }
        }
        ix
    }

    /// The string around a byte offset (the cursor may sit just after its last character).
    pub fn place_at(&self, offset: usize) -> Option<&Place> {
        let k = self.places.partition_point(|p| p.span.1 < offset);
        self.places
            .get(k)
            .filter(|p| p.span.0 <= offset && offset <= p.span.1)
    }

    /// The kind a place names: its definition's, what the place expects, or the only kind
    /// with a definition of that id.
    pub fn kind_of(&self, p: &Place) -> Option<Kind> {
        if let Some(d) = p.def {
            return Some(self.defs[d].kind);
        }
        // Places that name a person (meetings, attitudes, absences) may name an ally.
        if p.expect == Some(Kind::Stakeholder)
            && !self
                .defs
                .iter()
                .any(|d| d.id == p.value && d.kind == Kind::Stakeholder)
            && self
                .defs
                .iter()
                .any(|d| d.id == p.value && d.kind == Kind::Ally)
        {
            return Some(Kind::Ally);
        }
        if p.expect.is_some() {
            return p.expect;
        }
        let mut kinds = self.defs.iter().filter(|d| d.id == p.value).map(|d| d.kind);
        let first = kinds.next()?;
        kinds.all(|k| k == first).then_some(first)
    }

    pub fn definitions(&self, id: &str, kind: Option<Kind>) -> impl Iterator<Item = &Def> {
        self.defs
            .iter()
            .filter(move |d| d.id == id && kind.is_none_or(|k| k == d.kind))
    }

    /// Every place that names this id as this kind: its definitions and its uses (a use whose
    /// place does not say what it names counts when the id has that kind only).
    pub fn occurrences(&self, id: &str, kind: Option<Kind>) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self
            .places
            .iter()
            .filter(|p| p.value == id)
            .filter(|p| match (kind, self.kind_of(p)) {
                (Some(k), Some(pk)) => k == pk,
                _ => true,
            })
            .map(|p| p.span)
            .collect();
        out.dedup();
        out
    }

    /// Ids of a kind, defined or (for flags and traps) used, each once, in file order.
    pub fn ids_of(&self, kind: Kind) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let used = self
            .uses
            .iter()
            .filter(|u| u.expect == Some(kind))
            .map(|u| &u.id);
        let defined = self.defs.iter().filter(|d| d.kind == kind).map(|d| &d.id);
        for id in defined.chain(used) {
            if !id.is_empty() && !out.contains(id) {
                out.push(id.clone());
            }
        }
        out
    }
}

/// For a bracket at `i`: the field it is the value of (`meets: [`, `go: Some(`) and the call it
/// opens (`Met(`, `Some(`).
fn opener(toks: &[Token], i: usize) -> (Option<String>, Option<String>) {
    let prev = |k: usize| i.checked_sub(k).map(|j| &toks[j].tok);
    match (prev(1), prev(2), prev(3)) {
        (Some(Tok::Ident(call)), Some(Tok::Colon), Some(Tok::Ident(field))) => {
            (Some(field.clone()), Some(call.clone()))
        }
        (Some(Tok::Ident(call)), _, _) => (None, Some(call.clone())),
        (Some(Tok::Colon), Some(Tok::Ident(field)), _) => (Some(field.clone()), None),
        _ => (None, None),
    }
}

/// `field: "…"` → `field`.
fn key_before(toks: &[Token], i: usize) -> Option<&str> {
    match (
        i.checked_sub(1).map(|j| &toks[j].tok),
        i.checked_sub(2).map(|j| &toks[j].tok),
    ) {
        (Some(Tok::Colon), Some(Tok::Ident(k))) => Some(k),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"(
    stakeholders: [(id: "lin", name: (en: "Lin", zh: "林"), reports_to: Some("xu")), (id: "xu")],
    scenes: [(id: "s1", choices: [(id: "c1", meets: ["lin"], when: [Met("xu"), Flag("f")], go: Some("s2"), trap: Some("t"))]), (id: "s2")],
    endings: [(id: "won")],
)"#;

    #[test]
    fn definitions_and_uses_by_kind() {
        let ix = Index::build(SRC);
        let defs: Vec<_> = ix.defs.iter().map(|d| (d.kind, d.id.as_str())).collect();
        assert_eq!(
            defs,
            vec![
                (Kind::Stakeholder, "lin"),
                (Kind::Stakeholder, "xu"),
                (Kind::Scene, "s1"),
                (Kind::Choice, "c1"),
                (Kind::Scene, "s2"),
                (Kind::Ending, "won"),
            ]
        );
        let uses: Vec<_> = ix.uses.iter().map(|u| (u.id.as_str(), u.expect)).collect();
        assert_eq!(
            uses,
            vec![
                ("xu", Some(Kind::Stakeholder)),
                ("lin", Some(Kind::Stakeholder)),
                ("xu", Some(Kind::Stakeholder)),
                ("f", Some(Kind::Flag)),
                ("s2", Some(Kind::Scene)),
                ("t", Some(Kind::Trap)),
            ]
        );
        assert_eq!(ix.occurrences("xu", Some(Kind::Stakeholder)).len(), 3);
        // The choice's item spans its parentheses; it sits inside scene s1's.
        let s1 = &ix.defs[2];
        let c1 = &ix.defs[3];
        assert!(s1.item.0 < c1.item.0 && c1.item.1 < s1.item.1);
        let at = SRC.find("Met(\"xu").unwrap() + 5;
        assert_eq!(ix.place_at(at).map(|p| p.value.as_str()), Some("xu"));
    }
}
