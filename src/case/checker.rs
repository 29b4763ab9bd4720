//! The validator's bookkeeping: findings with spans, a cap for each kind (errors, warnings),
//! and lines and columns resolved in one pass at the end. Shared by the checks in
//! `validate.rs` and `ids.rs`.

use std::collections::{HashMap, HashSet};

use super::diagnostic::{Diagnostic, Said, Severity};
use super::locate::{Locator, Span, line_cols};

/// Past this many errors, stop reporting errors; the same cap applies to warnings on their
/// own, so a case with hundreds of warnings still loads.
pub const MAX_DIAGNOSTICS: usize = 200;

pub(crate) struct Checker<'a> {
    pub file: &'a str,
    pub loc: Locator<'a>,
    pub out: Vec<Diagnostic>,
    errors: usize,
    warnings: usize,
    /// Findings not reported because their kind was full.
    dropped: [usize; 2],
    /// Whether the last finding was kept (for its Chinese words, `zh`).
    last_kept: bool,
}

impl<'a> Checker<'a> {
    pub fn new(file: &'a str, src: &'a str) -> Self {
        Checker {
            file,
            loc: Locator::new(src),
            out: Vec::new(),
            errors: 0,
            warnings: 0,
            dropped: [0, 0],
            last_kept: false,
        }
    }

    /// Enough findings of this kind: a check with an expensive hint (did-you-mean over every
    /// id) looks here first, so a file with thousands of mistakes stays linear.
    pub fn full_of(&self, sev: Severity) -> bool {
        match sev {
            Severity::Error => self.errors >= MAX_DIAGNOSTICS,
            Severity::Warning => self.warnings >= MAX_DIAGNOSTICS,
        }
    }

    /// A finding of a full kind, not looked at (so it costs nothing) but counted.
    pub fn dropped(&mut self, sev: Severity) {
        self.dropped[sev as usize] += 1;
    }

    /// Enough errors.
    pub fn full(&self) -> bool {
        self.full_of(Severity::Error)
    }

    pub fn push(
        &mut self,
        sev: Severity,
        code: &'static str,
        span: Span,
        message: String,
        hint: Option<String>,
    ) {
        if self.full_of(sev) {
            self.dropped[sev as usize] += 1;
            self.last_kept = false;
            return;
        }
        self.last_kept = true;
        match sev {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        self.out.push(Diagnostic {
            file: self.file.to_string(),
            line: 0,
            column: 0,
            severity: sev,
            code,
            message,
            hint,
            zh: None,
            offset: span.0,
            len: span.1,
        });
    }

    /// The last finding in Chinese (nothing when it was dropped for being one too many).
    pub fn zh(&mut self, message: String, hint: Option<String>) {
        if self.last_kept
            && let Some(d) = self.out.last_mut()
        {
            d.zh = Some(Said { message, hint });
        }
    }

    pub fn error(&mut self, code: &'static str, span: Span, message: String, hint: Option<String>) {
        self.push(Severity::Error, code, span, message, hint);
    }

    pub fn warn(&mut self, code: &'static str, span: Span, message: String, hint: Option<String>) {
        self.push(Severity::Warning, code, span, message, hint);
    }

    /// Bytes read and lookup steps so far (see [`Locator::work`]).
    pub fn work(&self) -> usize {
        self.loc.work()
    }

    /// Lines and columns (one pass), sorted, and a closing note for each kind that was capped:
    /// E021 for errors, W111 (a warning: it never blocks loading) for warnings.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        let src = self.loc.src;
        // A finding without a place (offset 0, length 0) keeps line 0 only if it has no span
        // at all; everything else gets its line and column.
        let offsets: Vec<usize> = self.out.iter().map(|d| d.offset).collect();
        for (d, (line, col)) in self.out.iter_mut().zip(line_cols(src, &offsets)) {
            d.line = line;
            d.column = col;
        }
        self.out.sort_by_key(|d| (d.severity, d.line, d.column));
        let file = self.file.to_string();
        let note = |severity, code, message: String, hint: &str| Diagnostic {
            file: file.clone(),
            line: 0,
            column: 0,
            severity,
            code,
            message,
            hint: Some(hint.into()),
            zh: None,
            offset: 0,
            len: 0,
        };
        let [errors, warnings] = self.dropped;
        if errors > 0 {
            self.out.push(note(
                Severity::Error,
                "E021",
                format!("stopped after {MAX_DIAGNOSTICS} errors ({errors} more not shown)"),
                "fix these first (often one early mistake causes many), then validate again",
            ));
            if let Some(d) = self.out.last_mut() {
                d.zh = Some(Said {
                    message: format!(
                        "报了 {MAX_DIAGNOSTICS} 个错误后停止（另有 {errors} 个未显示）"
                    ),
                    hint: Some("先改这些（往往一个早先的错误引出许多个），再重新检查".into()),
                });
            }
        }
        if warnings > 0 {
            self.out.push(note(
                Severity::Warning,
                "W111",
                format!("stopped after {MAX_DIAGNOSTICS} warnings ({warnings} more not shown)"),
                "warnings do not stop the case from loading; fix the first ones and validate again",
            ));
            if let Some(d) = self.out.last_mut() {
                d.zh = Some(Said {
                    message: format!(
                        "报了 {MAX_DIAGNOSTICS} 个警告后停止（另有 {warnings} 个未显示）"
                    ),
                    hint: Some("警告不妨碍案例载入；先改前面这些，再重新检查".into()),
                });
            }
        }
        self.out
    }
}

/// What kind of thing an id names, for messages.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Kind {
    Scene,
    Choice,
    Stakeholder,
    Fact,
    Competitor,
    Issue,
    Ending,
    Event,
    Variant,
    Unit,
    Ally,
}

impl Kind {
    pub fn word(self) -> &'static str {
        match self {
            Kind::Scene => "scene",
            Kind::Choice => "choice",
            Kind::Stakeholder => "stakeholder",
            Kind::Fact => "fact",
            Kind::Competitor => "competitor",
            Kind::Issue => "burning issue",
            Kind::Ending => "ending",
            Kind::Event => "event",
            Kind::Variant => "variant",
            Kind::Unit => "unit",
            Kind::Ally => "ally",
        }
    }

    pub fn word_zh(self) -> &'static str {
        match self {
            Kind::Scene => "场景",
            Kind::Choice => "选项",
            Kind::Stakeholder => "人物",
            Kind::Fact => "信息",
            Kind::Competitor => "竞争对手",
            Kind::Issue => "燃眉之急",
            Kind::Ending => "结局",
            Kind::Event => "事件",
            Kind::Variant => "变体",
            Kind::Unit => "部门",
            Kind::Ally => "盟友",
        }
    }
}

/// The ids of each kind, listed and hashed.
pub(crate) struct Names<'a> {
    pub sets: HashMap<Kind, Vec<&'a str>>,
    pub lookup: HashMap<Kind, HashSet<&'a str>>,
}

impl<'a> Names<'a> {
    pub fn list(&self, k: Kind) -> &[&'a str] {
        self.sets.get(&k).map(|v| v.as_slice()).unwrap_or(&[])
    }
    pub fn has(&self, k: Kind, id: &str) -> bool {
        self.lookup.get(&k).is_some_and(|s| s.contains(id))
    }
}
