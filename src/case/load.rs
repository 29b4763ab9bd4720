//! Reading a case: bytes → checked text → RON → model → validation. The engine compiles what
//! passes (`engine::load`); this layer knows nothing of it.
//! Case files are written by people and are untrusted: every failure is a diagnostic.

use std::path::Path;

use super::diagnostic::{Diagnostic, Said, Severity, line_col, offset_of};
use super::model::Case;
use super::validate::validate;

/// A case file larger than this is refused before parsing.
pub const MAX_CASE_BYTES: usize = 2 * 1024 * 1024;
/// Deepest bracket nesting accepted (a real case nests about 8 deep).
pub const MAX_DEPTH: usize = 64;

/// The result of checking one file: the case if it is usable (no errors), and everything found.
#[derive(Debug, Clone)]
pub struct Checked {
    pub file: String,
    pub source: Option<String>,
    pub case: Option<Case>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
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
        zh: None,
        offset: 0,
        len: 0,
    }
}

pub fn check_path(path: &Path) -> Checked {
    let file = path.display().to_string();
    let fail = |d| Checked {
        file: file.clone(),
        source: None,
        case: None,
        diagnostics: vec![d],
    };
    use crate::durable::{ReadError, read_regular};
    // Only regular files, the size checked before reading and the read bounded: a FIFO, a
    // device or a link to `/dev/zero` is refused, never read.
    match read_regular(path, MAX_CASE_BYTES as u64) {
        Ok(bytes) => check_bytes(&file, &bytes),
        Err(ReadError::NotRegular("a folder")) => fail(whole_file(
            &file,
            "E001",
            "this is a folder, not a case file".into(),
            Some("pass a .ron file, or use `validate` on the folder".into()),
        )),
        Err(ReadError::NotRegular(what)) => fail(whole_file(
            &file,
            "E001",
            format!("this is not a regular file but {what}"),
            Some(
                "pass a case file (.ron); pipes, devices and sockets are never read, as they may block or never end"
                    .into(),
            ),
        )),
        Err(ReadError::LinkLoop) => fail(whole_file(
            &file,
            "E001",
            "this is a symbolic link loop (the link leads back to itself)".into(),
            Some("point the link at the case file, or pass the file itself".into()),
        )),
        Err(ReadError::TooLarge { size, max }) => fail(whole_file(
            &file,
            "E002",
            format!("the file is {size} bytes; the limit for a case is {max} bytes"),
            Some("a case is a few hundred kilobytes at most; is this the right file?".into()),
        )),
        Err(ReadError::Missing) => fail(whole_file(
            &file,
            "E001",
            "cannot read the file: there is no such file".into(),
            Some("check the path; `dealcraft cases` lists the bundled cases".into()),
        )),
        Err(e) => fail(whole_file(&file, "E001", e.to_string(), None)),
    }
}

pub fn check_bytes(file: &str, bytes: &[u8]) -> Checked {
    let mut out = Checked {
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
                out.case = Some(case);
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
                zh: Some(Said {
                    message: "文件不是 UTF-8 文本".into(),
                    hint: Some(
                        "把案例另存为 UTF-8（多数编辑器：文件 › 另存为 › 编码选 UTF-8）".into(),
                    ),
                }),
                offset: 0,
                len: 0,
            });
        }
    };
    // A byte-order mark (some editors on Windows write one) is not part of the case.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
            zh: None,
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
        let said = super::explain::explain(&e.code, text, offset);
        Diagnostic {
            file: file.into(),
            line,
            column: col,
            severity: Severity::Error,
            code: "E001",
            message: said.message,
            hint: said.hint,
            zh: Some(said.zh),
            offset,
            len: end.saturating_sub(offset).max(1),
        }
    })
}
