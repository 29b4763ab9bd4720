//! How a case is scored, and the weights of the customer's decision model.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    pub weights: Weights,
    #[serde(default)]
    pub burning_issue: IssueScoring,
    #[serde(default)]
    pub sequencing: SequencingScoring,
}

/// Weights of the parts of the total. They need not add up to 100.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    #[serde(default)]
    pub burning_issue: u32,
    #[serde(default)]
    pub insider: u32,
    #[serde(default)]
    pub sequencing: u32,
    #[serde(default)]
    pub rank: u32,
    /// The 5K intensity (the product of the five meters, as seed 001 writes it).
    #[serde(default)]
    pub intensity: u32,
    /// The ending's value.
    #[serde(default)]
    pub outcome: u32,
    /// Money left unspent.
    #[serde(default)]
    pub cost: u32,
    /// The trainee's own read of the people he met, beside the truth.
    #[serde(default)]
    pub read: u32,
}

impl Weights {
    /// Where the read's weight is in `in_order`: the last, the only part that is the
    /// trainee's own opinion rather than a result of the moves.
    pub const READ: usize = 7;

    /// The weights of the parts in the order the total lists them: burning issue, insider,
    /// sequencing, rank, intensity, outcome, cost, read.
    pub fn in_order(&self) -> [u32; 8] {
        [
            self.burning_issue,
            self.insider,
            self.sequencing,
            self.rank,
            self.intensity,
            self.outcome,
            self.cost,
            self.read,
        ]
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssueScoring {
    /// Points for naming the real burning issue.
    #[serde(default = "d_correct")]
    pub correct: i32,
    /// Points (usually negative) for naming a decoy.
    #[serde(default = "d_wrong")]
    pub wrong: i32,
    /// Diagnosed by this week: full points.
    #[serde(default = "d_on_time")]
    pub on_time_week: u32,
    /// Points lost for each week later than that.
    #[serde(default = "d_late")]
    pub late_per_week: i32,
}

fn d_correct() -> i32 {
    100
}
fn d_wrong() -> i32 {
    -40
}
fn d_on_time() -> u32 {
    6
}
fn d_late() -> i32 {
    5
}

impl Default for IssueScoring {
    fn default() -> Self {
        IssueScoring {
            correct: 100,
            wrong: -40,
            on_time_week: 6,
            late_per_week: 5,
        }
    }
}

/// What each mistake of sequencing costs, in points off the sequencing score (which starts at
/// 100). Each kind counts once per deal; its consequences in the deal (people offended,
/// money spent) count every time.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SequencingScoring {
    /// Meeting someone above your contact without his introduction.
    pub over_head: i32,
    /// Calling on the top cold, with nobody inside to introduce you.
    #[serde(alias = "top_without_support")]
    pub top_cold: i32,
    /// Introduced past a level: the manager in between was never met.
    pub skipped_level: i32,
    /// Meeting the decision maker before you have diagnosed anything.
    pub top_unprepared: i32,
    /// No letter after meeting the decision maker.
    pub no_letter: i32,
    /// A meeting that taught nothing and moved nobody.
    pub wasted_meeting: i32,
    /// Spending money on a lead that is not yet qualified.
    pub money_before_qualified: i32,
    /// A big spend (see `big_spend`) before the decision maker agreed to explore.
    pub invested_early: i32,
    /// Walking away after much of the time or money is gone.
    pub late_exit: i32,
    /// The customer decided and you never met the decision maker.
    pub never_reached_top: i32,
    /// A closed question before any open one.
    pub closed_first: i32,
    /// A summary before anything was asked.
    pub empty_summary: i32,
    /// Presenting before asking anything.
    pub pitch_first: i32,
    /// Asking for the payoff before the problem is on the table.
    pub payoff_first: i32,
    /// A single spend of at least this share of the budget, in percent, counts as big.
    pub big_spend: u8,
}

impl Default for SequencingScoring {
    fn default() -> Self {
        SequencingScoring {
            over_head: -20,
            top_cold: -25,
            skipped_level: -15,
            top_unprepared: -20,
            no_letter: -15,
            wasted_meeting: -10,
            money_before_qualified: -15,
            invested_early: -20,
            late_exit: -15,
            never_reached_top: -30,
            closed_first: -5,
            empty_summary: -5,
            pitch_first: -10,
            payoff_first: -5,
            big_spend: 15,
        }
    }
}

/// How the customer decides. Each stakeholder leans toward us or a competitor by his
/// attitude and whom he backs, weighted by his real influence (more for the decision maker);
/// our pull is cut by a weak 5K intensity, a proposal that misses the burning issue, a weak
/// insider, and never having met the decision maker. The chance of winning follows, and one
/// seeded draw decides.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionModel {
    /// The ending when we win outright.
    pub won: String,
    /// The ending when a competitor wins (or the customer buys nothing).
    pub lost: String,
    /// The ending when we have a partner (coopetition) and either of us wins.
    #[serde(default)]
    pub shared: Option<String>,
    /// Endings for losing to a particular competitor: `[("ibm", "lost_ibm")]`.
    #[serde(default)]
    pub lost_to: Vec<(String, String)>,
    #[serde(default)]
    pub weights: DecisionWeights,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DecisionWeights {
    /// How many times a decision maker's influence counts (1–10).
    pub decision_maker: u8,
    /// How sharply the strongest position wins (1–6): 1 is a lottery, 6 nearly certain.
    pub decisiveness: u8,
    /// Percent of our pull lost when the proposal does not answer the real burning issue.
    pub burning_issue: u8,
    /// Percent of our pull lost without a good insider (scaled by the insider's quality).
    pub insider: u8,
    /// How much a weak 5K intensity cuts our pull (0: not at all, 100: in full).
    pub intensity: u8,
    /// Percent of our pull kept when we never met the decision maker.
    pub without_decision_maker: u8,
    /// Percent of our pull kept while a decision maker is against us (non-supporter or
    /// worse): the top can undo everything below in one sentence.
    pub decision_maker_against: u8,
    /// The pull of buying nothing at all, in percent of a full pull.
    pub status_quo: u8,
}

impl Default for DecisionWeights {
    fn default() -> Self {
        DecisionWeights {
            decision_maker: 3,
            decisiveness: 3,
            burning_issue: 50,
            insider: 30,
            intensity: 50,
            without_decision_maker: 10,
            decision_maker_against: 0,
            status_quo: 15,
        }
    }
}
