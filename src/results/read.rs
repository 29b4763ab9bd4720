//! Reading a folder of results files for the class report. Everything in the folder is
//! untrusted: only regular files are read, each bounded in size; links to folders are followed
//! once (a folder is never read twice, so links to `.` cannot recurse); the walk is bounded in
//! depth and in entries; every value is range-checked. Anything not read is skipped with a
//! kind and a reason, and [`group`] folds the skipped list into one line per kind.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{MAX_RESULTS_BYTES, RESULTS_VERSION, ResultsFile, file_name};
use crate::durable::{self, ReadError};

/// Folders below the results folder that are read at most.
pub const MAX_DEPTH: usize = 8;
/// Entries (files, folders, links) looked at in one results folder at most.
pub const MAX_ENTRIES: usize = 100_000;
/// A player name longer than this is not one a run wrote.
pub const MAX_NAME_CHARS: usize = 1_000;
/// Moves in one run at most (a case has at most 10,000 choices, each once or once a week).
pub const MAX_MOVES: usize = 20_000;

/// A file (or folder) of the results folder that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    pub path: PathBuf,
    /// What kind of problem, for grouping (e.g. `not valid JSON`).
    pub kind: &'static str,
    /// The reason for this file.
    pub why: String,
}

impl Skipped {
    pub fn new(path: impl Into<PathBuf>, kind: &'static str, why: impl Into<String>) -> Skipped {
        Skipped {
            path: path.into(),
            kind,
            why: why.into(),
        }
    }
}

/// Why one file is not a usable results file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub kind: &'static str,
    pub why: String,
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.why)
    }
}

fn skip(kind: &'static str, why: impl Into<String>) -> Skip {
    Skip {
        kind,
        why: why.into(),
    }
}

/// The runs read from a results folder, each with its file.
pub type Runs = Vec<(PathBuf, ResultsFile)>;

/// Every results file in `dir` (and its subfolders), in path order, and every other entry with
/// the reason it was skipped. Only an unreadable `dir` itself is an error.
pub fn load_dir(dir: &Path) -> io::Result<(Runs, Vec<Skipped>)> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    walk(dir, &mut files, &mut skipped)?;
    files.sort();
    let mut runs: Runs = Vec::new();
    let mut seen: std::collections::HashMap<RunKey, usize> = std::collections::HashMap::new();
    for path in files {
        match read_results(&path) {
            Ok(r) => {
                let key = RunKey::of(&r);
                match seen.get(&key).map(|&i| &runs[i]) {
                    Some((p, o)) if o.result == r.result => {
                        let why = format!("the same run as {} (a copy)", p.display());
                        skipped.push(Skipped::new(path, "a copy of another run", why));
                    }
                    _ => {
                        seen.insert(key, runs.len());
                        runs.push((path, r));
                    }
                }
            }
            Err(s) => skipped.push(Skipped::new(path, s.kind, s.why)),
        }
    }
    skipped.sort();
    Ok((runs, skipped))
}

/// What makes two files the same run (hashed, so finding copies is linear).
#[derive(Hash, PartialEq, Eq)]
struct RunKey {
    case: String,
    player: String,
    seed: u64,
    started: String,
    ended: String,
}

impl RunKey {
    fn of(r: &ResultsFile) -> RunKey {
        RunKey {
            case: r.case.clone(),
            player: r.player.clone(),
            seed: r.seed,
            started: r.started.clone(),
            ended: r.ended.clone(),
        }
    }
}

/// The identity of a folder, so that a link back to one is not read again.
fn folder_id(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        use std::hash::{Hash, Hasher};
        let canon = fs::canonicalize(path).ok()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        canon.hash(&mut h);
        Some((0, h.finish()))
    }
}

