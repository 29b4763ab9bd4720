//! What the projector shows, as one JSON snapshot: who is playing and who finished, the
//! leaderboard, the room's costliest decisions so far, the score distribution, and — once the
//! instructor reveals it — the expert line. The page ([`super::pages::projector`]) renders it
//! with `textContent` only, so nothing a trainee typed is ever read as HTML.

use serde_json::{Value, json};

use super::room::Room;
use crate::report::class::{costly, leaderboard};
use crate::results::{self, ResultsFile};

/// The costly decisions shown (the page is read from the back of the room).
pub const COSTLY_SHOWN: usize = 5;

pub fn snapshot(room: &Room) -> Value {
    let finished: Vec<ResultsFile> = room.results();
    // Runs still going count for the costly decisions too: the debrief can start before the
    // last trainee finishes.
    let mut all = finished.clone();
    for t in room
        .trainees
        .iter()
        .filter(|t| t.result.is_none() && !t.game.moves.is_empty())
    {
        all.push(results::build_with_expert(
            &t.game,
            &room.session.case_hash,
            &t.name,
            room.lang(),
            t.started,
            t.started,
            None,
        ));
    }
    let trainees: Vec<Value> = room
        .trainees
        .iter()
        .map(|t| {
            json!({
                "name": t.name,
                "moves": t.lines.len(),
                "week": t.game.state.week,
                "finished": t.result.is_some(),
                "total": t.result.as_ref().map(|r| r.result.score.total),
                "outcome": t.result.as_ref().and_then(|r| r.result.outcome).map(|o| o.key()),
            })
        })
        .collect();
    let board: Vec<Value> = leaderboard(&finished)
        .into_iter()
        .map(|(place, i)| {
            let r = &finished[i];
            let s = &r.result.score;
            json!({
                "place": place,
                "name": r.player,
                "total": s.total,
                "outcome": r.result.outcome.map(|o| o.key()),
                "burning_issue": s.burning_issue,
                "insider": s.insider,
                "sequencing": s.sequencing,
            })
        })
        .collect();
    let costly: Vec<Value> = costly(&all)
        .into_iter()
        .take(COSTLY_SHOWN)
        .map(|c| {
            json!({
                "choice": c.choice,
                "label": { "en": c.label.en, "zh": c.label.zh },
                "players": c.players,
                "points": c.points,
            })
        })
        .collect();
    let mut bins = [0u32; 10];
    for r in &finished {
        let b = ((r.result.score.total / 10.0).floor() as i64).clamp(0, 9) as usize;
        bins[b] += 1;
    }
    let n = finished.len().max(1) as f64;
    let avg = |f: &dyn Fn(&ResultsFile) -> f64| -> f64 {
        (finished.iter().map(f).sum::<f64>() / n * 10.0).round() / 10.0
    };
    let averages = json!({
        "total": avg(&|r| r.result.score.total),
        "burning_issue": avg(&|r| r.result.score.burning_issue as f64),
        "insider": avg(&|r| r.result.score.insider as f64),
        "sequencing": avg(&|r| r.result.score.sequencing as f64),
    });
    let expert = match (&room.expert, room.session.revealed) {
        (Some(Some(e)), true) => json!({
            "total": e.score.total,
            "outcome": e.outcome.map(|o| o.key()),
            "steps": e.steps.iter().map(|s| json!({
                "choice": s.choice,
                "label": { "en": s.label.en, "zh": s.label.zh },
                "points": s.deltas.iter().map(|d| d.points as i64).sum::<i64>(),
            })).collect::<Vec<_>>(),
        }),
        _ => Value::Null,
    };
    let title = &room.case.case.title;
    json!({
        "session": room.session.id,
        "title": { "en": title.en, "zh": title.zh },
        "case": room.session.case_key,
        "seed": room.session.seed,
        "code": room.session.join_code,
        "join": room.home,
        "ended": room.session.ended.is_some(),
        "revealed": room.session.revealed,
        "expert_ready": room.expert.is_some(),
        "counts": {
            "joined": room.trainees.len(),
            "finished": finished.len(),
            "playing": room.trainees.len() - finished.len(),
        },
        "trainees": trainees,
        "leaderboard": board,
        "costly": costly,
        "histogram": bins,
        "averages": averages,
        "expert": expert,
    })
}
