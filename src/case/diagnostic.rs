//! Located diagnostics for case files: `file:line:col`, message, hint — for people and JSON.

use serde::Serialize;

use super::text::Lang;

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
    /// The message and hint in Chinese, where the check says them in both languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zh: Option<Said>,
    /// Byte offset and length of the offending text (for the caret).
    #[serde(skip)]
    pub offset: usize,
    #[serde(skip)]
    pub len: usize,
}

/// A message and its hint in one language.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Said {
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as said in this language (English where no Chinese was written).
    pub fn in_lang(&self, l: Lang) -> Diagnostic {
        let mut d = self.clone();
        if let (Lang::Zh, Some(zh)) = (l, &self.zh) {
            d.message = zh.message.clone();
            d.hint = zh.hint.clone();
        }
        d
    }
}

/// `suggestion` in Chinese: 是不是 `x`？
pub fn suggestion_zh<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    suggestion_in(found, candidates, Lang::Zh)
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

impl Diagnostic {
    /// The one-line form (`file:line:col: error[code]: message (hint: …)`) in a language: what
    /// the game's reload overlay shows.
    pub fn line_in(&self, l: Lang) -> String {
        match l {
            Lang::En => self.to_string(),
            Lang::Zh => {
                let d = self.in_lang(l);
                let sev = match d.severity {
                    Severity::Error => "错误",
                    Severity::Warning => "警告",
                };
                let hint = d.hint.map(|h| format!("（提示：{h}）")).unwrap_or_default();
                format!(
                    "{}:{}:{}：{sev}[{}]：{}{hint}",
                    d.file, d.line, d.column, d.code, d.message
                )
            }
        }
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
    suggestion_in(found, candidates, Lang::En)
}

/// `suggestion` in a language.
pub fn suggestion_in<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    l: Lang,
) -> Option<String> {
    let m = did_you_mean(found, candidates)?;
    let shown = super::ids::shown(&m);
    let note = confusable_note_in(found, &m, l);
    Some(match (l, note) {
        (Lang::En, Some(note)) => format!("did you mean `{shown}`? careful: {note}"),
        (Lang::En, None) => format!("did you mean `{shown}`?"),
        (Lang::Zh, Some(note)) => format!("是不是 `{shown}`？注意：{note}"),
        (Lang::Zh, None) => format!("是不是 `{shown}`？"),
    })
}

/// If `a` and `b` look the same (same confusable skeleton) but differ, which characters differ.
pub fn confusable_note(a: &str, b: &str) -> Option<String> {
    confusable_note_in(a, b, Lang::En)
}

/// [`confusable_note`] in a language.
pub fn confusable_note_in(a: &str, b: &str, l: Lang) -> Option<String> {
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
            .map(|&c| super::ids::describe_in(c, l))
            .collect::<Vec<_>>()
            .join(if l == Lang::Zh { "；" } else { "; " })
    };
    Some(match (l, oa.is_empty(), ob.is_empty()) {
        (Lang::En, false, true) => {
            format!("they only look alike: what you typed has {}", name(&oa))
        }
        (Lang::En, true, false) => format!(
            "they only look alike: the suggested id has {} (fix that id too)",
            name(&ob)
        ),
        (Lang::En, ..) => format!("they only look alike: {} against {}", name(&oa), name(&ob)),
        (Lang::Zh, false, true) => format!("两者只是看起来一样：你写的里面有 {}", name(&oa)),
        (Lang::Zh, true, false) => format!(
            "两者只是看起来一样：建议的这个 id 里有 {}（那个 id 也要改）",
            name(&ob)
        ),
        (Lang::Zh, ..) => format!(
            "两者只是看起来一样：你写的有 {}，建议的有 {}",
            name(&oa),
            name(&ob)
        ),
    })
}

/// Characters of a source line shown on each side of the column: a diagnostic never prints a
/// whole long line (a one-line 143 KB case once printed 37 MB of diagnostics).
pub const EXCERPT_CHARS: usize = 60;

/// A few lines of the source around a place, each cut to [`EXCERPT_CHARS`] on each side of the
/// column, with the line numbers of the file.
struct Excerpt {
    name: String,
    text: String,
    /// 0-based line number of the excerpt's first line in the file.
    first_line: usize,
}

