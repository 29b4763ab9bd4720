//! Finding where in the RON text a semantic problem lives. The parser gives no spans for
//! values, so we search the source: the item's `id: "…"` first, then the offending value
//! after it. Ids are unique, so this lands on the right line in practice.

pub struct Locator<'a> {
    pub src: &'a str,
}

pub type Span = (usize, usize);

impl<'a> Locator<'a> {
    pub fn new(src: &'a str) -> Self {
        Locator { src }
    }

    /// Occurrences of the string literal `"s"`.
    fn literals(&self, s: &str) -> impl Iterator<Item = usize> + '_ {
        let needle = format!("\"{s}\"");
        let len = needle.len();
        let mut from = 0;
        std::iter::from_fn(move || {
            let i = self.src[from..].find(&needle)? + from;
            from = i + len;
            Some(i)
        })
    }

    /// The `id: "x"` that defines an item (the first, for duplicates use `nth_id`).
    pub fn id(&self, id: &str) -> Option<Span> {
        self.nth_id(id, 0)
    }

    pub fn nth_id(&self, id: &str, n: usize) -> Option<Span> {
        self.literals(id)
            .filter(|&i| self.src[..i].trim_end().ends_with("id:"))
            .nth(n)
            .map(|i| (i, id.len() + 2))
    }

    /// The first literal `"value"` at or after `from`.
    pub fn after(&self, from: usize, value: &str) -> Option<Span> {
        self.literals(value)
            .find(|&i| i >= from)
            .map(|i| (i, value.len() + 2))
    }

    /// The first `field:` at or after `from`.
    pub fn field_after(&self, from: usize, field: &str) -> Option<Span> {
        let needle = format!("{field}:");
        let mut start = from.min(self.src.len());
        while let Some(i) = self.src[start..].find(&needle) {
            let at = start + i;
            let prev = self.src[..at].chars().next_back();
            if !prev.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                return Some((at, field.len()));
            }
            start = at + needle.len();
        }
        None
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
