//! xAPI (Experience API 1.0.3) statements of a classroom session: who did what, with what
//! result. One statement when a trainee joins (`initialized`), one per choice (`responded`,
//! the choice as the object, its score changes as the result), one per read of a person
//! (`commented`), and one when the deal ends (`completed`, plus `passed` or `failed` against
//! the pass mark), with the headline scores as result extensions.
//!
//! Statement ids are UUIDs derived from the session, the trainee and the move, so a statement
//! forwarded twice to an LRS (after a retry) is the same statement, which the LRS keeps once.

use serde_json::{Value, json};

use crate::engine::game::Move;
use crate::results::ResultsFile;

/// The IRI prefix of Dealcraft's activities and extensions.
pub const IRI: &str = "https://dealcraft.dev/xapi";

/// Who a statement is about.
#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    /// The classroom's address (the account's home page).
    pub home: String,
    /// Unique within the home page: the session's uuid and the trainee's number.
    pub account: String,
}

impl Actor {
    fn json(&self) -> Value {
        json!({
            "objectType": "Agent",
            "name": self.name,
            "account": { "homePage": self.home, "name": self.account },
        })
    }
}

/// What every statement of a session shares: the session (the registration) and the case.
#[derive(Debug, Clone)]
pub struct Context {
    pub session_uuid: String,
    pub case_id: String,
    pub case_title_en: String,
    pub case_title_zh: String,
    pub seed: u64,
}

impl Context {
    fn case_activity(&self) -> Value {
        json!({
            "objectType": "Activity",
            "id": format!("{IRI}/cases/{}", iri_segment(&self.case_id)),
            "definition": {
                "type": "http://adlnet.gov/expapi/activities/simulation",
                "name": { "en-US": self.case_title_en, "zh-CN": self.case_title_zh },
            },
        })
    }

    fn json(&self) -> Value {
        json!({
            "registration": self.session_uuid,
            "contextActivities": { "parent": [self.case_activity()] },
            "extensions": { format!("{IRI}/extensions/seed"): self.seed },
        })
    }
}

/// A UUID (version 8, RFC 9562: name-based with our own hash) from the parts.
pub fn uuid_of(parts: &[&str]) -> String {
    let mut h = blake3::Hasher::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update(&[0]);
    }
    let b: [u8; 16] = h.finalize().as_bytes()[..16].try_into().unwrap_or([0; 16]);
    uuid_text(b, 8)
}

/// A random version-4 UUID (a session's registration).
pub fn uuid_v4(bytes: [u8; 16]) -> String {
    uuid_text(bytes, 4)
}

/// `bytes` as a UUID of `version` with the RFC 4122 variant, in its 8-4-4-4-12 text form.
fn uuid_text(mut b: [u8; 16], version: u8) -> String {
    b[6] = (b[6] & 0x0f) | (version << 4);
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Ids are made of `[a-z0-9_-]` by the validator, but a case file from elsewhere may hold any
/// letter: anything else is percent-encoded so the IRI stays valid.
fn iri_segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn verb(id: &str, en: &str) -> Value {
    json!({ "id": format!("http://adlnet.gov/expapi/verbs/{id}"), "display": { "en-US": en } })
}

fn statement(
    id: String,
    actor: &Actor,
    verb: Value,
    object: Value,
    result: Option<Value>,
    cx: &Context,
    at: &str,
) -> (String, String) {
    let mut s = json!({
        "id": id,
        "actor": actor.json(),
        "verb": verb,
        "object": object,
        "context": cx.json(),
        "timestamp": at,
        "version": "1.0.3",
    });
    if let Some(r) = result {
        s["result"] = r;
    }
    (id_of(&s), s.to_string())
}

fn id_of(s: &Value) -> String {
    s["id"].as_str().unwrap_or_default().to_string()
}

/// The trainee joined the session.
pub fn joined(cx: &Context, actor: &Actor, at: &str) -> (String, String) {
    let id = uuid_of(&[&cx.session_uuid, &actor.account, "joined"]);
    statement(
        id,
        actor,
        verb("initialized", "initialized"),
        cx.case_activity(),
        None,
        cx,
        at,
    )
}

/// One choice, with what it scored.
pub fn chose(cx: &Context, actor: &Actor, seq: usize, m: &Move, at: &str) -> (String, String) {
    let id = uuid_of(&[&cx.session_uuid, &actor.account, &seq.to_string()]);
    let object = json!({
        "objectType": "Activity",
        "id": format!("{IRI}/cases/{}/choices/{}", iri_segment(&cx.case_id), iri_segment(&m.choice)),
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/interaction",
            "name": { "en-US": m.label.en, "zh-CN": m.label.zh },
        },
    });
    let deltas: Vec<Value> = m
        .deltas
        .iter()
        .map(|d| json!({ "kind": format!("{:?}", d.kind), "points": d.points }))
        .collect();
    let result = json!({
        "response": m.choice,
        "extensions": {
            format!("{IRI}/extensions/turn"): m.turn,
            format!("{IRI}/extensions/week"): m.week,
            format!("{IRI}/extensions/scene"): m.scene,
            format!("{IRI}/extensions/points"): m.deltas.iter().map(|d| d.points as i64).sum::<i64>(),
            format!("{IRI}/extensions/deltas"): deltas,
        },
    });
    statement(
        id,
        actor,
        verb("responded", "responded"),
        object,
        Some(result),
        cx,
        at,
    )
}

