//! Atomic saves under SIGKILL: a child process (this same test binary, running the ignored test
//! `child_writes_saves_forever`) writes large, distinct saves to one path as fast as it can; the
//! parent kills it at random moments, over and over, and after every kill checks that the save
//! on disk is whole and is one of the versions the child wrote — never a torn or older one.
//!
//! Stray temp files of killed writers (`.autosave.json.<pid>-<n>.tmp`) are the next read's job:
//! `read_save` recovers a whole one written after the save (killed between fsync and rename)
//! and removes the others, so after the last read none is left.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dealcraft::case::Lang;
use dealcraft::save::{SAVE_VERSION, Save, read_save, write_save};

/// Folder the child writes into; its presence is what makes the child test do anything.
const DIR_VAR: &str = "DEALCRAFT_KILL_TEST_DIR";
/// First version number this child writes (each child starts above the last one's range).
const BASE_VAR: &str = "DEALCRAFT_KILL_TEST_BASE";
const SAVE_NAME: &str = "autosave.json";
/// Written (plainly) by the child once its first `write_save` has returned Ok.
const MARKER: &str = "first-write-done";
/// Choices per save: about 150 KB of pretty JSON, so a write takes a while and kills land in it.
const CHOICES: usize = 6_000;
const KILLS: usize = 60;
/// Versions one child can write before the next child's range starts.
const RANGE: u64 = 1_000_000_000;

fn save_for(version: u64) -> Save {
    Save {
        version: SAVE_VERSION,
        case: "kill-test".into(),
        case_hash: format!("{version:016x}"),
        seed: version,
        lang: if version.is_multiple_of(2) {
            Lang::En
        } else {
            Lang::Zh
        },
        player: Some(format!("writer {version}")),
        choices: (0..CHOICES).map(|j| format!("v{version}-c{j}")).collect(),
        reads: vec![],
    }
}

/// The save is exactly what `save_for(seed)` wrote.
fn check_whole(save: &Save) -> Result<u64, String> {
    let v = save.seed;
    if *save == save_for(v) {
        Ok(v)
    } else {
        Err(format!(
            "save with seed {v} differs from the version the child wrote (hash {}, {} choices)",
            save.case_hash,
            save.choices.len()
        ))
    }
}

#[test]
#[ignore = "child process of `saves_survive_sigkill_at_random_moments`; loops until killed"]
fn child_writes_saves_forever() {
    let Some(dir) = std::env::var_os(DIR_VAR).map(PathBuf::from) else {
        // Run by hand with --ignored: nothing to do without the parent.
        return;
    };
    let base: u64 = std::env::var(BASE_VAR)
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(0);
    let path = dir.join(SAVE_NAME);
    let marker = dir.join(MARKER);
    for version in base.. {
        write_save(&path, &save_for(version)).expect("write_save");
        if version == base && !marker.exists() {
            std::fs::write(&marker, b"1").expect("marker");
        }
    }
}

/// Small xorshift: random kill delays without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn spawn_child(dir: &Path, base: u64) -> std::process::Child {
    Command::new(std::env::current_exe().expect("own test binary"))
        .args([
            "--exact",
            "child_writes_saves_forever",
            "--ignored",
            "--nocapture",
        ])
        .env(DIR_VAR, dir)
        .env(BASE_VAR, base.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the child writer")
}

#[test]
fn saves_survive_sigkill_at_random_moments() {
    let dir = std::env::temp_dir().join(format!("dealcraft-kill-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(SAVE_NAME);
    let marker = dir.join(MARKER);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut last_seen: Option<u64> = None;
    let mut checked = 0;
    let mut distinct = std::collections::BTreeSet::new();

    for round in 0..KILLS as u64 {
        let base = (round + 1) * RANGE;
        let mut child = spawn_child(&dir, base);
        // The binary needs a few milliseconds to start; then every moment of the write loop
        // (create, write, fsync, rename, directory fsync) is a candidate.
        std::thread::sleep(Duration::from_micros(2_000 + rng.below(80_000)));
        // SIGKILL on Unix: no destructor, no flush, no chance to clean up.
        child.kill().expect("kill the child");
        let status = child.wait().expect("reap the child");
        // Killed, not ended by itself (a panic in write_save would end it with code 101).
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(
                status.signal(),
                Some(9),
                "round {round}: the child was not killed: {status}"
            );
        }
        assert!(
            !status.success(),
            "round {round}: the child ended by itself: {status}"
        );

        if !marker.exists() {
            // No write has ever completed: there may be no save yet, but never a broken one.
            match read_save(&path) {
                Err(dealcraft::save::SaveError::Missing) => {}
                Ok(s) => {
                    check_whole(&s).unwrap_or_else(|e| panic!("round {round}: {e}"));
                }
                Err(e) => panic!("round {round}: save unreadable before any completed write: {e}"),
            }
            continue;
        }
        assert!(
            path.exists(),
            "round {round}: the save vanished after a completed write"
        );
        let save = read_save(&path)
            .unwrap_or_else(|e| panic!("round {round}: the save is unreadable after SIGKILL: {e}"));
        let v = check_whole(&save).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert!(
            v < base + RANGE,
            "round {round}: version {v} was never written (this child started at {base})"
        );
        if let Some(prev) = last_seen {
            assert!(
                v >= prev,
                "round {round}: the save went back from version {prev} to {v}"
            );
        }
        last_seen = Some(v);
        distinct.insert(v);
        checked += 1;
    }

    // The last read recovered or removed every temp file: only the save and the marker remain.
    let mut strays = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name == SAVE_NAME || name == MARKER {
            continue;
        }
        assert!(
            name.starts_with(&format!(".{SAVE_NAME}.")) && name.ends_with(".tmp"),
            "unexpected file {name}"
        );
        strays += 1;
    }
    assert_eq!(strays, 0, "temp files left after the last read");
    eprintln!(
        "kill_save: {KILLS} kills in {:.1} s, {checked} saves checked whole, {} distinct versions \
         seen, {strays} stray temp files",
        started.elapsed().as_secs_f64(),
        distinct.len(),
    );
    assert!(
        checked >= KILLS / 2,
        "only {checked} of {KILLS} rounds had a completed write"
    );
    assert!(
        distinct.len() > 1,
        "the child never got past its first write"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
