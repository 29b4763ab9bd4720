//! Which characters the bundled font can draw. Bevy's text has no fallback font, so a
//! character outside the font shows as a box: the validator warns where one is used.

use std::sync::OnceLock;

const COVERAGE: &str = include_str!("../../assets/fonts/coverage.txt");

fn ranges() -> &'static [(u32, u32)] {
    static R: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
    R.get_or_init(|| {
        COVERAGE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (a, b) = l.split_once('-').unwrap_or((l, l));
                Some((
                    u32::from_str_radix(a.trim(), 16).ok()?,
                    u32::from_str_radix(b.trim(), 16).ok()?,
                ))
            })
            .collect()
    })
}

/// Can the bundled font draw this character? (Line breaks and tabs need no glyph.)
pub fn covers(c: char) -> bool {
    if matches!(c, '\n' | '\r' | '\t') {
        return true;
    }
    let c = c as u32;
    let r = ranges();
    let i = r.partition_point(|&(_, end)| end < c);
    i < r.len() && r[i].0 <= c
}

/// Characters inside string literals of a RON source that the font cannot draw: each distinct
/// character once, with the byte offset of its first use. One pass, a hash set of those seen:
/// linear in the source.
pub fn uncovered_in_strings(src: &str) -> Vec<(char, usize)> {
    let mut out: Vec<(char, usize)> = Vec::new();
    let mut seen: std::collections::HashSet<char> = std::collections::HashSet::new();
    let mut in_str = false;
    let mut escaped = false;
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if in_str {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            } else if !covers(c) && seen.insert(c) {
                out.push((c, i));
            }
        } else if c == '"' {
            in_str = true;
        } else if c == '/' && chars.peek().is_some_and(|(_, n)| *n == '/') {
            // A comment: skip to the end of the line.
            for (_, n) in chars.by_ref() {
                if n == '\n' {
                    break;
                }
            }
        } else if c == '/' && chars.peek().is_some_and(|(_, n)| *n == '*') {
            // A block comment (they nest in RON).
            chars.next();
            let (mut depth, mut prev) = (1usize, ' ');
            for (_, n) in chars.by_ref() {
                if prev == '/' && n == '*' {
                    depth += 1;
                    prev = ' ';
                    continue;
                }
                if prev == '*' && n == '/' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    prev = ' ';
                    continue;
                }
                prev = n;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_text_is_covered() {
        for c in "Dealcraft 成交工坊：燃眉之急、内线。¥€—“”…★⚠✓①".chars()
        {
            assert!(covers(c), "{c} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn rare_characters_are_not() {
        for c in ['犇', '龘', '▮', '✗'] {
            assert!(!covers(c), "{c}");
        }
    }

    #[test]
    fn finds_uncovered_characters_in_strings_only() {
        let src =
            "// 犇 in a comment is fine\n/* 龘 /* nested 龘 */ 龘 */ (name: (zh: \"犇犇 and 龘\"))";
        let found = uncovered_in_strings(src);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, '犇');
        assert_eq!(&src[found[0].1..found[0].1 + 3], "犇");
    }
}
