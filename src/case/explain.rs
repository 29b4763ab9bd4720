//! The RON parser's errors in an author's words: what was found, what is allowed, and a hint.
//! The parser knows the error but not always the field, so the text around the error's place
//! is read to name it (`power: 300` → "power must be 0–5").

use super::diagnostic::{Said, line_col, suggestion, suggestion_zh};
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

/// `suggest` in Chinese.
fn suggest_zh(found: &str, expected: &[&str], otherwise: &str) -> String {
    suggestion_zh(found, expected.iter().copied()).unwrap_or_else(|| {
        let list: Vec<String> = expected.iter().map(|x| format!("`{x}`")).collect();
        format!("{otherwise}{}", list.join("、"))
    })
}

/// A message and its hint in English and in Chinese.
pub struct Explained {
    pub message: String,
    pub hint: Option<String>,
    pub zh: Said,
}

impl Explained {
    fn new(message: String, hint: Option<String>, zh: String, zh_hint: Option<String>) -> Self {
        Explained {
            message,
            hint,
            zh: Said {
                message: zh,
                hint: zh_hint,
            },
        }
    }
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
fn in_context(e: &ron::Error, text: &str, offset: usize) -> Option<Explained> {
    use ron::Error as R;
    let here = text.get(offset..)?;
    let next = here.trim_start().chars().next();
    let before = text.get(..offset)?.trim_end();
    if next == Some('#') {
        return Some(Explained::new(
            "`#` does not start a comment in a case file".into(),
            Some("comments start with `//` (to the end of the line) or `/* … */`; `#` comments are for the choices files of `simulate`".into()),
            "案例文件里 `#` 不是注释".into(),
            Some("注释用 `//`（到行尾）或 `/* … */`；`#` 注释只用于 `simulate` 的选择文件".into()),
        ));
    }
    let odd = next
        .into_iter()
        .chain(before.chars().next_back())
        .find_map(|c| FULL_WIDTH.iter().find(|(f, _)| *f == c));
    if let Some((full, ascii)) = odd {
        return Some(Explained::new(
            format!(
                "full-width `{full}` ({}) where the case format needs the ASCII `{ascii}`",
                super::ids::describe(*full)
            ),
            Some(format!(
                "type `{ascii}` (half-width, 半角): full-width punctuation belongs inside texts only"
            )),
            format!("这里用了全角的 `{full}`，案例格式要的是半角 `{ascii}`"),
            Some(format!(
                "请输入半角 `{ascii}`：全角标点只能出现在文字内容里"
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
        return Some(Explained::new(
            "a `\"` inside a text ends the text early".into(),
            Some("write `\\\"` for a quote inside a text, or use 「」 or “ ” (Chinese quotes need no escape)".into()),
            "文字里的 `\"` 让这段文字提前结束了".into(),
            Some("文字里的引号写成 `\\\"`，或改用「」或“ ”（中文引号不用转义）".into()),
        ));
    }
    let message = e.to_string();
    if let Some((_, n)) = number_around(text, offset)
        && (message.contains("identifier") || matches!(e, R::ExpectedIdentifier))
        && let Some((_, Some(call), arg)) = open_bracket(text, offset)
    {
        let allowed = words::for_argument(&call, arg);
        if !allowed.is_empty() {
            return Some(Explained::new(
                format!("`{}` is a number, but `{call}` takes a word here", quote(n)),
                Some(format!("one of {}", word_list(&allowed))),
                format!("`{}` 是数字，但 `{call}` 这里要写一个词", quote(n)),
                Some(format!("可选：{}", word_list(&allowed))),
            ));
        }
    }
    if let R::ExpectedDifferentLength { expected, found } = e
        && let Some((_, Some(call), _)) = open_bracket(text, offset)
    {
        let lists: Vec<String> = (0..4)
            .map(|i| words::for_argument(&call, i))
            .take_while(|w| !w.is_empty())
            .map(|w| word_list(&w))
            .collect();
        let args: Vec<String> = lists.iter().map(|l| format!("one of {l}")).collect();
        let (shape, shape_zh) = if args.is_empty() {
            (String::new(), String::new())
        } else {
            let zh: Vec<String> = lists.iter().map(|l| format!("从 {l} 中选一个")).collect();
            (
                format!(": {}", args.join("; then ")),
                format!("：{}", zh.join("；然后")),
            )
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
        return Some(Explained::new(
            format!("`{call}` takes {n} values, but {given}"),
            Some(format!("write `{call}(…, …)` with every value{shape}")),
            format!("`{call}` 要 {n} 个值，这里只给了 {found} 个"),
            Some(format!("写成 `{call}(…, …)`，每个值都要写{shape_zh}")),
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
        let (line, col) = line_col(text, open);
        return Some(Explained::new(
            format!(
                "the `(` opened at {}{what} is never closed",
                at_line(text, open)
            ),
            Some("add the missing `)` at the end of that part, before this line".into()),
            format!("第 {line} 行第 {col} 列打开的 `(`{what} 没有关上"),
            Some("在那一部分的末尾、这一行之前补上缺少的 `)`".into()),
        ));
    }
    None
}

/// (message, hint) for a parse error at byte `offset` of `text`.
pub fn explain(e: &ron::Error, text: &str, offset: usize) -> Explained {
    use ron::Error as R;
    if let Some(found) = in_context(e, text, offset) {
        return found;
    }
    let number = number_around(text, offset);
    let field = number.and_then(|(start, _)| field_before(text, start));
    let what = |field: Option<&str>| field.map(|f| format!(" for `{f}`")).unwrap_or_default();
    let what_zh = |field: Option<&str>| field.map(|f| format!("（`{f}`）")).unwrap_or_default();
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
        let (hint, hint_zh) = match (field, range) {
            (Some(f), Some(r)) => (
                format!("{f} must be a whole number, {r}"),
                format!("{f} 必须是整数，{r}"),
            ),
            _ => (
                "write a whole number such as 1 or 20 (no decimal point)".to_string(),
                "写一个整数，例如 1 或 20（不带小数点）".to_string(),
            ),
        };
        return Explained::new(
            format!(
                "`{}` is a decimal number, but a whole number is expected{}",
                quote(n),
                what(field)
            ),
            Some(hint),
            format!("`{}` 是小数，这里{}要整数", quote(n), what_zh(field)),
            Some(hint_zh),
        );
    }
    match e {
        R::IntegerOutOfBounds => {
            let n = number.map(|(_, n)| n).unwrap_or("the number");
            let (hint, hint_zh) = match field.and_then(|f| range_of(f).map(|r| (f, r))) {
                Some((f, r)) => (format!("{f} must be {r}"), format!("{f} 必须是 {r}")),
                None if n.starts_with('-') => (
                    "this value cannot be negative".to_string(),
                    "这个值不能是负数".to_string(),
                ),
                None => (
                    "use a smaller whole number (see the field's range in docs/case-format.md)"
                        .to_string(),
                    "用一个小一些的整数（各字段的范围见 docs/case-format.md）".to_string(),
                ),
            };
            Explained::new(
                format!("the number `{}` is out of range{}", quote(n), what(field)),
                Some(hint),
                format!("数字 `{}`{} 超出了范围", quote(n), what_zh(field)),
                Some(hint_zh),
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
            let hint_zh = suggest_zh(found, expected, "可选：");
            let what_zh = outer
                .as_deref()
                .map(|o| format!("（`{o}`）"))
                .unwrap_or_default();
            Explained::new(
                format!("unknown value `{}`{what}", quote(found)),
                Some(hint),
                format!("未知的值 `{}`{what_zh}", quote(found)),
                Some(hint_zh),
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
            let hint_zh = suggestion_zh(found, expected.iter().copied()).unwrap_or_default();
            Explained::new(
                format!("unknown language key `{}` in a text", quote(found)),
                Some(format!(
                    "{hint}a text has `en:` (English) and `zh:` (Chinese) only, e.g. (en: \"Lost\", zh: \"丢单\")"
                )),
                format!("文字里有未知的语言键 `{}`", quote(found)),
                Some(format!(
                    "{hint_zh}文字只有 `en:`（英文）和 `zh:`（中文），例如 (en: \"Lost\", zh: \"丢单\")"
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
            let hint_zh = suggest_zh(found, expected, "这里的字段有：");
            let what_zh = outer
                .as_deref()
                .map(|o| format!("（在 `{o}` 里）"))
                .unwrap_or_default();
            Explained::new(
                format!("unknown field `{}`{what}", quote(found)),
                Some(hint),
                format!("未知的字段 `{}`{what_zh}", quote(found)),
                Some(hint_zh),
            )
        }
        R::MissingStructField { field, outer } => {
            let what = outer
                .as_deref()
                .map(|o| format!(" in `{o}`"))
                .unwrap_or_default();
            let what_zh = outer
                .as_deref()
                .map(|o| format!("（在 `{o}` 里）"))
                .unwrap_or_default();
            Explained::new(
                format!("missing field `{field}`{what}"),
                Some(format!("add `{field}: …` (see docs/case-format.md)")),
                format!("缺少字段 `{field}`{what_zh}"),
                Some(format!("加上 `{field}: …`（见 docs/case-format.md）")),
            )
        }
        R::DuplicateStructField { field, outer } => {
            let what = outer
                .as_deref()
                .map(|o| format!(" in `{o}`"))
                .unwrap_or_default();
            Explained::new(
                format!("field `{field}` given twice{what}"),
                Some("remove one of them".into()),
                format!("字段 `{field}` 写了两次"),
                Some("删掉其中一个".into()),
            )
        }
        R::ExceededRecursionLimit => Explained::new(
            "nested too deeply".into(),
            Some("is a closing bracket missing?".into()),
            "括号嵌套太深".into(),
            Some("是不是少了一个右括号？".into()),
        ),
        R::Eof => Explained::new(
            "the file ends in the middle of the case".into(),
            Some("a closing bracket or quote is probably missing".into()),
            "文件在案例中间就结束了".into(),
            Some("多半是少了一个右括号或引号".into()),
        ),
        other => {
            let msg = other.to_string();
            let msg: String = msg.chars().take(200).collect();
            let (hint, zh): (Option<&str>, (&str, Option<&str>)) =
                if msg.contains("Expected") && msg.contains("string") {
                    (
                        Some("text goes in double quotes: \"…\""),
                        ("这里要一段文字", Some("文字放在双引号里：\"…\"")),
                    )
                } else if msg.contains("comma") {
                    (
                        Some("items in a list or fields in a struct are separated by commas"),
                        (
                            "这里少了逗号",
                            Some("列表里的各项、结构里的各字段之间用半角逗号 `,` 隔开"),
                        ),
                    )
                } else if msg.contains("nteger") {
                    (
                        Some("a whole number goes here, e.g. 3"),
                        ("这里要一个整数", Some("写一个整数，例如 3")),
                    )
                } else {
                    (None, ("案例文件在这里读不下去了", None))
                };
            Explained::new(
                msg.clone(),
                hint.map(String::from),
                format!("{}（解析器：{msg}）", zh.0),
                zh.1.map(String::from),
            )
        }
    }
}
