//! The allowed words of the case format's enums, read from the model's own `Deserialize`
//! implementations (serde hands every enum's variant names to `deserialize_enum`), so the
//! editor's completion can never drift from what the loader accepts.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::case::model::*;

#[derive(Debug)]
struct Found(&'static [&'static str]);

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "variants")
    }
}
impl std::error::Error for Found {}
impl de::Error for Found {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Found(&[])
    }
}

struct Names;

impl<'de> Deserializer<'de> for Names {
    type Error = Found;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found(&[]))
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Found> {
        Err(Found(variants))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

fn variants<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    match T::deserialize(Names) {
        Err(Found(v)) => v,
        Ok(_) => &[],
    }
}

/// The words allowed after `field:` (or inside `field: Some(`), if the field is an enum.
/// (`when` is a choice's conditions or an event's timing: both sets.)
pub fn for_field(field: &str) -> Vec<&'static str> {
    if field == "when" {
        let mut v = variants::<Condition>().to_vec();
        v.extend_from_slice(variants::<Timing>());
        return v;
    }
    let words: &'static [&'static str] = match field {
        "role" => variants::<BuyingRole>(),
        "attitude" | "shows" => variants::<Attitude>(),
        "needs" => variants::<Needs>(),
        "change" => variants::<ChangeAttitude>(),
        "concern" => variants::<Concern>(),
        "closeness" => variants::<Closeness>(),
        "traps" => variants::<InsiderTrap>(),
        "moves" => variants::<CompetitorMove>(),
        "kind" => variants::<SceneKind>(),
        "ask" => variants::<Ask>(),
        "action" => variants::<Action>(),
        "outcome" => variants::<Outcome>(),
        "difficulty" => variants::<Difficulty>(),
        "if" => variants::<Condition>(),
        "effects" => variants::<Effect>(),
        "changes" => variants::<Change>(),
        _ => &[],
    };
    words.to_vec()
}

/// The words allowed as argument `index` of `call` (`AttitudeAtLeast("x", Supporter)`), where
/// that argument is one of the format's enums.
pub fn for_argument(call: &str, index: usize) -> Vec<&'static str> {
    let words: &'static [&'static str] = match (call, index) {
        ("AttitudeAtLeast" | "AttitudeAtMost" | "Attitude" | "Shows", 1) => variants::<Attitude>(),
        ("Role", 1) => variants::<BuyingRole>(),
        ("Observe" | "Observed", 1) => variants::<Aspect>(),
        ("Hear", 1) => variants::<Claim>(),
        ("RankJudged" | "RankIs" | "JudgeRank", 0) => variants::<Rank>(),
        ("Pain", 0) => variants::<PainLevel>(),
        ("Power", 0) => variants::<PowerLevel>(),
        ("Vision", 0) => variants::<VisionLevel>(),
        ("Value", 0) => variants::<ValueLevel>(),
        ("Pain" | "Vision" | "Value", 1) => variants::<Level>(),
        ("Control", 0) => variants::<ControlLevel>(),
        ("Funnel", 0) => variants::<FunnelStage>(),
        ("Score", 0) => variants::<ScoreKind>(),
        ("Decision", 0) => variants::<DecisionKind>(),
        _ => &[],
    };
    words.to_vec()
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_come_from_the_model() {
        assert!(super::for_field("role").contains(&"DecisionMaker"));
        assert!(super::for_field("when").contains(&"Met"));
        assert!(super::for_field("effects").contains(&"Decide"));
        assert!(super::for_field("title").is_empty());
        assert!(super::for_argument("AttitudeAtLeast", 1).contains(&"Supporter"));
        assert!(super::for_argument("Value", 1).contains(&"DecisionMaker"));
    }
}
