//! The cases shipped inside the binary, so the game runs from any folder.

use crate::case::diagnostic::did_you_mean;
use crate::engine::{Loaded, load_bytes, load_path};

/// (file name, RON source) of every bundled case, flagship first.
pub const BUNDLED: &[(&str, &str)] = &[
    ("haicheng.ron", include_str!("../cases/haicheng.ron")),
    ("first-lead.ron", include_str!("../cases/first-lead.ron")),
    ("coal-mine.ron", include_str!("../cases/coal-mine.ron")),
    ("data-mining.ron", include_str!("../cases/data-mining.ron")),
    (
        "board-tuesday.ron",
        include_str!("../cases/board-tuesday.ron"),
    ),
];

/// Id of a bundled case: its file name without `.ron`.
pub fn id_of(file: &str) -> &str {
    file.strip_suffix(".ron").unwrap_or(file)
}

pub fn ids() -> Vec<&'static str> {
    BUNDLED.iter().map(|(f, _)| id_of(f)).collect()
}

pub fn source(id: &str) -> Option<&'static str> {
    BUNDLED
        .iter()
        .find(|(f, _)| id_of(f) == id)
        .map(|(_, s)| *s)
}

/// Load every bundled case.
pub fn load_all() -> Vec<Loaded> {
    BUNDLED
        .iter()
        .map(|(f, s)| load_bytes(&format!("cases/{f}"), s.as_bytes()))
        .collect()
}

/// A `CASE` argument: a path to a file if one exists, else a bundled id.
pub fn resolve(arg: &str) -> Result<Loaded, String> {
    let path = std::path::Path::new(arg);
    if path.exists() {
        return Ok(load_path(path));
    }
    if let Some(src) = source(arg) {
        return Ok(load_bytes(&format!("cases/{arg}.ron"), src.as_bytes()));
    }
    let hint = did_you_mean(arg, ids())
        .map(|m| format!(" Did you mean `{m}`?"))
        .unwrap_or_default();
    Err(format!(
        "no case file or bundled case named `{arg}`.{hint} Bundled cases: {}.",
        ids().join(", ")
    ))
}
