//! Files that survive a kill at any instant, and reads that cannot hang or blow up.
//!
//! Writes go to a temp file in the same folder (`.NAME.PID-N.tmp`), which is created
//! exclusively, **locked** for as long as its writer lives, written, fsynced, and then either
//! renamed over the target ([`write_atomic`]: autosaves, settings, reports) or hard-linked to a
//! name that must not exist yet ([`publish_new`]: results files, one per run, never over another
//! run). The folder is fsynced after. A reader therefore sees a target whole or not at all: no
//! name is ever reserved before its content is complete.
//!
//! A writer killed half-way leaves its temp file behind. The lock is what tells it apart from
//! one that is still being written: the kernel drops a dead process's locks, so a temp file
//! whose lock can be taken is an orphan. [`orphans`] lists them (holding their locks); the
//! owner of the folder decides whether an orphan is recovered (a complete results file is
//! published) or removed.
//!
//! [`read_regular`] reads only regular files, with the size checked from the metadata before
//! reading and the read itself bounded: FIFOs, devices, sockets, folders and link loops are
//! refused with a reason, and a file that grows while it is read is cut off at the limit.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// How temp files end; their names start with a dot.
pub const TMP_SUFFIX: &str = ".tmp";

/// Attempts at a fresh temp name (a name is taken only by another live writer of this process
/// id, or by a sweep racing with us: both are rare).
const TEMP_ATTEMPTS: u32 = 100;

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Is `name` shaped like a temp file of this module (`.NAME.PID-N.tmp`, or an older `.NAME.PID.tmp`)?
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TMP_SUFFIX) && name.len() > 1 + TMP_SUFFIX.len()
}

/// Does the open file still sit under `path` (no sweep removed or replaced it)?
fn still_at(f: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (f.metadata(), fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = f;
        path.exists()
    }
}

/// A complete, fsynced temp file, locked by this process until it is dropped.
struct Temp {
    path: PathBuf,
    _file: File,
}

impl Temp {
    fn create(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<Temp> {
        for _ in 0..TEMP_ATTEMPTS {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{name}.{}-{n}{TMP_SUFFIX}", std::process::id()));
            let mut f = match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            };
            // Locked before anything is written; a sweep that took the empty file between the
            // create and the lock has removed it, so check the name is still ours.
            if let Err(e) = f.lock() {
                let _ = fs::remove_file(&path);
                return Err(e);
            }
            if !still_at(&f, &path) {
                continue;
            }
            let written = f.write_all(bytes).and_then(|()| f.sync_all());
            if let Err(e) = written {
                let _ = fs::remove_file(&path);
                return Err(e);
            }
            return Ok(Temp { path, _file: f });
        }
        Err(io::Error::other("could not create a temp file"))
    }
}

/// Make the folder's entries (a rename, a link, an unlink) durable.
pub fn sync_dir(dir: &Path) {
    // Not every platform can open a folder; the data is already fsynced.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Write `bytes` to `path` so that readers see either the old file or the new one, whole.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_of(path);
    fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = Temp::create(dir, name, bytes)?;
    if let Err(e) = fs::rename(&tmp.path, path) {
        let _ = fs::remove_file(&tmp.path);
        return Err(e);
    }
    sync_dir(dir);
    Ok(())
}

/// Write `bytes` into `dir` under the first name of `names(1)`, `names(2)`, … that does not
/// exist yet, atomically: the name appears with its whole content or not at all, and an
/// existing file is never replaced. Returns the path written.
pub fn publish_new(dir: &Path, bytes: &[u8], names: impl Fn(u32) -> String) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let tmp = Temp::create(dir, &names(1), bytes)?;
    let result = link_new(&tmp.path, dir, &names);
    if result.is_err() {
        let _ = fs::remove_file(&tmp.path);
    }
    result
}