/// Regular files under `dir` (links followed, each folder once), iteratively.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) -> io::Result<()> {
    let mut visited: HashSet<(u64, u64)> = HashSet::new();
    visited.extend(folder_id(dir));
    let mut todo: Vec<(PathBuf, usize)> = Vec::new();
    let mut entries = 0usize;
    let mut first = Some(fs::read_dir(dir)?);
    let mut current = (dir.to_path_buf(), 0usize);
    loop {
        let listing = match first.take() {
            Some(l) => l,
            None => {
                let Some(next) = todo.pop() else { break };
                current = next;
                match fs::read_dir(&current.0) {
                    Ok(l) => l,
                    Err(e) => {
                        let why = format!("cannot list this folder: {e}");
                        skipped.push(Skipped::new(
                            &current.0,
                            "a folder that cannot be listed",
                            why,
                        ));
                        continue;
                    }
                }
            }
        };
        let depth = current.1;
        for entry in listing {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let why = format!("cannot list: {e}");
                    skipped.push(Skipped::new(
                        &current.0,
                        "a folder that cannot be listed",
                        why,
                    ));
                    break;
                }
            };
            entries += 1;
            if entries > MAX_ENTRIES {
                let why = format!(
                    "the folder has more than {MAX_ENTRIES} entries; the rest was not read"
                );
                skipped.push(Skipped::new(&current.0, "too many entries", why));
                return Ok(());
            }
            let path = entry.path();
            let Ok(t) = entry.file_type() else { continue };
            let target = if t.is_symlink() {
                match fs::metadata(&path) {
                    Ok(m) => m.file_type(),
                    Err(e) => {
                        let (kind, why) = match durable::classify(e) {
                            ReadError::LinkLoop => (
                                "a symbolic link loop",
                                "the link leads to itself".to_string(),
                            ),
                            ReadError::Missing => (
                                "a broken symbolic link",
                                "the link leads nowhere".to_string(),
                            ),
                            other => ("cannot read", other.to_string()),
                        };
                        skipped.push(Skipped::new(path, kind, why));
                        continue;
                    }
                }
            } else {
                t
            };
            if target.is_dir() {
                if depth + 1 > MAX_DEPTH {
                    let why = format!("more than {MAX_DEPTH} folders deep");
                    skipped.push(Skipped::new(path, "a folder nested too deep", why));
                } else if folder_id(&path).is_some_and(|id| !visited.insert(id)) {
                    let why = "a link to a folder that is already read";
                    skipped.push(Skipped::new(path, "a folder read twice (a link back)", why));
                } else {
                    todo.push((path, depth + 1));
                }
            } else if let Some(what) = durable::irregular(target) {
                let why = format!("{what}; only regular files are read");
                skipped.push(Skipped::new(path, "not a regular file", why));
            } else if entry
                .file_name()
                .to_str()
                .is_some_and(durable::is_temp_name)
            {
                let why = "the temp file of a results file being written (or of a killed writer)";
                skipped.push(Skipped::new(path, "an unfinished write", why));
            } else {
                files.push(path);
            }
        }
    }
    Ok(())
}

/// Read one results file (bounded, regular files only, values range-checked).
pub fn read_results(path: &Path) -> Result<ResultsFile, Skip> {
    let is_json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json {
        return Err(skip("not a .json file", "not a .json file"));
    }
    let bytes = durable::read_regular(path, MAX_RESULTS_BYTES).map_err(|e| match e {
        ReadError::TooLarge { size, max } => skip(
            "too large",
            format!("too large for a results file ({size} bytes; the limit is {max})"),
        ),
        other => skip(other.kind(), other.to_string()),
    })?;
    parse_results(&bytes)
}

/// A results file from its bytes (as [`read_results`] after the read).
pub fn parse_results(bytes: &[u8]) -> Result<ResultsFile, Skip> {
    if bytes.is_empty() {
        return Err(skip("an empty file", "empty file"));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| skip("not valid JSON", format!("not valid JSON: {e}")))?;
    let foreign = "not a Dealcraft results file";
    let Some(obj) = value.as_object() else {
        return Err(skip(
            foreign,
            "not a Dealcraft results file (not a JSON object)",
        ));
    };
    if obj.contains_key("choices") && obj.contains_key("version") && !obj.contains_key("result") {
        return Err(skip(foreign, "a Dealcraft autosave, not a results file"));
    }
    let (Some(version), true) = (obj.get("version"), obj.contains_key("result")) else {
        return Err(skip(
            foreign,
            "not a Dealcraft results file (no `version` and `result`)",
        ));
    };
    let Some(version) = version.as_u64() else {
        return Err(skip(
            foreign,
            "not a Dealcraft results file (`version` is not a number)",
        ));
    };
    if version > RESULTS_VERSION as u64 {
        return Err(skip(
            "written by a newer Dealcraft",
            format!(
                "written by a newer Dealcraft (results format {version}; this one reads up to {RESULTS_VERSION}): update dealcraft"
            ),
        ));
    }
    if version == 0 {
        return Err(skip(foreign, "unknown results format 0"));
    }
    let r: ResultsFile = serde_json::from_value(value).map_err(|e| {
        let msg = e.to_string();
        if msg.contains("invalid value: integer") || msg.contains("invalid value: floating") {
            // A negative count, a score above its type: edited, not damaged.
            skip(
                "values out of range",
                format!("values out of range (edited by hand?): {msg}"),
            )
        } else {
            skip(
                "a damaged results file",
                format!("damaged results file: {msg}"),
            )
        }
    })?;
    check_values(&r).map_err(|why| {
        skip(
            "values out of range",
            format!("values out of range (edited by hand?): {why}"),
        )
    })?;
    Ok(r)
}

