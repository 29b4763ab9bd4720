//! A classroom session in memory: the case, every trainee's game (replayed from the database
//! at start), and the rules of who may post what. The HTTP layer ([`super::http`]) turns
//! requests into calls here and errors into status codes; nothing here knows of HTTP.

use std::collections::HashMap;
use std::sync::Arc;
use web_time::SystemTime;

use serde::Serialize;

use super::store::{SessionRow, Store};
use super::xapi::{self, Actor, Context};
use crate::case::text::Lang;
use crate::engine::{Compiled, Game, Read};
use crate::results::{self, ExpertLine, ResultsFile};

/// A trainee's name: at most this many characters.
pub const MAX_NAME_CHARS: usize = 40;
/// A session takes at most this many trainees (a class is 10–60).
pub const MAX_TRAINEES: usize = 500;
/// A trainee's run has at most this many lines (choices and reads).
pub const MAX_LINES: usize = 2_000;
/// A move line (a choice id or `read PERSON key=value …`): at most this many bytes.
pub const MAX_LINE_BYTES: usize = 300;

/// A refusal, with the HTTP status it maps to and the message in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub status: u16,
    pub en: String,
    pub zh: String,
}

fn refuse(status: u16, en: impl Into<String>, zh: impl Into<String>) -> Refusal {
    Refusal {
        status,
        en: en.into(),
        zh: zh.into(),
    }
}

pub struct Trainee {
    pub id: i64,
    pub name: String,
    pub joined: String,
    pub game: Game,
    pub lines: Vec<String>,
    pub started: SystemTime,
    pub result: Option<ResultsFile>,
    actor: Actor,
}

pub struct Room {
    pub session: SessionRow,
    pub case: Arc<Compiled>,
    pub store: Store,
    pub trainees: Vec<Trainee>,
    by_token: HashMap<String, usize>,
    /// The expert line for the session's seed: None while it is being computed.
    pub expert: Option<Option<ExpertLine>>,
    /// The classroom's address, for the xAPI actors' home page.
    pub home: String,
    /// A run at or above this total is `passed` in xAPI and SCORM.
    pub pass_mark: f64,
    /// Bumped on every change; the projector's stream wakes on it.
    pub version: u64,
}

/// What a join returns to the trainee.
#[derive(Debug, Serialize)]
pub struct Joined {
    pub token: String,
    pub name: String,
    pub case: String,
    pub seed: u64,
    pub lang: String,
    /// Moves the server already has (0 for a new trainee).
    pub next_seq: usize,
}

/// What a move returns.
#[derive(Debug, Serialize, PartialEq)]
pub struct Ack {
    pub seq: usize,
    pub points: i64,
    pub over: bool,
    /// True when the server already had this move (a retry): nothing was recorded twice.
    pub duplicate: bool,
    pub total: Option<f64>,
}

pub fn token_hash(token: &str) -> String {
    blake3::hash(token.as_bytes()).to_hex().to_string()
}

pub fn now() -> String {
    results::rfc3339(SystemTime::now())
}

impl Room {
    /// The room of a stored session: the case compiled from the text stored with it, every
    /// trainee's moves replayed.
    pub fn open(
        store: Store,
        session: SessionRow,
        home: String,
        pass_mark: f64,
    ) -> Result<Room, String> {
        let loaded = crate::engine::load_bytes(
            &format!("{}.ron", session.case_id),
            session.case_source.as_bytes(),
        );
        let case = loaded.case.clone().ok_or_else(|| {
            format!(
                "the case stored with session {} no longer compiles ({} error(s))",
                session.id,
                loaded.errors()
            )
        })?;
        let rows = store.trainees(session.id)?;
        let mut room = Room {
            session,
            case,
            store,
            trainees: Vec::new(),
            by_token: HashMap::new(),
            expert: None,
            home,
            pass_mark,
            version: 0,
        };
        for t in rows {
            let actor = room.actor(t.id, &t.name);
            let mut game = Game::new(room.case.clone(), room.session.seed);
            for (i, line) in t.lines.iter().enumerate() {
                apply(&room.case, &mut game, line).map_err(|r| {
                    format!(
                        "session {}: {}'s move {} (`{line}`) does not replay: {}",
                        room.session.id, t.name, i, r.en
                    )
                })?;
            }
            let started = parse_time(&t.joined);
            room.by_token
                .insert(t.token_hash.clone(), room.trainees.len());
            room.trainees.push(Trainee {
                id: t.id,
                name: t.name,
                joined: t.joined,
                game,
                lines: t.lines,
                started,
                result: t.result,
                actor,
            });
        }
        Ok(room)
    }

