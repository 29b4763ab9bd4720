//! `dealcraft report RESULTS_DIR --out report.html [--csv scores.csv] [--lang en|zh]`

use std::collections::BTreeMap;
use std::path::Path;

use super::{CmdResult, Failure};
use crate::case::text::Lang;
use crate::report::class::{self, ClassInput};
use crate::results::{self, ResultsFile, Skipped};
use crate::save::write_atomic;

/// Where the runs come from.
pub enum Source<'a> {
    Folder(&'a Path),
    /// A classroom's database, and a session in it (None: the latest).
    Classroom(&'a Path, Option<i64>),
}

pub fn run(
    source: Source,
    out: &Path,
    csv: Option<&Path>,
    bom: bool,
    lang: Lang,
    case: Option<&str>,
) -> CmdResult {
    let dir = match source {
        Source::Folder(dir) => dir,
        Source::Classroom(db, session) => {
            let (row, runs) =
                crate::classroom::store::session_results(db, session).map_err(Failure::Invalid)?;
            if runs.is_empty() {
                return Err(Failure::Invalid(format!(
                    "session {} in {} has no finished run yet",
                    row.id,
                    db.display()
                )));
            }
            eprintln!(
                "session {} of {} ({}, seed {}): {} finished run(s)",
                row.id,
                db.display(),
                row.case_key,
                row.seed,
                runs.len()
            );
            return write_report(&runs, &[], 0, out, csv, bom, lang);
        }
    };
    if !dir.is_dir() {
        return Err(Failure::Invalid(format!(
            "{} is not a folder; pass the results folder (see `dealcraft simulate --results`)",
            dir.display()
        )));
    }
    // Runs whose writer was killed half-way: a whole temp file is published, a torn one
    // removed (a read-only folder is read as it is).
    if let Ok(rec) = results::recover(dir) {
        for p in &rec.recovered {
            eprintln!("recovered an interrupted results file: {}", p.display());
        }
        if rec.removed > 0 {
            eprintln!(
                "removed {} unfinished temp file(s) of interrupted writes",
                rec.removed
            );
        }
    }
    let (found, mut skipped) = results::load_dir(dir).map_err(|e| {
        Failure::Invalid(format!(
            "cannot read the results folder {}: {e}",
            dir.display()
        ))
    })?;

    // One case per report: the one asked for, else the one most runs played.
    let mut per_case: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, r) in &found {
        *per_case.entry(r.case.as_str()).or_default() += 1;
    }
    let chosen: Option<String> = match case {
        Some(c) => Some(c.to_string()),
        None => per_case
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c.to_string()),
    };
    if case.is_none() && per_case.len() > 1 {
        eprintln!(
            "note: the folder has runs of {} cases ({}); this report is for `{}` (choose with --case ID)",
            per_case.len(),
            per_case.keys().copied().collect::<Vec<_>>().join(", "),
            chosen.as_deref().unwrap_or("")
        );
    }
    let mut runs: Vec<ResultsFile> = Vec::new();
    for (path, r) in found {
        if Some(r.case.as_str()) == chosen.as_deref() {
            runs.push(r);
        } else {
            let why = format!(
                "a run of case `{}`; this report is for `{}` (use --case {})",
                r.case,
                chosen.as_deref().unwrap_or(""),
                r.case
            );
            skipped.push(Skipped::new(path, "a run of another case", why));
        }
    }
    skipped.sort();
    // One line per kind of problem, with a count and an example: a folder of thousands of
    // bad entries must not print thousands of lines.
    let groups = results::group(&skipped);
    let name = |p: &Path| p.strip_prefix(dir).unwrap_or(p).display().to_string();
    for g in &groups {
        eprintln!(
            "skipped {} file(s): {} (e.g. {}: {})",
            g.count,
            g.kind,
            g.example.display(),
            g.why
        );
    }
    let shown: Vec<(String, usize, String)> = groups
        .iter()
        .map(|g| (name(&g.example), g.count, format!("{}: {}", g.kind, g.why)))
        .collect();
    if runs.is_empty() {
        return Err(Failure::Invalid(match case {
            Some(c) => format!("no results files of case `{c}` in {}", dir.display()),
            None => format!(
                "no results files in {}; runs write them with `dealcraft play --results DIR` or `dealcraft simulate … --player NAME --results DIR`",
                dir.display()
            ),
        }));
    }

    write_report(&runs, &shown, skipped.len(), out, csv, bom, lang)
}

/// The page (and the CSV) of `runs`.
fn write_report(
    runs: &[ResultsFile],
    shown: &[(String, usize, String)],
    skipped: usize,
    out: &Path,
    csv: Option<&Path>,
    bom: bool,
    lang: Lang,
) -> CmdResult {
    let page = class::html(&ClassInput {
        runs,
        skipped: shown,
        lang,
        generated: results::rfc3339(std::time::SystemTime::now()),
    });
    write_atomic(out, page.as_bytes())
        .map_err(|e| Failure::Invalid(format!("cannot write {}: {e}", out.display())))?;
    eprintln!(
        "wrote {} ({} run(s), {} file(s) skipped)",
        out.display(),
        runs.len(),
        skipped
    );
    if let Some(csv_path) = csv {
        let bytes = class::csv(runs, bom)
            .map_err(|e| Failure::Invalid(format!("cannot make the CSV: {e}")))?;
        write_atomic(csv_path, &bytes)
            .map_err(|e| Failure::Invalid(format!("cannot write {}: {e}", csv_path.display())))?;
        eprintln!("wrote {} ({} row(s))", csv_path.display(), runs.len());
    }
    Ok(())
}
