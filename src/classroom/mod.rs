//! `dealcraft classroom`: a live classroom on the instructor's laptop.
//!
//! One HTTP server (axum on tokio) serves the join page and the web build to the trainees'
//! browsers, records every move as it happens in an embedded SQLite database (so a restart
//! loses nothing and trainees carry on), replays each move on the server's own copy of the
//! game (the score is never taken from a client), and streams a live projector page to the
//! instructor. Every move is also an xAPI statement, exported on request and forwarded to an
//! LRS when one is configured ([`lrs`]), and `dealcraft report --db` reads the session's
//! results like a results folder.
//!
//! Layers: [`store`] (the database) → [`room`] (the session's rules, no HTTP) →
//! [`projector`] (the live snapshot) and [`xapi`] (statements) → [`http`] (routes) →
//! [`listen`] (connections and their bounds) → here.

pub mod http;
pub mod listen;
pub mod lrs;
pub mod pages;
pub mod projector;
pub mod room;
pub mod scorm;
pub mod store;
pub mod xapi;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use rand::RngExt;

use crate::analysis::explore::{Limits, best_line};
use crate::case::text::Lang;
use crate::engine::Game;
use room::Room;
use store::{SessionRow, Store};

/// A run at or above this total passes (xAPI `passed`, SCORM `passed`), unless `--pass-mark`.
pub const DEFAULT_PASS_MARK: f64 = 60.0;
/// States the classroom's expert line may explore (as the game does in the background).
pub use crate::analysis::explore::EXPERT_STATES;

/// What the instructor asked for (the CLI fills it; nothing here knows of clap).
#[derive(Debug, Clone)]
pub struct Options {
    pub case: String,
    pub seed: u64,
    pub lang: Lang,
    pub bind: std::net::IpAddr,
    pub port: u16,
    pub db: PathBuf,
    /// The web build's folder (`target/web` by default); None: trainees get a page saying how
    /// to build it.
    pub web: Option<PathBuf>,
    /// Names allowed to join (one per line in the roster file).
    pub roster: Option<Vec<String>>,
    /// Start a new session even if the database has an open one of this case and seed.
    pub new_session: bool,
    pub pass_mark: f64,
    pub lrs: Option<lrs::Endpoint>,
    /// The address printed for trainees (default: the bound address, or this machine's LAN
    /// address when bound to 0.0.0.0).
    pub public_url: Option<String>,
}

/// A random secret of `n` letters and digits, from the operating system's generator. Not the
/// game's seeded RNG: tokens must not be predictable, and they decide nothing in a game.
pub fn secret(n: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..n)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// A join code: short, upper case, without look-alikes (no 0/O, 1/I).
fn join_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..5)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// The session to run: the open one of this case and seed in the database (a restart), or a
/// new one.
pub fn open_session(store: &mut Store, o: &Options) -> Result<(SessionRow, bool), String> {
    let loaded = crate::bundled::resolve(&o.case)?;
    let source = loaded.source.clone().unwrap_or_default();
    let case = loaded.case.clone().ok_or_else(|| {
        format!(
            "`{}` has {} error(s); fix them first (`dealcraft validate {}`)",
            loaded.file,
            loaded.errors(),
            loaded.file
        )
    })?;
    if !o.new_session
        && let Some(open) = store
            .sessions()?
            .into_iter()
            .rev()
            .find(|s| s.ended.is_none() && s.case_key == o.case && s.seed == o.seed)
    {
        return Ok((open, true));
    }
    let mut bytes = [0u8; 16];
    rand::rng().fill(&mut bytes);
    let mut row = SessionRow {
        id: 0,
        uuid: xapi::uuid_v4(bytes),
        case_key: o.case.clone(),
        case_id: case.case.id.clone(),
        case_hash: crate::save::content_hash(&source),
        case_source: source,
        seed: o.seed,
        lang: o.lang.code().to_string(),
        join_code: join_code(),
        instructor_token: secret(24),
        roster: o.roster.clone(),
        created: room::now(),
        ended: None,
        revealed: false,
    };
    row.id = store.create_session(&row)?;
    Ok((row, false))
}

/// Every statement of a session as one JSON array (the xAPI export), and how many there are.
pub fn statements_file(store: &Store, session: i64) -> Result<(Vec<u8>, usize), String> {
    let list = store.statements(session)?;
    Ok((
        format!("[\n{}\n]\n", list.join(",\n")).into_bytes(),
        list.len(),
    ))
}

