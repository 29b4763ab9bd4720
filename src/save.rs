//! Autosaves and results files: versioned JSON, written atomically (temp file, fsync, rename),
//! so a crash or a full disk never destroys the previous good file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::case::text::Lang;

pub const SAVE_VERSION: u32 = 1;

/// A game in progress: enough to replay it exactly (the engine is deterministic).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Save {
    pub version: u32,
    /// Bundled case id, or the path of the case file.
    pub case: String,
    /// Hash of the case text, to notice a case that changed since the save.
    pub case_hash: String,
    pub seed: u64,
    pub lang: Lang,
    pub player: Option<String>,
    pub choices: Vec<String>,
    /// The trainee's reads of people (saves from before reads existed have none).
    #[serde(default)]
    pub reads: Vec<crate::engine::read::Read>,
}

#[derive(Debug)]
pub enum SaveError {
    Missing,
    Io(std::io::Error),
    Corrupt(String),
    FutureVersion(u32),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Missing => write!(f, "no save"),
            SaveError::Io(e) => write!(f, "cannot read the save: {e}"),
            SaveError::Corrupt(e) => write!(f, "the save is damaged: {e}"),
            SaveError::FutureVersion(v) => write!(
                f,
                "the save is from a newer Dealcraft (format {v}; this one reads {SAVE_VERSION})"
            ),
        }
    }
}

/// Short content hash of a case's text.
pub fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex()[..16].to_string()
}

/// Where saves and results go: `$DEALCRAFT_DATA_DIR`, else the platform's data directory.
pub fn data_dir() -> PathBuf {
    // In the browser the "folder" is the prefix of the storage keys (see `web::key`).
    if cfg!(target_arch = "wasm32") {
        return PathBuf::from("/data");
    }
    if let Some(d) = std::env::var_os("DEALCRAFT_DATA_DIR") {
        return PathBuf::from(d);
    }
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("dealcraft")
}

pub fn autosave_path() -> PathBuf {
    data_dir().join("autosave.json")
}

/// Write `bytes` to `path` so that readers see either the old file or the new one, whole
/// (temp file, fsync, rename, folder fsync: see [`crate::durable`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    #[cfg(target_arch = "wasm32")]
    return crate::web::write(path, bytes);
    #[cfg(not(target_arch = "wasm32"))]
    crate::durable::write_atomic(path, bytes)
}

/// A small file of the data folder (the settings), or None when it is missing or unreadable.
pub fn read_small(path: &Path, max: u64) -> Option<Vec<u8>> {
    #[cfg(target_arch = "wasm32")]
    return crate::web::read(path, max).ok();
    #[cfg(not(target_arch = "wasm32"))]
    crate::durable::read_regular(path, max).ok()
}

/// A save is a list of choice ids: a few hundred kilobytes at most.
pub const MAX_SAVE_BYTES: u64 = 16 * 1024 * 1024;

pub fn write_save(path: &Path, save: &Save) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(save).map_err(std::io::Error::other)?;
    write_atomic(path, &json)
}

/// Read the save at `path`. First, temp files that killed writers left beside it are
/// recovered or removed (see [`recover`]), so this is also the "next start" clean-up.
pub fn read_save(path: &Path) -> Result<Save, SaveError> {
    #[cfg(target_arch = "wasm32")]
    {
        match crate::web::read(path, MAX_SAVE_BYTES) {
            Ok(b) => parse_save(&b),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(SaveError::Missing),
            Err(e) => Err(SaveError::Io(e)),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        recover(path);
        let bytes = match crate::durable::read_regular(path, MAX_SAVE_BYTES) {
            Ok(b) => b,
            Err(crate::durable::ReadError::Missing) => return Err(SaveError::Missing),
            Err(crate::durable::ReadError::Io(e)) => return Err(SaveError::Io(e)),
            Err(e) => return Err(SaveError::Corrupt(e.to_string())),
        };
        parse_save(&bytes)
    }
}

fn parse_save(bytes: &[u8]) -> Result<Save, SaveError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| SaveError::Corrupt(e.to_string()))?;
    let version = value
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| SaveError::Corrupt("no version".into()))?;
    if version > SAVE_VERSION as u64 {
        return Err(SaveError::FutureVersion(version as u32));
    }
    serde_json::from_value(value).map_err(|e| SaveError::Corrupt(e.to_string()))
}

