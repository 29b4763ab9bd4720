//! Reading a case: bytes → checked text → RON → model → validation → compiled case.
//! Case files are written by people and are untrusted: every failure is a diagnostic.

use std::path::Path;
use std::sync::Arc;

use super::diagnostic::{Diagnostic, Severity, line_col, offset_of, suggestion};
use super::model::Case;
use super::validate::validate;
use crate::engine::Compiled;

/// A case file larger than this is refused before parsing.
pub const MAX_CASE_BYTES: usize = 2 * 1024 * 1024;
/// Deepest bracket nesting accepted (a real case nests about 8 deep).
pub const MAX_DEPTH: usize = 64;

/// The result of loading one file: the case if it is usable, and everything found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: String,
    pub source: Option<String>,
    pub case: Option<Arc<Compiled>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
    /// The first error, for one-line messages.
    pub fn first_error(&self) -> Option<&Diagnostic> {
        self.diagnostics.iter().find(|d| d.is_error())
    }
}

fn whole_file(file: &str, code: &'static str, message: String, hint: Option<String>) -> Diagnostic {
    Diagnostic {
        file: file.into(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        code,
        message,
        hint,
        offset: 0,
        len: 0,
    }
}

pub fn load_path(path: &Path) -> Loaded {
    let file = path.display().to_string();
    let fail = |d| Loaded {
        file: file.clone(),
        source: None,
        case: None,
        diagnostics: vec![d],
    };
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return fail(whole_file(
                &file,
                "E001",
                "this is a folder, not a case file".into(),
                Some("pass a .ron file, or use `validate` on the folder".into()),
            ));
        }
        Ok(m) if m.len() > MAX_CASE_BYTES as u64 => {
            return fail(whole_file(
                &file,
                "E002",
                format!(
                    "the file is {} bytes; the limit for a case is {} bytes",
                    m.len(),
                    MAX_CASE_BYTES
                ),
                Some("a case is a few hundred kilobytes at most; is this the right file?".into()),
            ));
        }
        Ok(_) => {}
        Err(e) => {
            return fail(whole_file(
                &file,
                "E001",
                format!("cannot read the file: {e}"),
                None,
            ));
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(&file, &bytes),
        Err(e) => fail(whole_file(
            &file,
            "E001",
            format!("cannot read the file: {e}"),
            None,
        )),
    }
}

pub fn load_bytes(file: &str, bytes: &[u8]) -> Loaded {
    let mut out = Loaded {
        file: file.to_string(),
        source: None,
        case: None,
        diagnostics: Vec::new(),
    };
    let text = match check_text(file, bytes) {
        Ok(t) => t,
        Err(d) => {
            out.diagnostics.push(d);
            return out;
        }
    };
    out.source = Some(text.to_string());
    match parse(file, text) {
        Ok(case) => {
            out.diagnostics = validate(&case, text, file);
            if out.errors() == 0 {
                out.case = Some(Arc::new(Compiled::new(case)));
            }
        }
        Err(d) => out.diagnostics.push(d),
    }
    out
}