    fn actor(&self, id: i64, name: &str) -> Actor {
        Actor {
            name: name.to_string(),
            home: self.home.clone(),
            account: format!("{}/{id}", self.session.uuid),
        }
    }

    pub fn context(&self) -> Context {
        let t = &self.case.case.title;
        Context {
            session_uuid: self.session.uuid.clone(),
            case_id: self.session.case_id.clone(),
            case_title_en: t.en.clone(),
            case_title_zh: t.zh.clone(),
            seed: self.session.seed,
        }
    }

    pub fn lang(&self) -> Lang {
        if self.session.lang == "zh" {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// A trainee joins with his name and the session's join code; he gets a token that only
    /// his moves are posted with.
    pub fn join(&mut self, name: &str, code: &str, token: String) -> Result<Joined, Refusal> {
        if self.session.ended.is_some() {
            return Err(refuse(410, "this session has ended", "本场已结束"));
        }
        if !constant_time_eq(
            code.trim().to_uppercase().as_bytes(),
            self.session.join_code.as_bytes(),
        ) {
            return Err(refuse(403, "wrong join code", "加入码不对"));
        }
        let name = clean_name(name)?;
        if let Some(roster) = &self.session.roster
            && !roster.iter().any(|r| r == &name)
        {
            return Err(refuse(
                403,
                format!("`{name}` is not on this session's roster; ask the instructor"),
                format!("名单上没有“{name}”，请问讲师"),
            ));
        }
        if self.trainees.iter().any(|t| t.name == name) {
            return Err(refuse(
                409,
                format!(
                    "`{name}` has already joined; on another device, add a letter to your name"
                ),
                format!("“{name}”已经加入；换了设备的话，请在名字后加一个字"),
            ));
        }
        if self.trainees.len() >= MAX_TRAINEES {
            return Err(refuse(
                503,
                format!("the session is full ({MAX_TRAINEES} trainees)"),
                format!("本场已满（{MAX_TRAINEES} 人）"),
            ));
        }
        let joined = now();
        let hash = token_hash(&token);
        let id = self
            .store
            .add_trainee(self.session.id, &name, &hash, &joined)
            .map_err(|e| refuse(500, e.clone(), e))?;
        let actor = self.actor(id, &name);
        let (sid, json) = xapi::joined(&self.context(), &actor, &joined);
        let _ = self.store.add_statement(self.session.id, &sid, &json);
        self.by_token.insert(hash, self.trainees.len());
        self.trainees.push(Trainee {
            id,
            name: name.clone(),
            joined: joined.clone(),
            game: Game::new(self.case.clone(), self.session.seed),
            lines: Vec::new(),
            started: SystemTime::now(),
            result: None,
            actor,
        });
        self.version += 1;
        Ok(Joined {
            token,
            name,
            case: self.session.case_key.clone(),
            seed: self.session.seed,
            lang: self.session.lang.clone(),
            next_seq: 0,
        })
    }

    /// The trainee a token belongs to.
    pub fn trainee_of(&self, token: &str) -> Result<usize, Refusal> {
        self.by_token
            .get(&token_hash(token))
            .copied()
            .ok_or_else(|| {
                refuse(
                    401,
                    "unknown trainee token; join the session again",
                    "身份令牌无效，请重新加入",
                )
            })
    }

    /// A trainee's move number `seq`: a choice id or a `read …` line. `points` is what the
    /// trainee's game says the move scored; the server plays the move itself and refuses a
    /// claim that differs. A move the server already has (same `seq`, same line) is answered
    /// again without being recorded twice, so a client may retry after any failure.
    pub fn play(
        &mut self,
        who: usize,
        seq: usize,
        line: &str,
        points: i64,
    ) -> Result<Ack, Refusal> {
        let line = line.trim();
        if line.is_empty() || line.len() > MAX_LINE_BYTES || line.chars().any(char::is_control) {
            return Err(refuse(
                400,
                format!(
                    "a move is a choice id or a `read …` line of at most {MAX_LINE_BYTES} bytes"
                ),
                format!("一步棋是一个选择 id 或一行 `read …`，最长 {MAX_LINE_BYTES} 字节"),
            ));
        }
        let t = &self.trainees[who];
        if seq < t.lines.len() {
            if t.lines[seq] == line {
                return Ok(Ack {
                    seq,
                    points: move_points(&t.game, &t.lines, seq),
                    over: t.game.is_over(),
                    duplicate: true,
                    total: t.result.as_ref().map(|r| r.result.score.total),
                });
            }
            return Err(refuse(
                409,
                format!(
                    "move {seq} is already recorded as `{}`, not `{line}`",
                    t.lines[seq]
                ),
                format!("第 {seq} 步已记录为 `{}`，不是 `{line}`", t.lines[seq]),
            ));
        }
        if seq > t.lines.len() {
            let have = t.lines.len();
            return Err(refuse(
                409,
                format!("move {seq} arrived before move {have}; send move {have} first"),
                format!("第 {seq} 步比第 {have} 步先到；请先发第 {have} 步"),
            ));
        }
        if self.session.ended.is_some() {
            return Err(refuse(410, "this session has ended", "本场已结束"));
        }
        if t.lines.len() >= MAX_LINES {
            return Err(refuse(
                413,
                format!("a run has at most {MAX_LINES} moves"),
                format!("一局最多 {MAX_LINES} 步"),
            ));
        }
        let mut game = t.game.clone();
        let before = game.moves.len();
        apply(&self.case, &mut game, line)?;
        let scored: i64 = game.moves[before..]
            .iter()
            .flat_map(|m| &m.deltas)
            .map(|d| d.points as i64)
            .sum();
        if scored != points {
            return Err(refuse(
                422,
                format!(
                    "the move scores {scored} points here, not the {points} sent; the score is the server's to compute"
                ),
                format!("这一步在服务器上得 {scored} 分，不是发来的 {points} 分；分数由服务器计算"),
            ));
        }
        let at = now();
        let cx = self.context();
        let actor = t.actor.clone();
        let mut statements = Vec::new();
        match game.moves.get(before) {
            Some(m) => statements.push(xapi::chose(&cx, &actor, seq, m, &at)),
            None => {
                let person = line.split_whitespace().nth(1).unwrap_or_default();
                statements.push(xapi::read(&cx, &actor, seq, person, line, &at));
            }
        }
        let result = game.is_over().then(|| {
            let expert = self.expert.clone().flatten();
            let mut r = results::build_with_expert(
                &game,
                &self.session.case_hash,
                &t.name,
                self.lang(),
                t.started,
                SystemTime::now(),
                expert,
            );
            r.expert_pending = self.expert.is_none();
            r
        });
        if let Some(r) = &result {
            statements.extend(xapi::finished(&cx, &actor, r, self.pass_mark, &at));
        }
        let id = t.id;
        self.store
            .record_move(
                self.session.id,
                &super::store::NewMove {
                    trainee: id,
                    seq,
                    line,
                    at: &at,
                },
                &statements,
                result.as_ref(),
            )
            .map_err(|e| refuse(500, e.clone(), e))?;
        let t = &mut self.trainees[who];
        t.game = game;
        t.lines.push(line.to_string());
        t.result = result;
        self.version += 1;
        Ok(Ack {
            seq,
            points: scored,
            over: t.game.is_over(),
            duplicate: false,
            total: t.result.as_ref().map(|r| r.result.score.total),
        })
    }

    /// The expert line is ready: results recorded without it get it now.
    pub fn set_expert(&mut self, expert: Option<ExpertLine>) {
        for t in &mut self.trainees {
            if let Some(r) = &mut t.result
                && r.expert_pending
            {
                r.expert = expert.clone();
                r.expert_pending = false;
                let _ = self.store.update_result(t.id, r);
            }
        }
        self.expert = Some(expert);
        self.version += 1;
    }

    pub fn reveal(&mut self) -> Result<(), Refusal> {
        self.store
            .set_revealed(self.session.id)
            .map_err(|e| refuse(500, e.clone(), e))?;
        self.session.revealed = true;
        self.version += 1;
        Ok(())
    }

    pub fn end(&mut self) -> Result<(), Refusal> {
        let at = now();
        self.store
            .set_ended(self.session.id, &at)
            .map_err(|e| refuse(500, e.clone(), e))?;
        self.session.ended.get_or_insert(at);
        self.version += 1;
        Ok(())
    }

    /// The finished runs, in the order trainees joined.
    pub fn results(&self) -> Vec<ResultsFile> {
        self.trainees
            .iter()
            .filter_map(|t| t.result.clone())
            .collect()
    }
}

/// Play one line on `game`: a choice id, or a `read PERSON …` line.
pub fn apply(case: &Compiled, game: &mut Game, line: &str) -> Result<(), Refusal> {
    if let Some(read) = line.strip_prefix("read ") {
        let r = Read::parse(read).map_err(|e| refuse(400, e.clone(), e))?;
        if case.stakeholders.get(&r.person).is_none() {
            return Err(refuse(
                400,
                format!("no stakeholder `{}` in this case", r.person),
                format!("案例里没有人物 `{}`", r.person),
            ));
        }
        if game.is_over() {
            return Err(refuse(409, "the deal is already over", "这一单已经结束"));
        }
        game.set_read(r);
        return Ok(());
    }
    game.choose(line)
        .map(|_| ())
        .map_err(|e| refuse(409, e.text(Lang::En), e.text(Lang::Zh)))
}

/// The points of the recorded line `seq` (for answering a retried move).
fn move_points(game: &Game, lines: &[String], seq: usize) -> i64 {
    let choice_no = lines[..seq]
        .iter()
        .filter(|l| !l.starts_with("read "))
        .count();
    if lines[seq].starts_with("read ") {
        return 0;
    }
    game.moves
        .get(choice_no)
        .map(|m| m.deltas.iter().map(|d| d.points as i64).sum())
        .unwrap_or(0)
}

/// 1–40 characters, no control characters, spaces collapsed.
pub fn clean_name(name: &str) -> Result<String, Refusal> {
    let name: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(refuse(400, "write your name", "请写上你的名字"));
    }
    if name.chars().count() > MAX_NAME_CHARS || name.chars().any(|c| c.is_control()) {
        return Err(refuse(
            400,
            format!("a name has at most {MAX_NAME_CHARS} characters and no control characters"),
            format!("名字最多 {MAX_NAME_CHARS} 个字，不能有控制字符"),
        ));
    }
    Ok(name)
}

/// Compare secrets in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn parse_time(rfc: &str) -> SystemTime {
    // `YYYY-MM-DDTHH:MM:SSZ` back to a time; a bad value is "now" (only a run's start time).
    let n = |a: usize, b: usize| rfc.get(a..b).and_then(|s| s.parse::<i64>().ok());
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) =
        (n(0, 4), n(5, 7), n(8, 10), n(11, 13), n(14, 16), n(17, 19))
    else {
        return SystemTime::now();
    };
    // Days from civil (H. Hinnant), the inverse of results::rfc3339.
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + h * 3600 + mi * 60 + s;
    web_time::UNIX_EPOCH + std::time::Duration::from_secs(secs.max(0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_back_as_written() {
        for secs in [0u64, 1_700_000_000, 1_798_761_599, 951_782_400] {
            let t = web_time::UNIX_EPOCH + std::time::Duration::from_secs(secs);
            assert_eq!(parse_time(&results::rfc3339(t)), t);
        }
    }

    #[test]
    fn names_are_cleaned_and_bounded() {
        assert_eq!(clean_name("  王  芳 ").unwrap(), "王 芳");
        assert_eq!(clean_name("").unwrap_err().status, 400);
        assert_eq!(clean_name(&"x".repeat(41)).unwrap_err().status, 400);
        assert!(clean_name("a\u{7}b").is_err());
    }
}
