//! The case model: what a case file (RON) says, in the words a sales manager uses.
//!
//! A case is the cast (stakeholders of the customer, the seller's side, competitors), the
//! hidden truths (burning issues and decoys), and the story as scenes with choices. The
//! engine plays it; nothing here knows about screens.

mod measures;
mod people;
mod scoring;
mod story;

pub use measures::*;
pub use people::*;
pub use scoring::*;
pub use story::*;

use serde::{Deserialize, Serialize};

use super::text::Text;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Short id used on the command line and in results files, e.g. "haicheng".
    pub id: String,
    pub title: Text,
    /// One or two sentences for the case list.
    pub summary: Text,
    #[serde(default)]
    pub difficulty: Difficulty,
    /// The lead as it reaches the salesperson (shown on the briefing screen).
    pub briefing: Text,
    pub calendar: Calendar,
    pub seller: Seller,
    pub customer: Customer,
    pub stakeholders: Vec<Stakeholder>,
    #[serde(default)]
    pub competitors: Vec<Competitor>,
    #[serde(default)]
    pub burning_issues: Vec<BurningIssue>,
    /// Things the trainee can learn; they go into the notebook.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// The scene the deal starts in.
    pub start: String,
    pub scenes: Vec<Scene>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub variants: Vec<Variant>,
    pub endings: Vec<Ending>,
    /// How the customer decides: the deal model's weights and the endings it leads to.
    /// Without it, a deal ends only through authored endings, withdrawal or time-out.
    #[serde(default)]
    pub decision: Option<DecisionModel>,
    pub scoring: Scoring,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    #[default]
    Medium,
    Hard,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// Weeks until the deal is decided without you.
    pub weeks: u32,
    /// Sales budget for trips, dinners, seminars.
    pub budget: u32,
    /// Currency sign shown beside money, e.g. "¥".
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The ending used when the calendar runs out.
    pub timeout_ending: String,
    /// The week the customer decides (the tender date), if fixed. Competitors may push it
    /// earlier; a choice may delay it. Needs a `decision` model.
    #[serde(default)]
    pub decision_week: Option<u32>,
}

fn default_currency() -> String {
    "¥".to_string()
}
