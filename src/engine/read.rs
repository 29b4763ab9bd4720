//! The trainee's own read of a person: what he concludes about role, influence, attitude and
//! the five dimensions. It changes nothing in the deal; the debrief sets it beside the truth.
//!
//! In a choices file (simulate, scripted play) a read is one line:
//! `read wang_chao role=TechnicalEvaluator influence=5 attitude=Supporter needs=Security`
//! with any of role, influence, attitude, needs, change, concern, closeness.

use serde::{Deserialize, Serialize};

use super::compile::{Compiled, Ix};
use super::state::State;
use crate::case::model::{Attitude, BuyingRole, ChangeAttitude, Closeness, Concern, Needs};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Read {
    pub person: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<BuyingRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub influence: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude: Option<Attitude>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<Needs>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<ChangeAttitude>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concern: Option<Concern>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closeness: Option<Closeness>,
    /// The week the read was recorded.
    #[serde(default)]
    pub week: u32,
}

/// How close the contact with a person really is: meetings held, and how he stands.
pub fn closeness(s: &State, p: Ix) -> Closeness {
    let person = &s.people[p as usize];
    match person.meetings {
        0 => Closeness::None,
        1 => Closeness::Occasional,
        _ if person.meetings >= 3 && person.attitude >= Attitude::Supporter => Closeness::Close,
        _ => Closeness::Regular,
    }
}

/// The truth of a person, as a read would be if it were perfect.
pub fn truth(c: &Compiled, s: &State, p: Ix) -> Read {
    let truth = c.truth_of(s.variant);
    let person = c.stakeholder(p);
    Read {
        person: c.stakeholders.names[p as usize].clone(),
        role: Some(truth.role[p as usize]),
        influence: Some(truth.influence[p as usize]),
        attitude: Some(s.attitude(p)),
        needs: Some(person.needs),
        change: Some(person.change),
        concern: person.concern,
        closeness: Some(closeness(s, p)),
        week: s.week,
    }
}

fn parse_enum<T: serde::de::DeserializeOwned>(value: &str) -> Option<T> {
    ron::de::from_str(value).ok()
}

impl Read {
    /// Parse `read PERSON key=value …` (the leading `read` already removed or not).
    pub fn parse(line: &str) -> Result<Read, String> {
        let mut words = line.split_whitespace();
        let mut first = words.next().ok_or("a read needs a person")?;
        if first == "read" {
            first = words
                .next()
                .ok_or("a read needs a person: `read ID role=…`")?;
        }
        let mut r = Read {
            person: first.to_string(),
            ..Read::default()
        };
        for w in words {
            let (key, value) = w
                .split_once('=')
                .ok_or_else(|| format!("`{w}`: write key=value, e.g. role=DecisionMaker"))?;
            let bad = |what: &str| format!("`{value}` is not a {what} (in `{w}`)");
            match key {
                "role" => r.role = Some(parse_enum(value).ok_or_else(|| bad("buying role"))?),
                "influence" => {
                    let n: u8 = value
                        .parse()
                        .ok()
                        .filter(|n| *n <= 5)
                        .ok_or_else(|| bad("influence 0–5"))?;
                    r.influence = Some(n);
                }
                "attitude" => r.attitude = Some(parse_enum(value).ok_or_else(|| bad("attitude"))?),
                "needs" => r.needs = Some(parse_enum(value).ok_or_else(|| bad("needs level"))?),
                "change" => {
                    r.change = Some(parse_enum(value).ok_or_else(|| bad("attitude to change"))?)
                }
                "concern" => r.concern = Some(parse_enum(value).ok_or_else(|| bad("concern"))?),
                "closeness" => {
                    r.closeness = Some(parse_enum(value).ok_or_else(|| bad("closeness"))?)
                }
                _ => {
                    return Err(format!(
                        "unknown key `{key}`: use role, influence, attitude, needs, change, concern or closeness"
                    ));
                }
            }
        }
        Ok(r)
    }

    /// The line `parse` reads back (unit enums print as RON writes them).
    pub fn to_line(&self) -> String {
        let mut out = format!("read {}", self.person);
        let mut add = |key: &str, v: Option<String>| {
            if let Some(v) = v {
                out.push_str(&format!(" {key}={v}"));
            }
        };
        add("role", self.role.map(|v| format!("{v:?}")));
        add("influence", self.influence.map(|v| v.to_string()));
        add("attitude", self.attitude.map(|v| format!("{v:?}")));
        add("needs", self.needs.map(|v| format!("{v:?}")));
        add("change", self.change.map(|v| format!("{v:?}")));
        add("concern", self.concern.map(|v| format!("{v:?}")));
        add("closeness", self.closeness.map(|v| format!("{v:?}")));
        out
    }
}
