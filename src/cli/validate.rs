//! `dealcraft validate PATH...`

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::output::{print_diagnostics, print_json};
use super::{CmdResult, Failure};
use crate::case::Diagnostic;
use crate::engine::{Loaded, load_path};

#[derive(Serialize)]
struct Report<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<&'a Diagnostic>,
}

/// Every `.ron` file under the given files and folders, sorted.
fn case_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Failure::Invalid(format!("cannot read folder {}: {e}", p.display())))?
                .filter_map(|e| e.ok())
                // Everything named .ron but a folder: FIFOs, devices and broken or looping
                // links are reported by the loader (never read), not skipped in silence.
                .filter(|e| !e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|x| x == "ron"))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            // A missing file is reported as a diagnostic by the loader.
            out.push(p.clone());
        }
    }
    Ok(out)
}

pub fn run(paths: &[PathBuf], json: bool) -> CmdResult {
    let files = case_files(paths)?;
    let loaded: Vec<Loaded> = files.iter().map(|f| load_path(Path::new(f))).collect();
    let errors: usize = loaded.iter().map(|l| l.errors()).sum();
    let warnings: usize = loaded.iter().map(|l| l.warnings()).sum();
    if json {
        print_json(&Report {
            files: loaded.len(),
            errors,
            warnings,
            diagnostics: loaded.iter().flat_map(|l| &l.diagnostics).collect(),
        })?;
    } else {
        for l in &loaded {
            print_diagnostics(l);
        }
        let n = loaded.len();
        eprintln!(
            "{}",
            super::output::say(
                &format!("{n} file(s) checked: {errors} error(s), {warnings} warning(s)"),
                &format!("检查了 {n} 个文件：{errors} 个错误，{warnings} 个警告"),
            )
        );
    }
    if errors > 0 {
        Err(Failure::Invalid(String::new()))
    } else {
        Ok(())
    }
}