/// The trainee wrote down his read of a person (a `read …` line).
pub fn read(
    cx: &Context,
    actor: &Actor,
    seq: usize,
    person: &str,
    line: &str,
    at: &str,
) -> (String, String) {
    let id = uuid_of(&[&cx.session_uuid, &actor.account, &seq.to_string()]);
    let object = json!({
        "objectType": "Activity",
        "id": format!("{IRI}/cases/{}/people/{}", iri_segment(&cx.case_id), iri_segment(person)),
        "definition": { "type": "http://adlnet.gov/expapi/activities/interaction" },
    });
    let result = json!({ "response": line });
    statement(
        id,
        actor,
        verb("commented", "commented"),
        object,
        Some(result),
        cx,
        at,
    )
}

/// The deal ended: `completed` with the scores, and `passed` or `failed` against `pass_mark`.
pub fn finished(
    cx: &Context,
    actor: &Actor,
    r: &ResultsFile,
    pass_mark: f64,
    at: &str,
) -> Vec<(String, String)> {
    let s = &r.result.score;
    let passed = s.total >= pass_mark;
    let result = json!({
        "score": { "scaled": (s.total / 100.0).clamp(0.0, 1.0), "raw": s.total, "min": 0, "max": 100 },
        "success": passed,
        "completion": true,
        "extensions": {
            format!("{IRI}/extensions/outcome"): r.result.outcome.map(|o| format!("{o:?}")),
            format!("{IRI}/extensions/burning-issue"): s.burning_issue,
            format!("{IRI}/extensions/insider"): s.insider,
            format!("{IRI}/extensions/sequencing"): s.sequencing,
            format!("{IRI}/extensions/moves"): r.result.moves.len(),
        },
    });
    let done = statement(
        uuid_of(&[&cx.session_uuid, &actor.account, "completed"]),
        actor,
        verb("completed", "completed"),
        cx.case_activity(),
        Some(result.clone()),
        cx,
        at,
    );
    let (word, en) = if passed {
        ("passed", "passed")
    } else {
        ("failed", "failed")
    };
    let verdict = statement(
        uuid_of(&[&cx.session_uuid, &actor.account, word]),
        actor,
        verb(word, en),
        cx.case_activity(),
        Some(result),
        cx,
        at,
    );
    vec![done, verdict]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_well_formed_and_stable() {
        let a = uuid_of(&["s", "t", "0"]);
        assert_eq!(a, uuid_of(&["s", "t", "0"]));
        assert_ne!(a, uuid_of(&["s", "t", "1"]));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8");
        assert!("89ab".contains(&a[19..20]));
        let v4 = uuid_v4([0xff; 16]);
        assert_eq!(&v4[14..15], "4");
    }

    #[test]
    fn ids_with_other_letters_stay_valid_iris() {
        assert_eq!(iri_segment("meet-li"), "meet-li");
        assert_eq!(iri_segment("见面"), "%E8%A7%81%E9%9D%A2");
    }
}