/// Give the complete file at `tmp` the first free name of `names` in `dir`, then remove `tmp`.
/// A hard link cannot replace an existing file; where the file system has no hard links, a
/// rename after checking the name is free is the fallback.
fn link_new(tmp: &Path, dir: &Path, names: &dyn Fn(u32) -> String) -> io::Result<PathBuf> {
    for counter in 1..10_000 {
        let target = dir.join(names(counter));
        match fs::hard_link(tmp, &target) {
            Ok(()) => {
                // Killed here, the temp file is a second name of a published file: a sweep
                // sees its link count and removes it.
                let _ = fs::remove_file(tmp);
                sync_dir(dir);
                return Ok(target);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) => {
                if fs::symlink_metadata(&target).is_ok() {
                    continue;
                }
                fs::rename(tmp, &target)?;
                sync_dir(dir);
                return Ok(target);
            }
        }
    }
    Err(io::Error::other("too many files with the same name"))
}

/// A temp file whose writer is gone, locked by us while we decide what to do with it.
pub struct Orphan {
    pub path: PathBuf,
    file: File,
    /// The file has another name too (killed between publishing and removing the temp name).
    pub linked: bool,
}

impl Orphan {
    /// Its content, at most `max` bytes (None if larger or unreadable).
    pub fn read(&mut self, max: u64) -> Option<Vec<u8>> {
        let mut bytes = Vec::new();
        (&mut self.file)
            .take(max + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        (bytes.len() as u64 <= max).then_some(bytes)
    }

    pub fn modified(&self) -> Option<std::time::SystemTime> {
        self.file.metadata().and_then(|m| m.modified()).ok()
    }

    pub fn remove(self) -> io::Result<()> {
        fs::remove_file(&self.path)
    }

    /// Publish it under the first free name of `names` in `dir` (see [`publish_new`]).
    pub fn publish(self, dir: &Path, names: impl Fn(u32) -> String) -> io::Result<PathBuf> {
        link_new(&self.path, dir, &names)
    }

    /// Rename it over `target` (see [`write_atomic`]).
    pub fn replace(self, target: &Path) -> io::Result<()> {
        fs::rename(&self.path, target)?;
        sync_dir(parent_of(target));
        Ok(())
    }
}

/// What [`orphans`] found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sweep {
    /// Temp files still locked by a live writer, left alone.
    pub busy: usize,
}

/// The orphaned temp files in `dir` whose names pass `wanted` (each locked by us), and how
/// many temp files are still being written. At most `max` orphans are returned per call.
pub fn orphans(
    dir: &Path,
    wanted: impl Fn(&str) -> bool,
    max: usize,
) -> io::Result<(Vec<Orphan>, Sweep)> {
    let mut out = Vec::new();
    let mut sweep = Sweep::default();
    for entry in fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temp_name(name) || !wanted(name) {
            continue;
        }
        let path = entry.path();
        // Only regular files: a FIFO or a link named like a temp file is not ours.
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_file() => {}
            _ => continue,
        }
        let Ok(file) = open_nonblocking(&path) else {
            continue;
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                sweep.busy += 1;
                continue;
            }
            Err(fs::TryLockError::Error(_)) => continue,
        }
        // Another sweep may have published and removed it between our listing and our lock.
        if !still_at(&file, &path) {
            continue;
        }
        let linked = links(&file) > 1;
        out.push(Orphan { path, file, linked });
        if out.len() >= max {
            break;
        }
    }
    Ok((out, sweep))
}

fn links(f: &File) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        f.metadata().map(|m| m.nlink()).unwrap_or(1)
    }
    #[cfg(not(unix))]
    {
        let _ = f;
        1
    }
}

// ---- bounded reads ---------------------------------------------------------------------------

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    Missing,
    /// A folder, FIFO, device or socket: what it is.
    NotRegular(&'static str),
    /// A symbolic link that leads back to itself.
    LinkLoop,
    TooLarge {
        size: u64,
        max: u64,
    },
    Io(io::Error),
}

impl ReadError {
    /// A short name of the kind of problem, for grouping.
    pub fn kind(&self) -> &'static str {
        match self {
            ReadError::Missing => "missing",
            ReadError::NotRegular(_) => "not a regular file",
            ReadError::LinkLoop => "a symbolic link loop",
            ReadError::TooLarge { .. } => "too large",
            ReadError::Io(_) => "cannot read",
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Missing => write!(f, "no such file"),
            ReadError::NotRegular(what) => write!(f, "not a regular file but {what}"),
            ReadError::LinkLoop => write!(f, "a symbolic link loop (the link leads to itself)"),
            ReadError::TooLarge { size, max } => {
                write!(f, "the file is {size} bytes; the limit is {max} bytes")
            }
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

fn is_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// An I/O error as a [`ReadError`] (a missing file, a link loop, anything else).
pub fn classify(e: io::Error) -> ReadError {
    if e.kind() == io::ErrorKind::NotFound {
        ReadError::Missing
    } else if is_loop(&e) {
        ReadError::LinkLoop
    } else {
        ReadError::Io(e)
    }
}

/// What a file type is, in words; None for a regular file.
pub fn irregular(t: fs::FileType) -> Option<&'static str> {
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a file")
}

/// Open read-only without blocking (a FIFO swapped in after the check must not hang us).
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    o.open(path)
}

