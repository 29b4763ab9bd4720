//! Forwarding the session's xAPI statements to a Learning Record Store.
//!
//! Statements wait in the database (`statement.forwarded = 0`) until the LRS has accepted
//! them, so an LRS that is down, slow or unreachable loses nothing: the forwarder retries with
//! a growing pause (1 s doubling to a minute), and a restarted classroom carries on with the
//! queue. Statement ids are fixed when a move is recorded, so a batch sent twice (the answer
//! lost after the LRS stored it) is stored once. A statement the LRS rejects as invalid (a 400
//! on its own) is set aside with the LRS's reason (`forwarded = 2`) instead of blocking the
//! queue.

use std::path::Path;
use std::time::Duration;

use base64::Engine;

use super::store::Store;

/// At most this many statements per request.
pub const BATCH: usize = 50;
/// The longest pause between retries.
pub const MAX_PAUSE: Duration = Duration::from_secs(60);
/// One request may take this long.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// An LRS: its statements endpoint's base (`https://lrs.example/xapi`) and Basic credentials.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub url: String,
    pub user: String,
    pub password: String,
}

impl Endpoint {
    fn statements(&self) -> String {
        format!("{}/statements", self.url.trim_end_matches('/'))
    }
    fn auth(&self) -> String {
        let pair = format!("{}:{}", self.user, self.password);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }
}

/// What one attempt came to.
#[derive(Debug, PartialEq)]
pub enum Sent {
    /// Accepted: (statements forwarded).
    Accepted(usize),
    /// Nothing waiting.
    Idle,
    /// Not now (LRS down, 5xx, 401, 429): try again later.
    Later(String),
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .build()
        .into()
}

fn post(agent: &ureq::Agent, to: &Endpoint, body: String) -> Result<(u16, String), String> {
    let mut r = agent
        .post(&to.statements())
        .header("X-Experience-API-Version", "1.0.3")
        .header("Content-Type", "application/json")
        .header("Authorization", &to.auth())
        .send(body)
        .map_err(|e| e.to_string())?;
    let status = r.status().as_u16();
    let text = r
        .body_mut()
        .with_config()
        .limit(64 * 1024)
        .read_to_string()
        .unwrap_or_default();
    Ok((status, text))
}

/// Send the oldest waiting statements once.
pub fn forward_once(store: &mut Store, agent: &ureq::Agent, to: &Endpoint) -> Result<Sent, String> {
    let batch = store.unforwarded(BATCH)?;
    if batch.is_empty() {
        return Ok(Sent::Idle);
    }
    let ns: Vec<i64> = batch.iter().map(|(n, _)| *n).collect();
    let body = format!(
        "[{}]",
        batch
            .iter()
            .map(|(_, j)| j.as_str())
            .collect::<Vec<_>>()
            .join(",")
    );
    match post(agent, to, body) {
        Err(e) => {
            store.mark_failed(&ns, &e)?;
            Ok(Sent::Later(e))
        }
        Ok((200..=299, _)) => {
            store.mark_forwarded(&ns)?;
            Ok(Sent::Accepted(ns.len()))
        }
        Ok((400 | 409, _)) if ns.len() > 1 => {
            // One bad statement spoils a batch: send them one by one to find it.
            let mut sent = 0;
            for (n, json) in batch {
                match post(agent, to, format!("[{json}]")) {
                    Ok((200..=299, _)) => {
                        store.mark_forwarded(&[n])?;
                        sent += 1;
                    }
                    Ok((400 | 409, why)) => store.set_aside(n, &why)?,
                    Ok((status, why)) => {
                        store.mark_failed(&[n], &format!("{status}: {why}"))?;
                        return Ok(Sent::Later(format!("the LRS answered {status}")));
                    }
                    Err(e) => {
                        store.mark_failed(&[n], &e)?;
                        return Ok(Sent::Later(e));
                    }
                }
            }
            Ok(Sent::Accepted(sent))
        }
        Ok((400 | 409, why)) => {
            store.set_aside(ns[0], &why)?;
            Ok(Sent::Accepted(0))
        }
        Ok((status, why)) => {
            let why = format!(
                "the LRS answered {status}: {}",
                why.chars().take(200).collect::<String>()
            );
            store.mark_failed(&ns, &why)?;
            Ok(Sent::Later(why))
        }
    }
}

/// The classroom's forwarder thread: forward, pause when idle or refused, never give up.
pub fn forward_forever(db: &Path, to: &Endpoint) {
    let mut store = match Store::open(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("LRS forwarding is off: {e}");
            return;
        }
    };
    let agent = agent();
    let mut pause = Duration::from_secs(1);
    let mut said_down = false;
    loop {
        match forward_once(&mut store, &agent, to) {
            Ok(Sent::Accepted(_)) => {
                pause = Duration::from_secs(1);
                if said_down {
                    eprintln!("the LRS at {} accepts statements again", to.url);
                    said_down = false;
                }
                continue;
            }
            Ok(Sent::Idle) => std::thread::sleep(Duration::from_millis(500)),
            Ok(Sent::Later(why)) | Err(why) => {
                if !said_down {
                    eprintln!(
                        "the LRS at {} is not taking statements ({why}); they wait in the database and are retried",
                        to.url
                    );
                    said_down = true;
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(MAX_PAUSE);
            }
        }
    }
}
