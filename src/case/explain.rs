//! The RON parser's errors in an author's words: what was found, what is allowed, and a hint.
//! The parser knows the error but not always the field, so the text around the error's place
//! is read to name it (`power: 300` → "power must be 0–5").

use super::diagnostic::{line_col, suggestion};
use super::lex::{Tok, tokens};
use super::words;

/// Longest piece of the author's text quoted in a message.
const QUOTE_CHARS: usize = 60;

fn quote(s: &str) -> String {
    let mut q: String = s.chars().take(QUOTE_CHARS).collect();
    if s.chars().count() > QUOTE_CHARS {
        q.push('…');
    }
    super::ids::shown(&q)
}

/// "did you mean `x`?" for a likely typo, otherwise the list of what is allowed.
fn suggest(found: &str, expected: &[&str], otherwise: &str) -> String {
    suggestion(found, expected.iter().copied()).unwrap_or_else(|| {
        let list: Vec<String> = expected.iter().map(|x| format!("`{x}`")).collect();
        format!("{otherwise} {}", list.join(", "))
    })
}

/// The allowed range of a whole-number field of the case format, by field name.
pub fn range_of(field: &str) -> Option<&'static str> {
    Some(match field {
        "power" | "influence" => "0–5",
        "strength" => "0–10",
        "value" => "0–100",
        "chance" | "percent" => "1–100",
        "weeks" => "0–520 (a calendar has 1–520 weeks)",
        "budget" | "money" => "0–4,294,967,295",
        "weight" | "burning_issue" | "insider" | "sequencing" | "rank" | "intensity"
        | "outcome" | "cost" | "on_time_week" | "from" | "to" | "week" => {
            "0 or more (up to 4,294,967,295)"
        }
        "correct" | "wrong" | "late_per_week" | "top_without_support" | "wasted_meeting" => {
            "−2,147,483,648 to 2,147,483,647"
        }
        _ => return None,
    })
}

/// The number written at or around byte `at` (digits, sign, point, exponent), and where it starts.
fn number_around(text: &str, at: usize) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    let is_num = |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b'_' | b'-' | b'+' | b'e' | b'E');
    let mut start = at.min(b.len());
    while start > 0 && is_num(b[start - 1]) {
        start -= 1;
    }
    let mut end = at.min(b.len());
    while end < b.len() && is_num(b[end]) {
        end += 1;
    }
    let n = text.get(start..end)?;
    n.bytes().any(|c| c.is_ascii_digit()).then_some((start, n))
}

/// The field name before byte `at` (`power` in `power: 300`), if the value sits after `name:`.
fn field_before(text: &str, at: usize) -> Option<&str> {
    let before = text.get(..at)?.trim_end();
    let before = before.strip_suffix(':')?.trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    let name = &before[start..];
    (!name.is_empty()).then_some(name)
}

/// Full-width punctuation an input method types, and the ASCII character the format needs.
const FULL_WIDTH: &[(char, char)] = &[
    ('，', ','),
    ('：', ':'),
    ('（', '('),
    ('）', ')'),
    ('【', '['),
    ('】', ']'),
    ('［', '['),
    ('］', ']'),
    ('“', '"'),
    ('”', '"'),
    ('；', ';'),
    ('｛', '{'),
    ('｝', '}'),
];