/// Read a regular file of at most `max` bytes (links are followed; what they lead to must be a
/// regular file too).
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(classify)?;
    if let Some(what) = irregular(meta.file_type()) {
        return Err(ReadError::NotRegular(what));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            max,
        });
    }
    let f = open_nonblocking(path).map_err(classify)?;
    // The same checks on what was opened, in case the path changed in between.
    let meta = f.metadata().map_err(ReadError::Io)?;
    if let Some(what) = irregular(meta.file_type()) {
        return Err(ReadError::NotRegular(what));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(max) as usize);
    f.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("dealcraft-durable-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn publish_never_replaces_and_leaves_no_temp() {
        let d = scratch("publish");
        let name = |n: u32| format!("run-{n}.json");
        let a = publish_new(&d, b"first", name).unwrap();
        let b = publish_new(&d, b"second", name).unwrap();
        assert_eq!(names(&d), ["run-1.json", "run-2.json"]);
        assert_eq!(fs::read(a).unwrap(), b"first");
        assert_eq!(fs::read(b).unwrap(), b"second");
    }

    #[test]
    fn write_atomic_replaces_whole() {
        let d = scratch("replace");
        let p = d.join("autosave.json");
        write_atomic(&p, b"old").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new");
        assert_eq!(names(&d), ["autosave.json"]);
    }

    #[test]
    fn a_live_writers_temp_is_busy_and_a_dead_ones_is_an_orphan() {
        let d = scratch("orphans");
        let live = Temp::create(&d, "x.json", b"half").unwrap();
        // A temp file nobody holds (as a killed writer leaves it).
        fs::write(d.join(".y.json.1-0.tmp"), b"{").unwrap();
        let (found, sweep) = orphans(&d, |_| true, 10).unwrap();
        assert_eq!(sweep.busy, 1, "the live writer's file is left alone");
        assert_eq!(found.len(), 1);
        assert!(found[0].path.ends_with(".y.json.1-0.tmp"));
        assert!(!found[0].linked);
        drop(live);
    }

    #[test]
    fn a_temp_that_is_also_published_is_marked_linked() {
        let d = scratch("linked");
        fs::write(d.join(".r.json.1-0.tmp"), b"{}").unwrap();
        fs::hard_link(d.join(".r.json.1-0.tmp"), d.join("r.json")).unwrap();
        let (found, _) = orphans(&d, |_| true, 10).unwrap();
        assert!(found[0].linked);
    }

    #[test]
    fn reads_are_bounded_and_regular_only() {
        let d = scratch("read");
        let p = d.join("a.ron");
        fs::write(&p, b"12345").unwrap();
        assert_eq!(read_regular(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_regular(&p, 4),
            Err(ReadError::TooLarge { size: 5, max: 4 })
        ));
        assert!(matches!(read_regular(&d, 10), Err(ReadError::NotRegular(w)) if w == "a folder"));
        assert!(matches!(
            read_regular(&d.join("none"), 10),
            Err(ReadError::Missing)
        ));
        #[cfg(unix)]
        {
            let zero = d.join("zero.ron");
            std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
            assert!(
                matches!(read_regular(&zero, 10), Err(ReadError::NotRegular(w)) if w == "a device")
            );
            let lp = d.join("loop.ron");
            std::os::unix::fs::symlink(&lp, &lp).unwrap();
            assert!(matches!(read_regular(&lp, 10), Err(ReadError::LinkLoop)));
            let fifo = d.join("fifo.ron");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo");
            assert!(
                matches!(read_regular(&fifo, 10), Err(ReadError::NotRegular(w)) if w.contains("FIFO"))
            );
        }
    }
}