/// Temp files of `path` (`.autosave.json.*.tmp`) whose writers were killed: one that holds a
/// whole save written after the current file was (killed after its fsync, before its rename)
/// becomes the save; every other one is removed. Temp files of live writers are left alone.
/// Returns how many temp files were recovered and removed.
pub fn recover(path: &Path) -> (usize, usize) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return (0, 0);
    };
    let prefix = format!(".{name}.");
    let Ok((found, _)) = crate::durable::orphans(dir, |n| n.starts_with(&prefix), 1_000) else {
        return (0, 0);
    };
    let current = fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut removed = 0;
    let mut candidates = Vec::new();
    for mut o in found {
        let whole = o
            .read(MAX_SAVE_BYTES)
            .is_some_and(|b| parse_save(&b).is_ok());
        match o.modified() {
            Some(t) if whole && current.is_none_or(|c| t > c) => candidates.push((t, o)),
            _ => removed += usize::from(o.remove().is_ok()),
        }
    }
    candidates.sort_by_key(|(t, _)| *t);
    let newest = candidates.pop();
    for (_, o) in candidates {
        removed += usize::from(o.remove().is_ok());
    }
    let recovered = newest.map_or(0, |(_, o)| usize::from(o.replace(path).is_ok()));
    (recovered, removed)
}

/// Move an unreadable save out of the way (never overwrite it silently); returns where it went.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let aside = path.with_extension(format!("unreadable-{stamp}.json"));
    #[cfg(target_arch = "wasm32")]
    crate::web::rename(path, &aside)?;
    #[cfg(not(target_arch = "wasm32"))]
    fs::rename(path, &aside)?;
    Ok(aside)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("dealcraft-save-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    fn sample() -> Save {
        Save {
            version: SAVE_VERSION,
            case: "first-lead".into(),
            case_hash: "abc".into(),
            seed: 7,
            lang: Lang::Zh,
            player: Some("Li".into()),
            choices: vec!["call_lin".into()],
            reads: vec![],
        }
    }

    #[test]
    fn round_trip() {
        let p = dir("rt").join("autosave.json");
        write_save(&p, &sample()).unwrap();
        assert_eq!(read_save(&p).unwrap(), sample());
        assert!(
            fs::read_dir(p.parent().unwrap()).unwrap().count() == 1,
            "no temp file left behind"
        );
    }

    #[test]
    fn corrupt_and_future_saves_are_reported_and_set_aside() {
        let d = dir("bad");
        let p = d.join("autosave.json");
        fs::write(&p, b"{\"version\": 1, \"case\": ").unwrap();
        assert!(matches!(read_save(&p), Err(SaveError::Corrupt(_))));
        let aside = set_aside(&p).unwrap();
        assert!(aside.exists() && !p.exists());
        fs::write(&p, br#"{"version": 99}"#).unwrap();
        assert!(matches!(read_save(&p), Err(SaveError::FutureVersion(99))));
        assert!(matches!(
            read_save(&d.join("none.json")),
            Err(SaveError::Missing)
        ));
    }

    #[test]
    fn orphaned_temp_files_are_recovered_or_removed_at_the_next_read() {
        let d = dir("orphans");
        let p = d.join("autosave.json");
        write_save(&p, &sample()).unwrap();
        // A killed writer's whole save, written after the current one: it becomes the save.
        std::thread::sleep(std::time::Duration::from_millis(20));
        let mut newer = sample();
        newer.choices.push("ask_open".into());
        let json = serde_json::to_vec_pretty(&newer).unwrap();
        fs::write(d.join(".autosave.json.99999-0.tmp"), &json).unwrap();
        // And a torn one.
        fs::write(
            d.join(".autosave.json.99999-1.tmp"),
            &json[..json.len() / 2],
        )
        .unwrap();
        assert_eq!(read_save(&p).unwrap(), newer);
        assert_eq!(fs::read_dir(&d).unwrap().count(), 1, "temp files gone");
        // An old whole temp file (older than the save) is removed, not restored.
        let old = serde_json::to_vec_pretty(&sample()).unwrap();
        fs::write(d.join(".autosave.json.99999-2.tmp"), &old).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_save(&p, &newer).unwrap();
        assert_eq!(read_save(&p).unwrap(), newer);
        assert_eq!(fs::read_dir(&d).unwrap().count(), 1);
    }

    #[test]
    fn hash_changes_with_content() {
        assert_ne!(content_hash("a"), content_hash("b"));
        assert_eq!(content_hash("a").len(), 16);
    }
}
