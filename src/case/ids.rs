//! What an id may be made of, and how to name a character that does not belong.
//!
//! Ids (of scenes, choices, people, facts, …) are typed by authors and compared exactly, so a
//! look-alike letter (Cyrillic `а` for Latin `a`) or an invisible one (a zero-width space)
//! would make two ids that look the same differ. Ids are therefore limited to a documented
//! set — ASCII letters, digits, `_`, `-` and `.` — and a character outside it is named by its
//! code point and Unicode name, with the ASCII letter it imitates (the UTS #39 confusable
//! skeleton, from the `unicode-security` crate) when there is one.

use unicode_security::skeleton;

use super::checker::{Checker, Kind, Names};
use super::model::Case;
use super::text::Lang;

/// The characters an id may use, for messages and the format guide.
pub const ID_CHARS: &str = "ASCII letters, digits, `_`, `-` and `.`";
/// [`ID_CHARS`] in Chinese.
pub const ID_CHARS_ZH: &str = "ASCII 字母、数字、`_`、`-` 和 `.`";
/// The longest id accepted.
pub const MAX_ID_CHARS: usize = 100;

pub fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// Characters that show as nothing (Unicode's default-ignorable code points, controls and
/// spaces other than the plain one).
pub fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
        || c.is_control()
        || (c.is_whitespace() && c != ' ')
}

/// The ASCII text `c` imitates, if its confusable skeleton is ASCII and differs from it.
pub fn looks_like(c: char) -> Option<String> {
    if c.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 4];
    let sk: String = skeleton(c.encode_utf8(&mut buf)).collect();
    (sk != c.to_string() && !sk.is_empty() && sk.chars().all(|x| x.is_ascii_graphic()))
        .then_some(sk)
}

/// `U+0430 CYRILLIC SMALL LETTER A, which looks like `a``, or `U+200B ZERO WIDTH SPACE
/// (invisible)`.
pub fn describe(c: char) -> String {
    describe_in(c, Lang::En)
}

/// [`describe`] in a language (the Unicode name itself stays as Unicode writes it):
/// `U+0430 CYRILLIC SMALL LETTER A（看起来像 `a`）`.
pub fn describe_in(c: char, l: Lang) -> String {
    let name = unicode_names2::name(c)
        .map(|n| n.to_string())
        .unwrap_or_else(|| "(unnamed)".into());
    let mut s = format!("U+{:04X} {name}", c as u32);
    if invisible(c) {
        s.push_str(match l {
            Lang::En => " (invisible)",
            Lang::Zh => "（看不见的字符）",
        });
    } else if let Some(x) = looks_like(c) {
        s.push_str(&match l {
            Lang::En => format!(", which looks like `{x}`"),
            Lang::Zh => format!("（看起来像 `{x}`）"),
        });
    }
    s
}

