//! Autosaves and results files: versioned JSON, written atomically (temp file, fsync, rename),
//! so a crash or a full disk never destroys the previous good file.

use std::fs;
use std::io::Write;
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

/// Write `bytes` to `path` so that readers see either the old file or the new one, whole.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

pub fn write_save(path: &Path, save: &Save) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(save).map_err(std::io::Error::other)?;
    write_atomic(path, &json)
}

pub fn read_save(path: &Path) -> Result<Save, SaveError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(SaveError::Missing),
        Err(e) => return Err(SaveError::Io(e)),
    };
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| SaveError::Corrupt(e.to_string()))?;
    let version = value
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| SaveError::Corrupt("no version".into()))?;
    if version > SAVE_VERSION as u64 {
        return Err(SaveError::FutureVersion(version as u32));
    }
    serde_json::from_value(value).map_err(|e| SaveError::Corrupt(e.to_string()))
}

/// Move an unreadable save out of the way (never overwrite it silently); returns where it went.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let aside = path.with_extension(format!("unreadable-{stamp}.json"));
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
    fn hash_changes_with_content() {
        assert_ne!(content_hash("a"), content_hash("b"));
        assert_eq!(content_hash("a").len(), 16);
    }
}