/// Every number a run can produce is in its range.
pub fn check_values(r: &ResultsFile) -> Result<(), String> {
    fn scores(what: &str, s: &crate::scoring::total::Scores) -> Result<(), String> {
        if !s.total.is_finite() || !(0.0..=100.0).contains(&s.total) {
            let shown = if s.total.abs() >= 1e6 {
                format!("{:e}", s.total)
            } else {
                s.total.to_string()
            };
            return Err(format!("{what} total {shown} is outside 0–100"));
        }
        for (name, v) in [
            ("burning_issue", s.burning_issue),
            ("insider", s.insider),
            ("sequencing", s.sequencing),
            ("rank", s.rank),
        ] {
            if v > 100 {
                return Err(format!("{what} {name} {v} is outside 0–100"));
            }
        }
        Ok(())
    }
    fn meters(what: &str, k: &crate::engine::intensity::Intensity) -> Result<(), String> {
        match k.as_array().iter().find(|&&m| m > 20) {
            Some(m) => Err(format!("{what} 5K meter {m} is outside 0–20")),
            None => Ok(()),
        }
    }
    let res = &r.result;
    scores("the", &res.score)?;
    meters("a", &res.intensity)?;
    if res.funnel > 100 {
        return Err(format!("funnel {} % is outside 0–100", res.funnel));
    }
    let max_weeks = crate::case::validate::MAX_WEEKS;
    if res.cost.weeks > max_weeks {
        return Err(format!(
            "{} weeks spent; a case has {max_weeks} at most",
            res.cost.weeks
        ));
    }
    if res.moves.len() > MAX_MOVES {
        return Err(format!(
            "{} moves; a run has {MAX_MOVES} at most",
            res.moves.len()
        ));
    }
    let n = r.player.chars().count();
    if n > MAX_NAME_CHARS {
        return Err(format!(
            "a player name of {n} characters (at most {MAX_NAME_CHARS})"
        ));
    }
    if let Some(e) = &r.expert {
        scores("the expert line's", &e.score)?;
        meters("an expert", &e.intensity)?;
        if e.steps.len() > MAX_MOVES {
            return Err(format!("an expert line of {} steps", e.steps.len()));
        }
    }
    Ok(())
}

/// One kind of skipped entry: how many, one example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkipGroup {
    pub kind: &'static str,
    pub count: usize,
    pub example: PathBuf,
    /// The reason of the example.
    pub why: String,
}

/// The skipped list folded to one entry per kind, most frequent first.
pub fn group(skipped: &[Skipped]) -> Vec<SkipGroup> {
    let mut out: Vec<SkipGroup> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for s in skipped {
        match index.get(s.kind) {
            Some(&i) => out[i].count += 1,
            None => {
                index.insert(s.kind, out.len());
                out.push(SkipGroup {
                    kind: s.kind,
                    count: 1,
                    example: s.path.clone(),
                    why: s.why.clone(),
                });
            }
        }
    }
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.kind.cmp(b.kind)));
    out
}

/// What [`recover`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Whole results files of killed writers, now published under their names.
    pub recovered: Vec<PathBuf>,
    /// Torn, empty or duplicate temp files removed.
    pub removed: usize,
    /// Temp files of writers still running, left alone.
    pub busy: usize,
}

/// Temp files that killed writers left in the results folder `dir` (not its subfolders): a
/// whole, valid results file is published under its name (unless that very file is already
/// there); anything else is removed. Live writers' temp files are left alone.
pub fn recover(dir: &Path) -> io::Result<Recovery> {
    let mut rec = Recovery::default();
    let is_results_temp = |n: &str| n.contains(".json.");
    let (found, sweep) = durable::orphans(dir, is_results_temp, MAX_ENTRIES)?;
    rec.busy = sweep.busy;
    for mut o in found {
        if o.linked {
            // Killed after publishing, before removing the temp name: already in the folder.
            rec.removed += usize::from(o.remove().is_ok());
            continue;
        }
        let parsed = o.read(MAX_RESULTS_BYTES).map(|b| (parse_results(&b), b));
        let Some((Ok(r), bytes)) = parsed else {
            rec.removed += usize::from(o.remove().is_ok());
            continue;
        };
        // The same bytes under one of its names: a copy (published by rename elsewhere).
        let copy = (1..10_000)
            .map(|n| dir.join(file_name(&r, n)))
            .take_while(|p| p.exists())
            .any(|p| durable::read_regular(&p, MAX_RESULTS_BYTES).is_ok_and(|b| b == bytes));
        if copy {
            rec.removed += usize::from(o.remove().is_ok());
            continue;
        }
        // On failure it is left for the next sweep (e.g. the folder became read-only).
        if let Ok(p) = o.publish(dir, |n| file_name(&r, n)) {
            rec.recovered.push(p);
        }
    }
    Ok(rec)
}
