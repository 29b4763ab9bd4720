//! A small RON tokenizer for the editor and for explaining parse errors: string literals with their byte spans, identifiers and
//! brackets. It never fails: anything it does not recognise is skipped, so a half-typed file
//! still gives every id around the cursor.

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A string literal: its value (escapes resolved) and the byte span of its contents.
    Str {
        value: String,
        inner: (usize, usize),
    },
    Ident(String),
    Open(u8),
    Close(u8),
    Colon,
    Comma,
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

pub fn tokens(src: &str) -> Vec<Token> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                // RON block comments nest.
                let mut depth = 0usize;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => {
                let (value, end) = string(src, i + 1);
                out.push(Token {
                    tok: Tok::Str {
                        value,
                        inner: (i + 1, end.saturating_sub(1).max(i + 1)),
                    },
                    start,
                    end,
                });
                i = end;
            }
            b'r' if matches!(b.get(i + 1), Some(b'"') | Some(b'#')) => {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    i += 1;
                    out.push(Token {
                        tok: Tok::Ident("r".into()),
                        start,
                        end: i,
                    });
                    continue;
                }
                let body = j + 1;
                let closing: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let (inner_end, end) = match src[body..].find(&closing) {
                    Some(k) => (body + k, body + k + closing.len()),
                    None => (src.len(), src.len()),
                };
                out.push(Token {
                    tok: Tok::Str {
                        value: src[body..inner_end].to_string(),
                        inner: (body, inner_end),
                    },
                    start,
                    end,
                });
                i = end;
            }
            b'(' | b'[' | b'{' => {
                i += 1;
                out.push(Token {
                    tok: Tok::Open(c),
                    start,
                    end: i,
                });
            }
            b')' | b']' | b'}' => {
                i += 1;
                out.push(Token {
                    tok: Tok::Close(c),
                    start,
                    end: i,
                });
            }
            b':' => {
                i += 1;
                out.push(Token {
                    tok: Tok::Colon,
                    start,
                    end: i,
                });
            }
            b',' => {
                i += 1;
                out.push(Token {
                    tok: Tok::Comma,
                    start,
                    end: i,
                });
            }
            c if c == b'_' || c.is_ascii_alphabetic() => {
                while i < b.len() && (b[i] == b'_' || b[i].is_ascii_alphanumeric()) {
                    i += 1;
                }
                out.push(Token {
                    tok: Tok::Ident(src[start..i].to_string()),
                    start,
                    end: i,
                });
            }
            _ => {
                // Numbers, other punctuation, and any non-ASCII character outside a string.
                i += src[i..].chars().next().map_or(1, char::len_utf8);
                out.push(Token {
                    tok: Tok::Other,
                    start,
                    end: i,
                });
            }
        }
    }
    out
}

/// A string's value from just after its opening quote; returns the value and the byte after the
/// closing quote (the end of the text when it is never closed, or at the end of the line).
fn string(src: &str, from: usize) -> (String, usize) {
    let mut value = String::new();
    let mut chars = src[from..].char_indices();
    while let Some((k, ch)) = chars.next() {
        match ch {
            '"' => return (value, from + k + 1),
            // An unclosed string stops at the end of its line, so one missing quote does not
            // swallow the rest of the file.
            '\n' => return (value, from + k),
            '\\' => match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, 'r')) => value.push('\r'),
                Some((_, '0')) => value.push('\0'),
                Some((_, 'u')) => {
                    let rest = &src[from + k + 2..];
                    if let Some(close) = rest.find('}').filter(|_| rest.starts_with('{')) {
                        if let Some(c) = u32::from_str_radix(&rest[1..close], 16)
                            .ok()
                            .and_then(char::from_u32)
                        {
                            value.push(c);
                        }
                        for _ in 0..close {
                            chars.next();
                        }
                    }
                }
                Some((_, other)) => value.push(other),
                None => break,
            },
            c => value.push(c),
        }
    }
    (value, src.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_comments_and_brackets() {
        let src = "// a \"comment\"\n(id: \"x\\\"y\", /* b /* c */ \"no\" */ go: Some(r#\"raw\"#))";
        let toks = tokens(src);
        let strs: Vec<_> = toks
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Str { value, inner } => Some((value.clone(), &src[inner.0..inner.1])),
                _ => None,
            })
            .collect();
        assert_eq!(
            strs,
            vec![("x\"y".to_string(), "x\\\"y"), ("raw".to_string(), "raw")]
        );
        assert!(toks.iter().any(|t| t.tok == Tok::Ident("Some".into())));
    }

    #[test]
    fn an_unclosed_string_stops_at_its_line() {
        let toks = tokens("(a: \"open\nb: \"x\")");
        let vals: Vec<_> = toks
            .iter()
            .filter_map(|t| match &t.tok {
                Tok::Str { value, .. } => Some(value.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(vals, vec!["open", "x"]);
    }
}
