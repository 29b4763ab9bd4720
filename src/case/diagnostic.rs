//! Located diagnostics for case files: `file:line:col`, message, hint — for people and JSON.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 when the problem has no place in the file (e.g. the file is missing).
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub severity: Severity,
    /// Stable code, e.g. `E011`.
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
    /// Byte offset and length of the offending text (for the caret).
    #[serde(skip)]
    pub offset: usize,
    #[serde(skip)]
    pub len: usize,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {sev}[{}]: {}",
            self.file, self.line, self.column, self.code, self.message
        )?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

/// Line (1-based) and column (1-based, in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

/// Byte offset of a 1-based line and column (in characters).
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    start
        + rest[..line_end]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map(|(i, _)| i)
            .unwrap_or(line_end)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The closest of `candidates` to `found`, if it is close enough to be a likely typo: a
/// Jaro-Winkler similarity above 0.8, one edit on a short word (`zn` for `zh`), or the same
/// UTS #39 confusable skeleton (`аsk` with a Cyrillic `а` for `ask`).
pub fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let found_skeleton: Option<String> =
        (!found.is_ascii()).then(|| unicode_security::skeleton(found).collect());
    let short = found.chars().count() <= 4;
    candidates
        .into_iter()
        .filter(|c| *c != found)
        .map(|c| {
            let mut score = strsim::jaro_winkler(found, c);
            if short && strsim::damerau_levenshtein(found, c) == 1 {
                score = score.max(0.81);
            }
            if !c.is_ascii() || found_skeleton.is_some() {
                let sk: String = unicode_security::skeleton(c).collect();
                let fs = found_skeleton
                    .clone()
                    .unwrap_or_else(|| unicode_security::skeleton(found).collect());
                if sk == fs {
                    score = 2.0;
                }
            }
            (score, c)
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

/// `did you mean `x`?` for the closest candidate; when it differs from what was typed only by
/// look-alike or invisible characters, the hint says so and names them by code point.
pub fn suggestion<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let m = did_you_mean(found, candidates)?;
    let shown = super::ids::shown(&m);
    Some(match confusable_note(found, &m) {
        Some(note) => format!("did you mean `{shown}`? careful: {note}"),
        None => format!("did you mean `{shown}`?"),
    })
}

/// If `a` and `b` look the same (same confusable skeleton) but differ, which characters differ.
pub fn confusable_note(a: &str, b: &str) -> Option<String> {
    if a == b {
        return None;
    }
    let (sa, sb): (String, String) = (
        unicode_security::skeleton(a).collect(),
        unicode_security::skeleton(b).collect(),
    );
    if sa != sb {
        return None;
    }
    let odd = |s: &str| -> Vec<char> { s.chars().filter(|&c| !super::ids::allowed(c)).collect() };
    let (oa, ob) = (odd(a), odd(b));
    let name = |v: &[char]| -> String {
        v.iter()
            .take(3)
            .map(|&c| super::ids::describe(c))
            .collect::<Vec<_>>()
            .join("; ")
    };
    Some(match (oa.is_empty(), ob.is_empty()) {
        (false, true) => format!("they only look alike: what you typed has {}", name(&oa)),
        (true, false) => format!(
            "they only look alike: the suggested id has {} (fix that id too)",
            name(&ob)
        ),
        _ => format!("they only look alike: {} against {}", name(&oa), name(&ob)),
    })
}

/// Render for a terminal in rustc/miette style: location, source line with a caret, hint.
pub fn render(d: &Diagnostic, source: Option<&str>, color: bool) -> String {
    use miette::{
        GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource,
    };
    let mut diag = MietteDiagnostic::new(d.message.clone())
        .with_code(d.code)
        .with_severity(match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        });
    if let Some(h) = &d.hint {
        diag = diag.with_help(h.clone());
    }
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
    let mut out = String::new();
    let located = source.is_some() && d.line > 0;
    // The location line first, so editors and people can jump to it.
    out.push_str(&format!("{}:{}:{}\n", d.file, d.line, d.column));
    let result = if let (true, Some(src)) = (located, source) {
        let diag = diag.with_label(LabeledSpan::at(d.offset..d.offset + d.len.max(1), "here"));
        let report =
            miette::Report::new(diag).with_source_code(NamedSource::new(&d.file, src.to_string()));
        handler.render_report(&mut out, report.as_ref())
    } else {
        handler.render_report(&mut out, &diag)
    };
    if result.is_err() {
        out.push_str(&d.to_string());
    }
    out
}
