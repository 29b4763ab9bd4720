//! Finding where in the RON text a semantic problem lives. The parser gives no spans for
//! values, so the source is indexed once: every string literal, every `field:` and every
//! `id: "…"` with its byte offset. Lookups are then hash look-ups and binary searches, so
//! locating thousands of findings in a 2 MB file stays linear in the file (a search of the
//! text per finding made validation quadratic).
//!
//! [`Locator::work`] counts the bytes the index pass read plus the steps of every lookup, so
//! tests can assert on the work done instead of on time.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;

pub struct Locator<'a> {
    pub src: &'a str,
    /// Every string literal by its content (escapes resolved): the offsets of its opening
    /// quote.
    literals: HashMap<Cow<'a, str>, Vec<usize>>,
    /// Literals that follow `id:`: the offsets of their opening quote.
    ids: HashMap<Cow<'a, str>, Vec<usize>>,
    /// Every `name:` outside strings and comments: the offsets of the name.
    fields: HashMap<&'a str, Vec<usize>>,
    work: Cell<usize>,
}

pub type Span = (usize, usize);

/// The first offset in the sorted `v` at or after `from`.
fn at_or_after(v: &[usize], from: usize, work: &Cell<usize>) -> Option<usize> {
    work.set(work.get() + 1 + (usize::BITS - v.len().leading_zeros()) as usize);
    let i = v.partition_point(|&x| x < from);
    v.get(i).copied()
}

impl<'a> Locator<'a> {
    /// Index `src` (one pass).
    pub fn new(src: &'a str) -> Self {
        let mut loc = Locator {
            src,
            literals: HashMap::new(),
            ids: HashMap::new(),
            fields: HashMap::new(),
            work: Cell::new(src.len()),
        };
        loc.index();
        loc
    }

    /// Bytes read by the index pass plus the steps of every lookup so far.
    pub fn work(&self) -> usize {
        self.work.get()
    }

