//! Shared terminal output: diagnostics, JSON.

use std::io::IsTerminal;

use std::sync::OnceLock;

use crate::case::diagnostic::render_in;
use crate::case::text::Lang;
use crate::engine::Loaded;

/// The language of the tool's own words for this run (the command's `--lang`), set once at
/// the start: diagnostics, errors, the lists of what is on offer.
static TOOL_LANG: OnceLock<Lang> = OnceLock::new();

pub fn set_lang(l: Lang) {
    let _ = TOOL_LANG.set(l);
}

pub fn lang() -> Lang {
    TOOL_LANG.get().copied().unwrap_or(Lang::En)
}

/// The tool's own words in its language.
pub fn say(en: &str, zh: &str) -> String {
    match lang() {
        Lang::En => en.to_string(),
        Lang::Zh => zh.to_string(),
    }
}

pub fn print_diagnostics(loaded: &Loaded) {
    let color = std::io::stderr().is_terminal();
    for d in &loaded.diagnostics {
        eprintln!("{}", render_in(d, loaded.source.as_deref(), color, lang()));
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
