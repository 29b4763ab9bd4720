//! Reports of runs: the text transcript (simulate, debrief) and the class report (HTML, CSV).

pub mod class;
pub mod csv;
pub mod radar;
pub mod transcript;

/// 1234567 → "1,234,567": the digits in groups of three (the class report's totals, the
/// game's money).
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