/// The class report of the session's finished runs (as `dealcraft report` makes it).
pub fn report_page(room: &Room, lang: Lang) -> String {
    let runs = room.results();
    crate::report::class::html(&crate::report::class::ClassInput {
        runs: &runs,
        skipped: &[],
        lang,
        generated: room::now(),
    })
}

/// The expert line of the session's seed, as results records hold it.
fn expert_of(
    room_case: Arc<crate::engine::Compiled>,
    seed: u64,
) -> Option<crate::results::ExpertLine> {
    let (best, exhaustive) = best_line(&room_case, seed, Limits::states(EXPERT_STATES));
    let game = Game::new(room_case, seed);
    best.and_then(|line| crate::results::expert_from_line(&game, &line, exhaustive))
}

/// The best guess at this machine's address on the LAN (for the printout when bound to all
/// interfaces): the source address of a UDP socket "connected" outward, which sends nothing.
fn lan_address() -> Option<std::net::IpAddr> {
    let s = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    s.connect("192.0.2.1:80").ok()?;
    Some(s.local_addr().ok()?.ip())
}

/// Start the classroom and serve until Ctrl-C.
pub fn serve(o: Options) -> Result<(), String> {
    let mut store = Store::open(&o.db)?;
    let (session, resumed) = open_session(&mut store, &o)?;
    let addr = SocketAddr::new(o.bind, o.port);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| {
            format!("cannot listen on {addr}: {e} (is another classroom running? try --port)")
        })?;
        let bound = listener.local_addr().map_err(|e| e.to_string())?;
        let host = match (&o.public_url, bound.ip().is_unspecified()) {
            (Some(u), _) => u.trim_end_matches('/').to_string(),
            (None, true) => format!(
                "http://{}:{}",
                lan_address()
                    .map(|a| a.to_string())
                    .unwrap_or_else(|| "127.0.0.1".into()),
                bound.port()
            ),
            (None, false) => format!("http://{bound}"),
        };
        let room = Room::open(store, session, host.clone(), o.pass_mark)?;
        let web_dir = o.web.clone().filter(|d| d.join("index.html").is_file());
        print_addresses(&room, &host, resumed, web_dir.as_deref(), o.web.as_deref());
        let case = room.case.clone();
        let seed = room.session.seed;
        let (tx, _) = tokio::sync::watch::channel(0u64);
        let shared = Arc::new(http::Shared {
            room: Mutex::new(room),
            changed: tx,
            web_dir,
        });
        // The expert line takes a few seconds on a big case: the class can join meanwhile.
        let s2 = shared.clone();
        tokio::task::spawn_blocking(move || {
            let line = expert_of(case, seed);
            let mut room = s2.room.lock().unwrap_or_else(|p| p.into_inner());
            room.set_expert(line);
            let v = room.version;
            drop(room);
            s2.changed.send_replace(v);
        });
        if let Some(endpoint) = o.lrs.clone() {
            let path = o.db.clone();
            std::thread::spawn(move || lrs::forward_forever(&path, &endpoint));
        }
        listen::serve(listener, http::router(shared), async {
            let _ = tokio::signal::ctrl_c().await;
            eprintln!("stopping the classroom; everything is saved (start it again to carry on)");
        })
        .await
        .map_err(|e| format!("the server stopped: {e}"))
    })
}

fn print_addresses(
    room: &Room,
    host: &str,
    resumed: bool,
    web: Option<&std::path::Path>,
    asked: Option<&std::path::Path>,
) {
    let s = &room.session;
    let t = &room.case.case.title;
    println!("Dealcraft classroom · 课堂");
    println!(
        "  case      {} · {} ({}), seed {}",
        t.en, t.zh, s.case_key, s.seed
    );
    if resumed {
        println!(
            "  resumed   session {} with {} trainee(s) (started {}); `--new` starts another",
            s.id,
            room.trainees.len(),
            s.created
        );
    } else {
        println!("  session   {} (new)", s.id);
    }
    println!(
        "  trainees  {host}/?code={}   join code {}",
        s.join_code, s.join_code
    );
    println!("  projector {host}/projector?token={}", s.instructor_token);
    if web.is_none() {
        println!(
            "  note      no web build in {}: build it with scripts/web-build.sh (trainees get a page saying so)",
            asked
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "target/web".into())
        );
    }
    println!("  Ctrl-C stops the server; start it again with the same --db to carry on.");
    use std::io::Write;
    let _ = std::io::stdout().flush();
}