    fn index(&mut self) {
        let b = self.src.as_bytes();
        let n = b.len();
        let mut i = 0;
        // The last token was `id:`: the next literal defines an id.
        let mut after_id = false;
        while i < n {
            match b[i] {
                b'"' => {
                    let start = i;
                    i += 1;
                    while i < n && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    let end = i.min(n);
                    if let Some(raw) = self.src.get(start + 1..end) {
                        let content = unescape(raw);
                        if after_id {
                            self.ids.entry(content.clone()).or_default().push(start);
                        }
                        self.literals.entry(content).or_default().push(start);
                    }
                    after_id = false;
                    i += 1;
                }
                b'r' if matches!(b.get(i + 1), Some(b'"' | b'#'))
                    && (i == 0 || !is_ident(b[i - 1])) =>
                {
                    // Raw string r"…", r#"…"#: no escapes; skipped whole.
                    let mut j = i + 1;
                    let mut hashes = 0;
                    while j < n && b[j] == b'#' {
                        hashes += 1;
                        j += 1;
                    }
                    if j < n && b[j] == b'"' {
                        j += 1;
                        loop {
                            if j >= n {
                                break;
                            }
                            if b[j] == b'"'
                                && b[j + 1..]
                                    .iter()
                                    .take(hashes)
                                    .filter(|&&c| c == b'#')
                                    .count()
                                    == hashes
                            {
                                j += 1 + hashes;
                                break;
                            }
                            j += 1;
                        }
                        i = j;
                    } else {
                        i += 1;
                    }
                    after_id = false;
                }
                b'\'' => {
                    // A char literal.
                    i += 1;
                    while i < n && b[i] != b'\'' && b[i] != b'\n' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    i += 1;
                    after_id = false;
                }
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    while i < n && b[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    // Block comments nest in RON.
                    let mut depth = 0usize;
                    while i < n {
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
                c if is_ident_start(c) => {
                    let start = i;
                    while i < n && is_ident(b[i]) {
                        i += 1;
                    }
                    let name = &self.src[start..i];
                    let mut j = i;
                    while j < n && b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if j < n && b[j] == b':' && b.get(j + 1) != Some(&b':') {
                        self.fields.entry(name).or_default().push(start);
                        after_id = name == "id";
                        i = j + 1;
                    } else {
                        after_id = false;
                    }
                }
                c if c.is_ascii_whitespace() => i += 1,
                _ => {
                    after_id = false;
                    i += 1;
                }
            }
        }
    }

    /// The `id: "x"` that defines an item (the first, for duplicates use `nth_id`).
    pub fn id(&self, id: &str) -> Option<Span> {
        self.nth_id(id, 0)
    }

    pub fn nth_id(&self, id: &str, n: usize) -> Option<Span> {
        self.work.set(self.work.get() + 1);
        self.ids
            .get(id)
            .and_then(|v| v.get(n))
            .map(|&i| (i, self.literal_len(i)))
    }

    /// The first literal `"value"` at or after `from`.
    pub fn after(&self, from: usize, value: &str) -> Option<Span> {
        let v = self.literals.get(value)?;
        at_or_after(v, from, &self.work).map(|i| (i, self.literal_len(i)))
    }

    /// Bytes of the literal whose opening quote is at `i`, quotes included.
    fn literal_len(&self, i: usize) -> usize {
        let b = self.src.as_bytes();
        let mut j = i + 1;
        while j < b.len() && b[j] != b'"' {
            j += if b[j] == b'\\' { 2 } else { 1 };
        }
        (j + 1).min(b.len()) - i
    }

    /// The first `field:` at or after `from`.
    pub fn field_after(&self, from: usize, field: &str) -> Option<Span> {
        let v = self.fields.get(field)?;
        at_or_after(v, from, &self.work).map(|i| (i, field.len()))
    }

    /// The value inside the item `anchor_id`, or the anchor itself, or the first mention.
    pub fn value_in(&self, anchor_id: &str, value: &str) -> Span {
        if let Some((a, _)) = self.id(anchor_id)
            && let Some(s) = self.after(a, value)
        {
            return s;
        }
        self.id(anchor_id)
            .or_else(|| self.after(0, value))
            .unwrap_or((0, 0))
    }

    /// A field inside the item `anchor_id`, or the anchor itself.
    pub fn field_in(&self, anchor_id: &str, field: &str) -> Span {
        match self.id(anchor_id) {
            Some((a, l)) => self.field_after(a, field).unwrap_or((a, l)),
            None => self.field_after(0, field).unwrap_or((0, 0)),
        }
    }
}

/// A literal's content with RON's escapes resolved (borrowed when it has none).
fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let rest = chars.as_str();
                if let Some(body) = rest.strip_prefix('{')
                    && let Some(close) = body.find('}')
                {
                    if let Some(ch) = u32::from_str_radix(&body[..close], 16)
                        .ok()
                        .and_then(char::from_u32)
                    {
                        out.push(ch);
                    }
                    chars = body[close + 1..].chars();
                }
            }
            Some('x') => {
                let rest = chars.as_str();
                if let Some(ch) = rest.get(..2).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    out.push(ch as char);
                    chars = rest[2..].chars();
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    Cow::Owned(out)
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Line (1-based) and column (1-based, in characters) of many byte offsets at once, in one
/// pass over the text: `offsets` in any order, results in the same order.
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut col) = (0usize, 1usize, 1usize);
    for i in order {
        let mut target = offsets[i].min(text.len());
        while target > 0 && !text.is_char_boundary(target) {
            target -= 1;
        }
        if target > pos {
            let piece = &text[pos..target];
            match piece.rfind('\n') {
                Some(nl) => {
                    line += piece.matches('\n').count();
                    col = piece[nl + 1..].chars().count() + 1;
                }
                None => col += piece.chars().count(),
            }
            pos = target;
        }
        out[i] = (line, col);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"// id: "c0" in a comment
(id: "case", scenes: [(id: "a", go: "b", text: "id: \"x\""), /* id: "q" */ (id: "b", go: "a")])"#;

    #[test]
    fn finds_ids_values_and_fields_outside_comments_and_strings() {
        let loc = Locator::new(SRC);
        let at = |s: Option<Span>| &SRC[s.unwrap().0..s.unwrap().0 + s.unwrap().1];
        assert_eq!(at(loc.id("a")), "\"a\"");
        assert!(loc.id("c0").is_none(), "comment");
        assert!(loc.id("q").is_none(), "block comment");
        assert!(loc.id("x").is_none(), "inside a string");
        let b = loc.id("b").unwrap().0;
        assert!(b > SRC.find("/*").unwrap());
        // The `go: "a"` after the scene `b`, not the id of `a`.
        let (a_after_b, _) = loc.value_in("b", "a");
        assert!(a_after_b > b);
        assert_eq!(loc.field_in("a", "go").0, SRC.find("go").unwrap());
        assert_eq!(loc.nth_id("a", 1), None);
        let esc = Locator::new("(id: \"x\\\"\\n\\u{41}\")");
        assert_eq!(esc.id("x\"\nA"), Some((5, 13)));
    }

    #[test]
    fn line_cols_in_one_pass_match_the_definition() {
        let text = "ab\n漢字x\n\nlast";
        let offsets: Vec<usize> = (0..=text.len()).rev().collect();
        let got = line_cols(text, &offsets);
        for (k, &o) in offsets.iter().enumerate() {
            let mut o2 = o;
            while !text.is_char_boundary(o2) {
                o2 -= 1;
            }
            let before = &text[..o2];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let col = text[start..o2].chars().count() + 1;
            assert_eq!(got[k], (line, col), "offset {o}");
        }
    }

    #[test]
    fn lookups_cost_logarithmic_work() {
        let src: String = (0..10_000)
            .map(|i| format!("(id: \"f{i}\", text: \"t\"),\n"))
            .collect();
        let loc = Locator::new(&src);
        let base = loc.work();
        assert_eq!(base, src.len());
        for i in 0..10_000 {
            assert!(loc.id(&format!("f{i}")).is_some());
            assert!(loc.field_in(&format!("f{i}"), "text").1 == 4);
        }
        assert!(loc.work() - base < 10_000 * 40, "{}", loc.work() - base);
    }
}
