//! Byte offsets ↔ LSP positions (line, and column in the negotiated encoding: UTF-8 bytes or,
//! by default, UTF-16 code units). Out-of-range positions are clamped, never a panic.

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    enc: Encoding,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, enc: Encoding) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts, enc }
    }

    pub fn position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let seg = &self.text[start..end];
        let col = match self.enc {
            Encoding::Utf8 => seg.len(),
            Encoding::Utf16 => seg.encode_utf16().count(),
        };
        (line as u32, col as u32)
    }

    pub fn offset(&self, line: u32, col: u32) -> usize {
        let Some(&start) = self.starts.get(line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(line as usize + 1)
            .map_or(self.text.len(), |&e| e);
        let seg = &self.text[start..end];
        let mut units = 0u32;
        for (i, ch) in seg.char_indices() {
            if units >= col || ch == '\n' {
                return start + i;
            }
            units += match self.enc {
                Encoding::Utf8 => ch.len_utf8() as u32,
                Encoding::Utf16 => ch.len_utf16() as u32,
            };
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_astral_characters_round_trip() {
        let text = "ab\n海城 \"x\"\n😀y";
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            let l = Lines::new(text, enc);
            for (i, _) in text.char_indices() {
                let (line, col) = l.position(i);
                assert_eq!(l.offset(line, col), i, "{enc:?} {i}");
            }
        }
        let l = Lines::new(text, Encoding::Utf16);
        assert_eq!(l.position(text.find('"').unwrap()), (1, 3));
        assert_eq!(l.position(text.find('y').unwrap()), (2, 2));
        assert_eq!(l.offset(99, 0), text.len());
    }
}
