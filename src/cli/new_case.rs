//! `dealcraft new-case ID --out DIR`: a small complete case to start from, with comments.

use std::path::Path;

use super::output::outln;
use super::{CmdResult, Failure};

const TEMPLATE: &str = include_str!("../../templates/new-case.ron");

/// The scaffold for this id (the id must already be checked by `check_id`).
pub fn scaffold(id: &str) -> String {
    TEMPLATE
        .replace("{{ID}}", id)
        .replace("{{TITLE}}", &title_of(id))
}

/// "acme-erp" → "Acme Erp".
fn title_of(id: &str) -> String {
    id.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ids go into file names, RON strings and command lines: keep them plain.
pub fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && id.starts_with(|c: char| c.is_ascii_lowercase());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{id}` is not a usable case id: use lowercase letters, digits, `-` and `_`, starting with a letter (e.g. `acme-erp`)"
        ))
    }
}

pub fn run(id: &str, out: &Path) -> CmdResult {
    check_id(id).map_err(Failure::Usage)?;
    std::fs::create_dir_all(out)
        .map_err(|e| Failure::Invalid(format!("cannot create {}: {e}", out.display())))?;
    let path = out.join(format!("{id}.ron"));
    if path.exists() {
        return Err(Failure::Invalid(format!(
            "{} already exists; not overwriting it",
            path.display()
        )));
    }
    crate::save::write_atomic(&path, scaffold(id).as_bytes())
        .map_err(|e| Failure::Invalid(format!("cannot write {}: {e}", path.display())))?;
    outln!("{}", path.display());
    eprintln!(
        "next: edit it, then `dealcraft validate {p}`, `dealcraft analyze {p}` and `dealcraft play {p}` (see docs/authoring-guide.md)",
        p = path.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(check_id("acme-erp").is_ok());
        assert!(check_id("deal_2").is_ok());
        for bad in ["", "Acme", "a\"b", "../x", "1deal", "a b"] {
            assert!(check_id(bad).is_err(), "{bad}");
        }
        assert_eq!(title_of("acme-erp_big"), "Acme Erp Big");
    }

    #[test]
    fn the_scaffold_is_a_clean_playable_case() {
        let src = scaffold("acme-erp");
        assert!(!src.contains("{{"));
        let l = crate::engine::load_bytes("acme-erp.ron", src.as_bytes());
        assert!(l.diagnostics.is_empty(), "{:#?}", l.diagnostics);
        let c = l.case.expect("loads");
        assert_eq!(c.case.id, "acme-erp");
        assert!(
            c.case.decision.is_some(),
            "the scaffold is written on the deal model"
        );
        let a = crate::analysis::analyze(&c, 1, 0, 1_000_000, || {});
        assert!(a.exhaustive && a.dead_ends.is_empty() && a.unreachable.is_empty());
        let line = include_str!("../../tests/scripts/new-case-expert.txt");
        let g = crate::engine::Game::replay(c, 1, line.split_whitespace())
            .expect("the expert line plays");
        let r = crate::scoring::result(&g);
        assert!(r.score.total >= 90.0, "{}", r.score.total);
        assert!(r.decision.is_some(), "the customer decided from the deal");
    }
}