impl miette::SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// The lines around byte `offset` (one before, one after), cut around its column; and the
/// offset and length of the place inside the excerpt.
fn excerpt(src: &str, offset: usize, len: usize) -> (String, usize, usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_no = src[..start].matches('\n').count();
    let col = src[start..offset].chars().count();
    let lo = col.saturating_sub(EXCERPT_CHARS);
    let hi = col + EXCERPT_CHARS;
    let cut = |line: &str| -> (String, usize) {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut out = String::new();
        if lo > 0 && line.chars().nth(lo).is_some() {
            out.push('…');
        }
        let prefix = out.len();
        out.extend(line.chars().skip(lo).take(hi - lo));
        if line.chars().nth(hi).is_some() {
            out.push('…');
        }
        (out, prefix)
    };
    let line_at = |from: usize| -> &str {
        let rest = &src[from..];
        &rest[..rest.find('\n').unwrap_or(rest.len())]
    };
    let mut text = String::new();
    let mut first_line = line_no;
    if start > 0 {
        let prev_start = src[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        text.push_str(&cut(line_at(prev_start)).0);
        text.push('\n');
        first_line -= 1;
    }
    let (here, prefix) = cut(line_at(start));
    // The place inside the cut line: its column minus the cut, in bytes of the cut line.
    let skip_bytes: usize = here[prefix..]
        .chars()
        .take(col - lo.min(col))
        .map(char::len_utf8)
        .sum();
    let at = text.len() + prefix + skip_bytes;
    let avail = here.len() - prefix - skip_bytes;
    text.push_str(&here);
    let line_end = start + line_at(start).len();
    if line_end < src.len() {
        text.push('\n');
        text.push_str(&cut(line_at(line_end + 1)).0);
    }
    (text, first_line, at, len.clamp(1, avail.max(1)))
}

/// Render for a terminal in rustc/miette style: location, a short excerpt of the source with a
/// caret, hint.
pub fn render(d: &Diagnostic, source: Option<&str>, color: bool) -> String {
    render_in(d, source, color, Lang::En)
}

/// `render` in a language: the message, the hint and the caret's label.
pub fn render_in(d: &Diagnostic, source: Option<&str>, color: bool, l: Lang) -> String {
    let d = &d.in_lang(l);
    use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic};
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
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .without_primary_span_start();
    let mut out = String::new();
    let located = source.is_some() && d.line > 0;
    // The location line first, so editors and people can jump to it.
    out.push_str(&format!("{}:{}:{}\n", d.file, d.line, d.column));
    let result = if let (true, Some(src)) = (located, source) {
        let (text, first_line, at, len) = excerpt(src, d.offset, d.len);
        let here = if l == Lang::Zh { "这里" } else { "here" };
        let diag = diag.with_label(LabeledSpan::at(at..at + len, here));
        let code = Excerpt {
            name: d.file.clone(),
            text,
            first_line,
        };
        let report = miette::Report::new(diag).with_source_code(code);
        handler.render_report(&mut out, report.as_ref())
    } else {
        handler.render_report(&mut out, &diag)
    };
    if result.is_err() {
        out.push_str(&d.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(src: &str, offset: usize) -> Diagnostic {
        let (line, column) = line_col(src, offset);
        Diagnostic {
            file: "x.ron".into(),
            line,
            column,
            severity: Severity::Error,
            code: "E001",
            message: "bad".into(),
            hint: Some("fix it".into()),
            zh: None,
            offset,
            len: 3,
        }
    }

    #[test]
    fn a_long_line_prints_a_short_excerpt_with_the_right_line_number() {
        let src = format!(
            "first\n{}BAD{}\nlast\n",
            "a".repeat(100_000),
            "b".repeat(100_000)
        );
        let d = diag(&src, 6 + 100_000);
        let out = render(&d, Some(&src), false);
        assert!(out.len() < 1_500, "{} bytes", out.len());
        assert!(out.starts_with("x.ron:2:100001\n"), "{out}");
        assert!(
            out.contains("BAD") && out.contains("here") && out.contains("fix it"),
            "{out}"
        );
        assert!(out.contains(" 2 │") || out.contains("2 │"), "{out}");
        assert!(out.contains('…'));
    }

    #[test]
    fn short_lines_are_shown_whole() {
        let src = "(\n  power: 300,\n)\n";
        let d = diag(src, src.find("300").unwrap());
        let out = render(&d, Some(src), false);
        assert!(out.contains("power: 300,") && !out.contains('…'), "{out}");
        assert!(out.contains("2 │"), "{out}");
        let multibyte = "(\n  名字: \"张三\", x: 1,\n)";
        let d = diag(multibyte, multibyte.find('x').unwrap());
        assert!(render(&d, Some(multibyte), false).contains("here"));
    }
}
