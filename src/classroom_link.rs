//! The game's side of a live classroom: every move and read the trainee makes is handed to
//! the classroom's server, in order, and retried until the server has it (a server restarted
//! mid-class loses nothing: it answers a move it already has without recording it twice).
//!
//! On the desktop a worker thread posts the moves with ureq (`play --classroom URL`); in the
//! browser the page's script does (web/index.html keeps the queue in the browser's storage so
//! a reload loses nothing either). The server replays every move itself: the points sent are
//! only checked, never trusted.

use bevy::prelude::*;

use crate::session::{Classroom, Deal, Launch};

pub fn plugin(app: &mut App) {
    app.add_systems(Update, (attach_outbox, send_moves).chain());
    #[cfg(not(target_arch = "wasm32"))]
    app.add_systems(Update, show_link_trouble);
}

/// A deal started in a classroom collects its moves.
fn attach_outbox(launch: Option<Res<Launch>>, deal: Option<ResMut<Deal>>) {
    let (Some(launch), Some(mut deal)) = (launch, deal) else {
        return;
    };
    if launch.0.classroom.is_some() && deal.outbox.is_none() {
        deal.bypass_change_detection().outbox = Some(Vec::new());
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod desktop {
    use std::sync::mpsc;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use crate::session::Notice;

    /// The worker's queue and the last trouble it had (shown to the trainee).
    pub struct Link {
        pub tx: Option<mpsc::Sender<(String, i64)>>,
        pub trouble: Arc<Mutex<Option<Notice>>>,
        worker: Option<std::thread::JoinHandle<()>>,
    }

    /// Closing the game: the moves still queued get a few seconds to reach the server (the
    /// last move of a deal is usually made just before the window closes).
    impl Drop for Link {
        fn drop(&mut self) {
            self.tx = None;
            if let Some(w) = self.worker.take() {
                let until = std::time::Instant::now() + Duration::from_secs(5);
                while !w.is_finished() && std::time::Instant::now() < until {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }
    }

    pub fn start(base: String, token: String, next_seq: usize) -> Link {
        let (tx, rx) = mpsc::channel::<(String, i64)>();
        let trouble = Arc::new(Mutex::new(None));
        let t2 = trouble.clone();
        let worker = std::thread::spawn(move || {
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .timeout_global(Some(Duration::from_secs(10)))
                .http_status_as_error(false)
                .build()
                .into();
            // Once the server refuses a move for good, every later one would be refused too
            // (as out of order): the link stops, and the first refusal stays on the board.
            let mut stopped = false;
            for (seq, (line, points)) in (next_seq..).zip(rx) {
                if stopped {
                    continue;
                }
                let body = serde_json::json!({ "seq": seq, "line": line, "points": points });
                let mut pause = Duration::from_millis(250);
                loop {
                    let sent = agent
                        .post(&format!("{base}/api/move"))
                        .header("Authorization", &format!("Bearer {token}"))
                        .send_json(&body);
                    let say = |m: Option<Notice>| *t2.lock().unwrap_or_else(|p| p.into_inner()) = m;
                    match sent {
                        Ok(r) if r.status().is_success() => {
                            say(None);
                            break;
                        }
                        Ok(mut r) if r.status().is_client_error() => {
                            // The server refused the move (the session ended, …): retrying
                            // would not change its mind.
                            let why: serde_json::Value =
                                r.body_mut().read_json().unwrap_or_default();
                            let said = |k: &str| why[k].as_str().map(str::to_string);
                            say(Some(Notice::ClassroomStopped {
                                at: seq + 1,
                                why: said("error").unwrap_or_else(|| r.status().to_string()),
                                why_zh: said("error_zh"),
                            }));
                            stopped = true;
                            break;
                        }
                        _ => {
                            say(Some(Notice::ClassroomUnreachable));
                            std::thread::sleep(pause);
                            pause = (pause * 2).min(Duration::from_secs(5));
                        }
                    }
                }
            }
        });
        Link {
            tx: Some(tx),
            trouble,
            worker: Some(worker),
        }
    }
}

/// Hand the deal's new moves to the classroom.
fn send_moves(
    launch: Option<Res<Launch>>,
    deal: Option<ResMut<Deal>>,
    #[cfg(not(target_arch = "wasm32"))] mut link: Local<Option<desktop::Link>>,
    #[cfg(not(target_arch = "wasm32"))] mut commands: Commands,
) {
    let (Some(launch), Some(mut deal)) = (launch, deal) else {
        return;
    };
    let Some(classroom) = &launch.0.classroom else {
        return;
    };
    if deal.outbox.as_ref().is_none_or(|o| o.is_empty()) {
        return;
    }
    let moves = std::mem::take(deal.bypass_change_detection().outbox.as_mut().unwrap());
    match classroom {
        #[cfg(not(target_arch = "wasm32"))]
        Classroom::Server {
            base,
            token,
            next_seq,
        } => {
            let l = link.get_or_insert_with(|| {
                let l = desktop::start(base.clone(), token.clone(), *next_seq);
                commands.insert_resource(LinkTrouble(l.trouble.clone()));
                l
            });
            if let Some(tx) = &l.tx {
                for m in moves {
                    let _ = tx.send(m);
                }
            }
        }
        #[cfg(target_arch = "wasm32")]
        Classroom::Page => {
            for (line, points) in moves {
                crate::web::send_move(&line, points);
            }
        }
        #[allow(unreachable_patterns)]
        _ => {}
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(Resource)]
struct LinkTrouble(std::sync::Arc<std::sync::Mutex<Option<crate::session::Notice>>>);

/// The link's trouble, if any, as the deal's notice (the board shows it; the log says it
/// too, in the language shown, which is what the real-window check reads).
#[cfg(not(target_arch = "wasm32"))]
fn show_link_trouble(
    trouble: Option<Res<LinkTrouble>>,
    deal: Option<ResMut<Deal>>,
    settings: Res<crate::session::Settings>,
) {
    let (Some(t), Some(mut deal)) = (trouble, deal) else {
        return;
    };
    let now = t.0.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let shown = deal
        .notice
        .as_ref()
        .is_some_and(crate::session::Notice::from_classroom);
    match now {
        Some(m) if deal.notice.as_ref() != Some(&m) => {
            warn!("classroom notice: {}", m.text(settings.lang));
            deal.notice = Some(m);
        }
        None if shown => deal.notice = None,
        _ => {}
    }
}