/// An id as it can be shown in a message: invisible characters written as `\u{…}`.
pub fn shown(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars().take(MAX_ID_CHARS + 1) {
        if invisible(c) {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    if id.chars().count() > MAX_ID_CHARS + 1 {
        out.push('…');
    }
    out
}

/// The id with look-alikes replaced by the ASCII they imitate and invisible characters
/// dropped, if that leaves a valid id.
pub fn repaired(id: &str) -> Option<String> {
    let mut out = String::new();
    for c in id.chars() {
        if allowed(c) {
            out.push(c);
        } else if invisible(c) {
            continue;
        } else {
            out.push_str(&looks_like(c)?);
        }
    }
    (!out.is_empty() && out.chars().all(allowed)).then_some(out)
}

/// What is wrong with an id's characters: (message part, hint), or None if it is fine.
pub fn problem(id: &str) -> Option<(String, String)> {
    problem_in(id, Lang::En)
}

/// [`problem`] in a language.
pub fn problem_in(id: &str, l: Lang) -> Option<(String, String)> {
    let zh = l == Lang::Zh;
    let n = id.chars().count();
    if n > MAX_ID_CHARS {
        return Some(if zh {
            (
                format!("有 {n} 个字符（最多 {MAX_ID_CHARS} 个）"),
                "用一个短名字，比如 `meet_vp`".into(),
            )
        } else {
            (
                format!("is {n} characters long (at most {MAX_ID_CHARS})"),
                "use a short name, such as `meet_vp`".into(),
            )
        });
    }
    let bad: Vec<char> = id.chars().filter(|&c| !allowed(c)).collect();
    let first = *bad.first()?;
    let mut what = describe_in(first, l);
    let others = bad.iter().filter(|&&c| c != first).count();
    if others > 0 {
        what.push_str(&if zh {
            format!("，还有 {others} 个这样的字符")
        } else {
            format!(" and {others} more such character(s)")
        });
    }
    let repair = repaired(id);
    Some(if zh {
        let hint = match repair {
            Some(r) => format!("写成 `{r}`；id 只能用 {ID_CHARS_ZH}"),
            None => format!("id 只能用 {ID_CHARS_ZH}"),
        };
        (format!("含有 {what}"), hint)
    } else {
        let hint = match repair {
            Some(r) => format!("type it as `{r}`; ids may use {ID_CHARS} only"),
            None => format!("ids may use {ID_CHARS} only"),
        };
        (format!("contains {what}"), hint)
    })
}

/// E023 for every defined id (and the case's own id) with characters outside [`ID_CHARS`].
pub(crate) fn check_id_chars(ck: &mut Checker, case: &Case, names: &Names) {
    if let Some((what, hint)) = problem(&case.id) {
        let span = ck.loc.field_after(0, "id").unwrap_or((0, 0));
        ck.error(
            "E023",
            span,
            format!("the case id `{}` {what}", shown(&case.id)),
            Some(hint),
        );
        if let Some((what, hint)) = problem_in(&case.id, Lang::Zh) {
            ck.zh(
                format!("案例的 id `{}` {what}", shown(&case.id)),
                Some(hint),
            );
        }
    }
    for kind in [
        Kind::Scene,
        Kind::Choice,
        Kind::Stakeholder,
        Kind::Fact,
        Kind::Competitor,
        Kind::Issue,
        Kind::Ending,
        Kind::Event,
        Kind::Variant,
        Kind::Unit,
    ] {
        for id in names.list(kind) {
            if ck.full() {
                return;
            }
            if id.trim().is_empty() {
                continue; // E010
            }
            if let Some((what, hint)) = problem(id) {
                let span = ck.loc.id(id).unwrap_or((0, 0));
                ck.error(
                    "E023",
                    span,
                    format!("{} id `{}` {what}", kind.word(), shown(id)),
                    Some(hint),
                );
                if let Some((what, hint)) = problem_in(id, Lang::Zh) {
                    ck.zh(
                        format!("{}的 id `{}` {what}", kind.word_zh(), shown(id)),
                        Some(hint),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_and_invisibles_are_named() {
        let (what, hint) = problem("аsk_open").unwrap();
        assert!(
            what.contains("U+0430 CYRILLIC SMALL LETTER A, which looks like `a`"),
            "{what}"
        );
        assert!(hint.contains("type it as `ask_open`"), "{hint}");
        let (what, hint) = problem_in("аsk_open", Lang::Zh).unwrap();
        assert!(
            what.contains("含有 U+0430") && what.contains("看起来像 `a`"),
            "{what}"
        );
        assert!(hint.contains("写成 `ask_open`"), "{hint}");
        let (what, hint) = problem("ask\u{200B}_open").unwrap();
        assert!(
            what.contains("U+200B ZERO WIDTH SPACE (invisible)"),
            "{what}"
        );
        assert!(hint.contains("`ask_open`"), "{hint}");
        assert_eq!(shown("a\u{200B}b"), "a\\u{200B}b");
        assert!(problem("ask_open-2.b").is_none());
        assert!(problem("见面").unwrap().1.contains("ASCII letters"));
        assert!(
            problem(&"a".repeat(101))
                .unwrap()
                .0
                .contains("101 characters")
        );
    }
}