/// The innermost bracket still open at byte `at`: its byte offset, and the call or field it
/// opens (`Met` in `Met(`, `label` in `label: (`), with the index of the argument `at` is in.
fn open_bracket(text: &str, at: usize) -> Option<(usize, Option<String>, usize)> {
    let toks = tokens(text.get(..at)?);
    let mut stack: Vec<(usize, Option<String>, usize)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match &t.tok {
            Tok::Open(_) => {
                let name = match i.checked_sub(1).map(|j| &toks[j].tok) {
                    Some(Tok::Ident(n)) => Some(n.clone()),
                    Some(Tok::Colon) => match i.checked_sub(2).map(|j| &toks[j].tok) {
                        Some(Tok::Ident(n)) => Some(n.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                stack.push((t.start, name, 0));
            }
            Tok::Close(_) => {
                stack.pop();
            }
            Tok::Comma => {
                if let Some(top) = stack.last_mut() {
                    top.2 += 1;
                }
            }
            _ => {}
        }
    }
    stack.pop()
}

fn at_line(text: &str, offset: usize) -> String {
    let (line, col) = line_col(text, offset);
    format!("line {line}, column {col}")
}

fn word_list(words: &[&str]) -> String {
    let list: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    list.join(", ")
}

/// Mistakes the parser reports in its own terms but whose place says what happened: a `#`
/// comment, full-width punctuation, a quote inside a text, a number where a word belongs, a
/// missing argument, a bracket left open.
fn in_context(e: &ron::Error, text: &str, offset: usize) -> Option<(String, Option<String>)> {
    use ron::Error as R;
    let here = text.get(offset..)?;
    let next = here.trim_start().chars().next();
    let before = text.get(..offset)?.trim_end();
    if next == Some('#') {
        return Some((
            "`#` does not start a comment in a case file".into(),
            Some("comments start with `//` (to the end of the line) or `/* … */`; `#` comments are for the choices files of `simulate`".into()),
        ));
    }
    let odd = next
        .into_iter()
        .chain(before.chars().next_back())
        .find_map(|c| FULL_WIDTH.iter().find(|(f, _)| *f == c));
    if let Some((full, ascii)) = odd {
        return Some((
            format!(
                "full-width `{full}` ({}) where the case format needs the ASCII `{ascii}`",
                super::ids::describe(*full)
            ),
            Some(format!(
                "type `{ascii}` (half-width, 半角): full-width punctuation belongs inside texts only"
            )),
        ));
    }
    // `"He said "yes" …"`: the string ended at the inner quote and the text goes on.
    let closes_a_string = before.ends_with('"')
        && before
            .lines()
            .last()
            .is_some_and(|l| l.matches('"').count() >= 2);
    if closes_a_string
        && next.is_some_and(|c| !matches!(c, ',' | ')' | ']' | '}' | ':'))
        && matches!(
            e,
            R::ExpectedComma | R::ExpectedStructLikeEnd | R::ExpectedArrayEnd
        )
    {
        return Some((
            "a `\"` inside a text ends the text early".into(),
            Some("write `\\\"` for a quote inside a text, or use 「」 or “ ” (Chinese quotes need no escape)".into()),
        ));
    }
    let message = e.to_string();
    if let Some((_, n)) = number_around(text, offset)
        && (message.contains("identifier") || matches!(e, R::ExpectedIdentifier))
        && let Some((_, Some(call), arg)) = open_bracket(text, offset)
    {
        let allowed = words::for_argument(&call, arg);
        if !allowed.is_empty() {
            return Some((
                format!("`{}` is a number, but `{call}` takes a word here", quote(n)),
                Some(format!("one of {}", word_list(&allowed))),
            ));
        }
    }
    if let R::ExpectedDifferentLength { expected, found } = e
        && let Some((_, Some(call), _)) = open_bracket(text, offset)
    {
        let args: Vec<String> = (0..4)
            .map(|i| words::for_argument(&call, i))
            .take_while(|w| !w.is_empty())
            .map(|w| format!("one of {}", word_list(&w)))
            .collect();
        let shape = if args.is_empty() {
            String::new()
        } else {
            format!(": {}", args.join("; then "))
        };
        // `expected` reads "tuple variant Effect::Value with 2 elements".
        let n = expected
            .split("with ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|d| d.parse::<usize>().ok())
            .unwrap_or(args.len());
        let given = if *found == 1 {
            "1 is given".to_string()
        } else {
            format!("{found} are given")
        };
        return Some((
            format!("`{call}` takes {n} values, but {given}"),
            Some(format!("write `{call}(…, …)` with every value{shape}")),
        ));
    }
    // A bracket left open: the parser notices only at the next field or item.
    let unclosed_text = matches!(e, R::NoSuchStructField { outer, found, .. }
        if outer.as_deref() == Some("Text") && found.len() > 2);
    let unclosed_item = matches!(e, R::ExpectedIdentifier) && matches!(next, Some('(' | ','));
    if (unclosed_text || unclosed_item)
        && let Some((open, name, _)) = open_bracket(text, offset)
        && line_col(text, open).0 < line_col(text, offset).0
    {
        let what = name.map(|n| format!(" (`{n}`)")).unwrap_or_default();
        return Some((
            format!(
                "the `(` opened at {}{what} is never closed",
                at_line(text, open)
            ),
            Some("add the missing `)` at the end of that part, before this line".into()),
        ));
    }
    None
}

/// (message, hint) for a parse error at byte `offset` of `text`.
pub fn explain(e: &ron::Error, text: &str, offset: usize) -> (String, Option<String>) {
    use ron::Error as R;
    if let Some(found) = in_context(e, text, offset) {
        return found;
    }
    let number = number_around(text, offset);
    let field = number.and_then(|(start, _)| field_before(text, start));
    let what = |field: Option<&str>| field.map(|f| format!(" for `{f}`")).unwrap_or_default();
    // A decimal where a whole number is expected: the parser stops at the point.
    if let Some((_, n)) = number
        && n.contains(['.', 'e', 'E'])
        && !matches!(e, R::ExpectedFloat)
        && matches!(
            e,
            R::ExpectedComma
                | R::ExpectedInteger
                | R::ExpectedStructLikeEnd
                | R::ExpectedArrayEnd
                | R::TrailingCharacters
                | R::IntegerOutOfBounds
                | R::ExpectedIdentifier
                | R::InvalidValueForType { .. }
        )
    {
        let range = field.and_then(range_of);
        let hint = match (field, range) {
            (Some(f), Some(r)) => format!("{f} must be a whole number, {r}"),
            _ => "write a whole number such as 1 or 20 (no decimal point)".to_string(),
        };
        return (
            format!(
                "`{}` is a decimal number, but a whole number is expected{}",
                quote(n),
                what(field)
            ),
            Some(hint),
        );
    }
    match e {
        R::IntegerOutOfBounds => {
            let n = number.map(|(_, n)| n).unwrap_or("the number");
            let hint = match field.and_then(|f| range_of(f).map(|r| (f, r))) {
                Some((f, r)) => format!("{f} must be {r}"),
                None if n.starts_with('-') => "this value cannot be negative".to_string(),
                None => "use a smaller whole number (see the field's range in docs/case-format.md)"
                    .to_string(),
            };
            (
                format!("the number `{}` is out of range{}", quote(n), what(field)),
                Some(hint),
            )
        }
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
            (
                format!("unknown value `{}`{what}", quote(found)),
                Some(hint),
            )
        }
        R::NoSuchStructField {
            expected,
            found,
            outer,
        } if outer.as_deref() == Some("Text") => {
            // Unknown language keys are errors, not ignored: the text would be lost silently.
            let hint = suggestion(found, expected.iter().copied())
                .map(|m| format!("{m} "))
                .unwrap_or_default();
            (
                format!("unknown language key `{}` in a text", quote(found)),
                Some(format!(
                    "{hint}a text has `en:` (English) and `zh:` (Chinese) only, e.g. (en: \"Lost\", zh: \"丢单\")"
                )),
            )
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
            (
                format!("unknown field `{}`{what}", quote(found)),
                Some(hint),
            )
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
            let msg: String = msg.chars().take(200).collect();
            let hint = if msg.contains("Expected") && msg.contains("string") {
                Some("text goes in double quotes: \"…\"".into())
            } else if msg.contains("comma") {
                Some("items in a list or fields in a struct are separated by commas".into())
            } else if msg.contains("nteger") {
                Some("a whole number goes here, e.g. 3".into())
            } else {
                None
            };
            (msg, hint)
        }
    }
}