/// Size, encoding, emptiness, binary content and nesting depth, before the parser sees it.
// A diagnostic is the whole point of these functions' errors, and they run once per file.
#[allow(clippy::result_large_err)]
fn check_text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if bytes.len() > MAX_CASE_BYTES {
        return Err(whole_file(
            file,
            "E002",
            format!(
                "the file is {} bytes; the limit for a case is {MAX_CASE_BYTES} bytes",
                bytes.len()
            ),
            None,
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or("");
            let (line, column) = line_col(good, good.len());
            return Err(Diagnostic {
                file: file.into(),
                line,
                column,
                severity: Severity::Error,
                code: "E003",
                message: "the file is not UTF-8 text".into(),
                hint: Some(
                    "save the case as UTF-8 (in most editors: File › Save with encoding › UTF-8)"
                        .into(),
                ),
                offset: 0,
                len: 0,
            });
        }
    };
    let located = |offset: usize, code, message: String, hint: Option<String>| {
        let (line, column) = line_col(text, offset);
        Diagnostic {
            file: file.into(),
            line,
            column,
            severity: Severity::Error,
            code,
            message,
            hint,
            offset,
            len: 1,
        }
    };
    if let Some(i) = text.find('\0') {
        return Err(located(
            i,
            "E005",
            "the file contains binary data (a NUL byte)".into(),
            Some("a case file is plain text".into()),
        ));
    }
    if text.trim().is_empty() {
        return Err(whole_file(
            file,
            "E004",
            "the file is empty".into(),
            Some("start from the example in docs/case-format.md".into()),
        ));
    }
    // Depth guard: the parser recurses per bracket, so a hostile file of nested brackets must
    // be stopped here, not by a stack overflow.
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if in_str {
            match ch {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match ch {
            '"' => in_str = true,
            // Brackets in comments do not nest anything.
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                for (_, n) in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '*') => {
                chars.next();
                let mut prev = ' ';
                for (_, n) in chars.by_ref() {
                    if prev == '*' && n == '/' {
                        break;
                    }
                    prev = n;
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(located(
                        i,
                        "E006",
                        format!("brackets nested deeper than {MAX_DEPTH} levels"),
                        Some("a case never needs this; is a closing bracket missing?".into()),
                    ));
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(text)
}

/// RON → model, with the parser's error turned into a located diagnostic with a hint.
#[allow(clippy::result_large_err)]
pub fn parse(file: &str, text: &str) -> Result<Case, Diagnostic> {
    // `implicit_some`: authors may write `reports_to: "vp"` instead of `Some("vp")`.
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_DEPTH * 2);
    options.from_str::<Case>(text).map_err(|e| {
        let (line, col) = (e.span.start.line, e.span.start.col);
        let offset = offset_of(text, line, col);
        let end = offset_of(text, e.span.end.line, e.span.end.col);
        let (message, hint) = explain(&e.code);
        Diagnostic {
            file: file.into(),
            line,
            column: col,
            severity: Severity::Error,
            code: "E001",
            message,
            hint,
            offset,
            len: end.saturating_sub(offset).max(1),
        }
    })
}

/// "did you mean `x`?" for a likely typo, otherwise the list of what is allowed.
fn suggest(found: &str, expected: &[&str], otherwise: &str) -> String {
    suggestion(found, expected.iter().copied()).unwrap_or_else(|| {
        let list: Vec<String> = expected.iter().map(|x| format!("`{x}`")).collect();
        format!("{otherwise} {}", list.join(", "))
    })
}

fn explain(e: &ron::Error) -> (String, Option<String>) {
    use ron::Error as R;
    match e {
        R::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = outer
                .as_deref()
                .map(|o| format!(" for `{o}`"))
                .unwrap_or_default();
            let hint = suggest(found, expected, "expected one of");
            (format!("unknown value `{found}`{what}"), Some(hint))
        }
        R::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let what = outer
                .as_deref()
                .map(|o| format!(" in `{o}`"))
                .unwrap_or_default();
            let hint = suggest(found, expected, "the fields here are");
            (format!("unknown field `{found}`{what}"), Some(hint))
        }
        R::MissingStructField { field, outer } => {
            let what = outer
                .as_deref()
                .map(|o| format!(" in `{o}`"))
                .unwrap_or_default();
            (
                format!("missing field `{field}`{what}"),
                Some(format!("add `{field}: …` (see docs/case-format.md)")),
            )
        }
        R::DuplicateStructField { field, outer } => {
            let what = outer
                .as_deref()
                .map(|o| format!(" in `{o}`"))
                .unwrap_or_default();
            (
                format!("field `{field}` given twice{what}"),
                Some("remove one of them".into()),
            )
        }
        R::ExceededRecursionLimit => (
            "nested too deeply".into(),
            Some("is a closing bracket missing?".into()),
        ),
        R::Eof => (
            "the file ends in the middle of the case".into(),
            Some("a closing bracket or quote is probably missing".into()),
        ),
        other => {
            let msg = other.to_string();
            let hint = if msg.contains("Expected") && msg.contains("string") {
                Some("text goes in double quotes: \"…\"".into())
            } else if msg.contains("comma") {
                Some("items in a list or fields in a struct are separated by commas".into())
            } else {
                None
            };
            (msg, hint)
        }
    }
}
