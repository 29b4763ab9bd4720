//! Shared terminal output: diagnostics, JSON.

use std::io::IsTerminal;

use crate::case::diagnostic::render;
use crate::engine::Loaded;

pub fn print_diagnostics(loaded: &Loaded) {
    let color = std::io::stderr().is_terminal();
    for d in &loaded.diagnostics {
        eprintln!("{}", render(d, loaded.source.as_deref(), color));
    }
}

pub fn print_json<T: serde::Serialize>(value: &T) -> Result<(), super::Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| super::Failure::Invalid(format!("cannot write JSON: {e}")))?;
    outln!("{text}");
    Ok(())
}

/// `println!` that ignores a closed pipe (`dealcraft graph … | head` must not panic).
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($t)*);
    }};
}

/// `print!` that ignores a closed pipe.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($t)*);
    }};
}

pub(crate) use {out, outln};
