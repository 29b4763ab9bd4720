//! The classroom's embedded database: SQLite in WAL mode, one file on the instructor's laptop.
//!
//! Every acknowledged write is committed before the server answers (`synchronous=FULL`), so a
//! server killed mid-class restarts with every move it confirmed. A move, its xAPI statement
//! and — when it ends the deal — the run's results record are written in one transaction:
//! after a crash there is never a move without its statement or a finished game without its
//! result.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use crate::results::ResultsFile;

/// Bump when the tables change; an older program refuses a newer database.
pub const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS session (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  case_key TEXT NOT NULL,
  case_id TEXT NOT NULL,
  case_hash TEXT NOT NULL,
  case_source TEXT NOT NULL,
  seed INTEGER NOT NULL,
  lang TEXT NOT NULL,
  join_code TEXT NOT NULL,
  instructor_token TEXT NOT NULL,
  roster TEXT,
  created TEXT NOT NULL,
  ended TEXT,
  revealed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS trainee (
  id INTEGER PRIMARY KEY,
  session INTEGER NOT NULL REFERENCES session(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  joined TEXT NOT NULL,
  UNIQUE (session, name)
);
CREATE TABLE IF NOT EXISTS move (
  trainee INTEGER NOT NULL REFERENCES trainee(id),
  seq INTEGER NOT NULL,
  line TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (trainee, seq)
);
CREATE TABLE IF NOT EXISTS result (
  trainee INTEGER PRIMARY KEY REFERENCES trainee(id),
  json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS statement (
  n INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  session INTEGER NOT NULL REFERENCES session(id),
  json TEXT NOT NULL,
  forwarded INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
";

/// A session as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub id: i64,
    pub uuid: String,
    /// What the instructor passed to `--case` (a bundled id or a path), for the printout.
    pub case_key: String,
    pub case_id: String,
    pub case_hash: String,
    /// The case text as it was when the session started: a restart replays the moves on
    /// exactly this case even if the file was edited since.
    pub case_source: String,
    pub seed: u64,
    pub lang: String,
    pub join_code: String,
    pub instructor_token: String,
    /// Names allowed to join (None: anyone with the join code).
    pub roster: Option<Vec<String>>,
    pub created: String,
    pub ended: Option<String>,
    pub revealed: bool,
}

/// A trainee with his moves (script lines) in order, and his results record once finished.
#[derive(Debug, Clone)]
pub struct TraineeRow {
    pub id: i64,
    pub name: String,
    pub token_hash: String,
    pub joined: String,
    pub lines: Vec<String>,
    pub result: Option<ResultsFile>,
}

/// A move to record: the trainee's `seq`-th line, made at `at`.
#[derive(Debug, Clone)]
pub struct NewMove<'a> {
    pub trainee: i64,
    pub seq: usize,
    pub line: &'a str,
    pub at: &'a str,
}

pub struct Store {
    conn: Connection,
}

fn err(e: rusqlite::Error) -> String {
    format!("database: {e}")
}

impl Store {
    /// Open (or create) the database file, in WAL mode with full sync.
    pub fn open(path: &Path) -> Result<Store, String> {
        let conn = Connection::open(path)
            .map_err(|e| format!("cannot open the database {}: {e}", path.display()))?;
        Store::setup(conn).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Open an existing classroom database to read it (`report --db`, `--export-xapi`): no
    /// table is created and nothing is written, so a wrong file is refused, not changed.
    pub fn open_read(path: &Path) -> Result<Store, String> {
        let not_ours = || format!("{} is not a classroom database", path.display());
        if !path.is_file() {
            return Err(not_ours());
        }
        let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| format!("cannot open the database {}: {e}", path.display()))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(err)?;
        let version: i64 = conn
            .query_row("SELECT value FROM meta WHERE key='schema'", [], |r| {
                r.get::<_, String>(0)
            })
            .ok()
            .and_then(|v| v.parse().ok())
            .ok_or_else(not_ours)?;
        if version > SCHEMA_VERSION {
            return Err(format!(
                "{}: written by a newer Dealcraft (schema {version}; this one reads {SCHEMA_VERSION})",
                path.display()
            ));
        }
        Ok(Store { conn })
    }

    /// Session `id`, or the latest one; `path` names the database in the error.
    pub fn pick_session(&self, id: Option<i64>, path: &Path) -> Result<SessionRow, String> {
        let sessions = self.sessions()?;
        match id {
            Some(id) => sessions
                .into_iter()
                .find(|s| s.id == id)
                .ok_or_else(|| format!("no session {id} in {}", path.display())),
            None => sessions
                .into_iter()
                .last()
                .ok_or_else(|| format!("no session in {}", path.display())),
        }
    }

    /// A database in memory (tests).
    pub fn in_memory() -> Result<Store, String> {
        Store::setup(Connection::open_in_memory().map_err(err)?)
    }

    fn setup(conn: Connection) -> Result<Store, String> {
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(err)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(err)?;
        if mode != "wal" && mode != "memory" {
            return Err(format!(
                "the database cannot use WAL mode (it says `{mode}`)"
            ));
        }
        conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
            .map_err(err)?;
        conn.execute_batch(SCHEMA).map_err(err)?;
        let version: Option<String> = conn
            .query_row("SELECT value FROM meta WHERE key='schema'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(err)?;
        match version.and_then(|v| v.parse::<i64>().ok()) {
            None => {
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?1)",
                    [SCHEMA_VERSION.to_string()],
                )
                .map_err(err)?;
            }
            Some(v) if v > SCHEMA_VERSION => {
                return Err(format!(
                    "the database was written by a newer Dealcraft (schema {v}; this one reads {SCHEMA_VERSION})"
                ));
            }
            Some(_) => {}
        }
        Ok(Store { conn })
    }

    pub fn create_session(&mut self, s: &SessionRow) -> Result<i64, String> {
        let roster = s
            .roster
            .as_ref()
            .map(|r| serde_json::to_string(r).unwrap_or_default());
        self.conn
            .execute(
                "INSERT INTO session (uuid, case_key, case_id, case_hash, case_source, seed, lang,
                   join_code, instructor_token, roster, created, ended, revealed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL, 0)",
                params![
                    s.uuid,
                    s.case_key,
                    s.case_id,
                    s.case_hash,
                    s.case_source,
                    s.seed as i64,
                    s.lang,
                    s.join_code,
                    s.instructor_token,
                    roster,
                    s.created
                ],
            )
            .map_err(err)?;
        Ok(self.conn.last_insert_rowid())
    }

    fn session_from(r: &rusqlite::Row) -> rusqlite::Result<SessionRow> {
        let roster: Option<String> = r.get(10)?;
        Ok(SessionRow {
            id: r.get(0)?,
            uuid: r.get(1)?,
            case_key: r.get(2)?,
            case_id: r.get(3)?,
            case_hash: r.get(4)?,
            case_source: r.get(5)?,
            seed: r.get::<_, i64>(6)? as u64,
            lang: r.get(7)?,
            join_code: r.get(8)?,
            instructor_token: r.get(9)?,
            roster: roster.and_then(|s| serde_json::from_str(&s).ok()),
            created: r.get(11)?,
            ended: r.get(12)?,
            revealed: r.get::<_, i64>(13)? != 0,
        })
    }

    const SESSION_COLUMNS: &str = "id, uuid, case_key, case_id, case_hash, case_source, seed,
        lang, join_code, instructor_token, roster, created, ended, revealed";

    /// Every session, oldest first.
    pub fn sessions(&self) -> Result<Vec<SessionRow>, String> {
        let mut q = self
            .conn
            .prepare(&format!(
                "SELECT {} FROM session ORDER BY id",
                Self::SESSION_COLUMNS
            ))
            .map_err(err)?;
        let rows = q
            .query_map([], Self::session_from)
            .map_err(err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        Ok(rows)
    }

    pub fn session(&self, id: i64) -> Result<Option<SessionRow>, String> {
        self.conn
            .query_row(
                &format!("SELECT {} FROM session WHERE id=?1", Self::SESSION_COLUMNS),
                [id],
                Self::session_from,
            )
            .optional()
            .map_err(err)
    }

    /// The trainees of a session, in the order they joined, with their moves and results.
    pub fn trainees(&self, session: i64) -> Result<Vec<TraineeRow>, String> {
        let mut q = self
            .conn
            .prepare(
                "SELECT t.id, t.name, t.token_hash, t.joined, r.json FROM trainee t
                 LEFT JOIN result r ON r.trainee = t.id WHERE t.session=?1 ORDER BY t.id",
            )
            .map_err(err)?;
        let mut out = q
            .query_map([session], |r| {
                let json: Option<String> = r.get(4)?;
                Ok(TraineeRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    token_hash: r.get(2)?,
                    joined: r.get(3)?,
                    lines: Vec::new(),
                    result: json.and_then(|j| serde_json::from_str(&j).ok()),
                })
            })
            .map_err(err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        let mut q = self
            .conn
            .prepare(
                "SELECT m.trainee, m.line FROM move m JOIN trainee t ON t.id = m.trainee
                 WHERE t.session=?1 ORDER BY m.trainee, m.seq",
            )
            .map_err(err)?;
        let moves = q
            .query_map([session], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(err)?;
        let index: std::collections::HashMap<i64, usize> =
            out.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
        for m in moves {
            let (t, line) = m.map_err(err)?;
            if let Some(&i) = index.get(&t) {
                out[i].lines.push(line);
            }
        }
        Ok(out)
    }

    pub fn add_trainee(
        &mut self,
        session: i64,
        name: &str,
        token_hash: &str,
        joined: &str,
    ) -> Result<i64, String> {
        self.conn
            .execute(
                "INSERT INTO trainee (session, name, token_hash, joined) VALUES (?1, ?2, ?3, ?4)",
                params![session, name, token_hash, joined],
            )
            .map_err(err)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// One move, its statements and (when it ended the deal) the run's results record, in one
    /// transaction.
    pub fn record_move(
        &mut self,
        session: i64,
        m: &NewMove,
        statements: &[(String, String)],
        result: Option<&ResultsFile>,
    ) -> Result<(), String> {
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute(
            "INSERT INTO move (trainee, seq, line, at) VALUES (?1, ?2, ?3, ?4)",
            params![m.trainee, m.seq as i64, m.line, m.at],
        )
        .map_err(err)?;
        let trainee = m.trainee;
        for (id, json) in statements {
            tx.execute(
                "INSERT OR IGNORE INTO statement (id, session, json) VALUES (?1, ?2, ?3)",
                params![id, session, json],
            )
            .map_err(err)?;
        }
        if let Some(r) = result {
            let json = serde_json::to_string(r).map_err(|e| e.to_string())?;
            tx.execute(
                "INSERT OR REPLACE INTO result (trainee, json) VALUES (?1, ?2)",
                params![trainee, json],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// Replace a stored results record (the expert line arrived after the run ended).
    pub fn update_result(&mut self, trainee: i64, r: &ResultsFile) -> Result<(), String> {
        let json = serde_json::to_string(r).map_err(|e| e.to_string())?;
        self.conn
            .execute(
                "UPDATE result SET json=?2 WHERE trainee=?1",
                params![trainee, json],
            )
            .map_err(err)?;
        Ok(())
    }

    pub fn add_statement(&mut self, session: i64, id: &str, json: &str) -> Result<(), String> {
        self.conn
            .execute(
                "INSERT OR IGNORE INTO statement (id, session, json) VALUES (?1, ?2, ?3)",
                params![id, session, json],
            )
            .map_err(err)?;
        Ok(())
    }

    pub fn set_revealed(&mut self, session: i64) -> Result<(), String> {
        self.conn
            .execute("UPDATE session SET revealed=1 WHERE id=?1", [session])
            .map_err(err)?;
        Ok(())
    }

    pub fn set_ended(&mut self, session: i64, at: &str) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE session SET ended=?2 WHERE id=?1 AND ended IS NULL",
                params![session, at],
            )
            .map_err(err)?;
        Ok(())
    }

    /// Every statement of a session, in the order recorded (JSON texts).
    pub fn statements(&self, session: i64) -> Result<Vec<String>, String> {
        let mut q = self
            .conn
            .prepare("SELECT json FROM statement WHERE session=?1 ORDER BY n")
            .map_err(err)?;
        let rows = q
            .query_map([session], |r| r.get(0))
            .map_err(err)?
            .collect::<Result<Vec<String>, _>>()
            .map_err(err)?;
        Ok(rows)
    }

    /// Up to `limit` statements not yet accepted by the LRS, oldest first: (n, json).
    pub fn unforwarded(&self, limit: usize) -> Result<Vec<(i64, String)>, String> {
        let mut q = self
            .conn
            .prepare("SELECT n, json FROM statement WHERE forwarded=0 ORDER BY n LIMIT ?1")
            .map_err(err)?;
        let rows = q
            .query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        Ok(rows)
    }

    pub fn mark_forwarded(&mut self, ns: &[i64]) -> Result<(), String> {
        let tx = self.conn.transaction().map_err(err)?;
        for n in ns {
            tx.execute("UPDATE statement SET forwarded=1 WHERE n=?1", [n])
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    pub fn mark_failed(&mut self, ns: &[i64], why: &str) -> Result<(), String> {
        let tx = self.conn.transaction().map_err(err)?;
        for n in ns {
            tx.execute(
                "UPDATE statement SET attempts=attempts+1, last_error=?2 WHERE n=?1",
                params![n, why],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// A statement the LRS refused as invalid: kept, with the reason, out of the queue.
    pub fn set_aside(&mut self, n: i64, why: &str) -> Result<(), String> {
        self.conn
            .execute(
                "UPDATE statement SET forwarded=2, attempts=attempts+1, last_error=?2 WHERE n=?1",
                params![n, why.chars().take(500).collect::<String>()],
            )
            .map_err(err)?;
        Ok(())
    }
}

/// The finished runs of a session, for `dealcraft report --db`.
pub fn session_results(
    path: &Path,
    session: Option<i64>,
) -> Result<(SessionRow, Vec<ResultsFile>), String> {
    let store = Store::open_read(path)?;
    let row = store.pick_session(session, path)?;
    let runs = store
        .trainees(row.id)?
        .into_iter()
        .filter_map(|t| t.result)
        .collect();
    Ok((row, runs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> SessionRow {
        SessionRow {
            id: 0,
            uuid: "u".into(),
            case_key: "first-lead".into(),
            case_id: "first-lead".into(),
            case_hash: "h".into(),
            case_source: "src".into(),
            seed: 7,
            lang: "en".into(),
            join_code: "ABCD".into(),
            instructor_token: "t".into(),
            roster: Some(vec!["王芳".into()]),
            created: "2026-01-01T00:00:00Z".into(),
            ended: None,
            revealed: false,
        }
    }

    fn mv(trainee: i64, seq: usize, line: &str) -> NewMove<'_> {
        NewMove {
            trainee,
            seq,
            line,
            at: "2026-01-01T00:00:01Z",
        }
    }

    #[test]
    fn moves_come_back_in_order_with_their_trainee() {
        let mut s = Store::in_memory().unwrap();
        let id = s.create_session(&session()).unwrap();
        let a = s.add_trainee(id, "王芳", "ha", "t0").unwrap();
        let b = s.add_trainee(id, "Li Lei", "hb", "t0").unwrap();
        s.record_move(id, &mv(b, 0, "x"), &[("s1".into(), "{}".into())], None)
            .unwrap();
        s.record_move(id, &mv(a, 0, "y"), &[], None).unwrap();
        s.record_move(id, &mv(a, 1, "z"), &[], None).unwrap();
        let t = s.trainees(id).unwrap();
        assert_eq!(t[0].name, "王芳");
        assert_eq!(t[0].lines, ["y", "z"]);
        assert_eq!(t[1].lines, ["x"]);
        assert_eq!(s.statements(id).unwrap(), ["{}"]);
        let back = s.session(id).unwrap().unwrap();
        assert_eq!(back.roster, Some(vec!["王芳".to_string()]));
    }

    #[test]
    fn a_move_recorded_twice_is_refused_and_leaves_no_statement() {
        let mut s = Store::in_memory().unwrap();
        let id = s.create_session(&session()).unwrap();
        let a = s.add_trainee(id, "a", "ha", "t0").unwrap();
        s.record_move(id, &mv(a, 0, "x"), &[("s1".into(), "{}".into())], None)
            .unwrap();
        let again = s.record_move(id, &mv(a, 0, "x"), &[("s2".into(), "{}".into())], None);
        assert!(again.is_err());
        assert_eq!(s.statements(id).unwrap().len(), 1);
    }

    #[test]
    fn reading_a_file_that_is_not_a_classroom_database_refuses_it_and_leaves_it_as_it_was() {
        let dir = std::env::temp_dir().join(format!("dealcraft-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let other = dir.join("other.db");
        let c = Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE t (x INTEGER);").unwrap();
        drop(c);
        let before = std::fs::read(&other).unwrap();
        let e = session_results(&other, None).unwrap_err();
        assert!(e.contains("is not a classroom database"), "{e}");
        assert_eq!(std::fs::read(&other).unwrap(), before);
        let text = dir.join("notes.txt");
        std::fs::write(&text, "hello").unwrap();
        assert!(session_results(&text, None).is_err());
        assert!(session_results(&dir.join("missing.db"), None).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_same_name_twice_in_a_session_is_refused() {
        let mut s = Store::in_memory().unwrap();
        let id = s.create_session(&session()).unwrap();
        s.add_trainee(id, "a", "ha", "t0").unwrap();
        assert!(s.add_trainee(id, "a", "hb", "t0").is_err());
    }
}
