//! The cast: the customer's people, the seller's side, competitors, and the hidden truths
//! about them (burning issues).

use serde::{Deserialize, Serialize};

use crate::case::text::Text;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seller {
    pub company: Text,
    /// Who the trainee plays.
    pub you: Text,
    #[serde(default)]
    pub colleagues: Vec<Person>,
    /// People outside the customer who can lend credibility (a vendor's senior engineer…).
    #[serde(default)]
    pub allies: Vec<Person>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: Text,
    pub title: Text,
    #[serde(default)]
    pub about: Text,
    /// An ally's willingness to come along (default `Supporter`): below `Neutral` he will
    /// not. Conditions and `Attitude` effects read and move it like a stakeholder's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude: Option<Attitude>,
    /// Weeks in which this ally cannot come (a trip, another project).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub away: Vec<Window>,
}

/// Weeks `from..=to` in which a person is away: nobody can meet him or bring him along.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub from: u32,
    pub to: u32,
    /// Why (shown when a meeting with him is not on offer): "on leave", "at the board in Hong Kong".
    #[serde(default)]
    pub why: Text,
}

impl Window {
    pub fn covers(&self, week: u32) -> bool {
        (self.from..=self.to).contains(&week)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    pub name: Text,
    /// Organisation units (group HQ, subsidiaries, departments) for the org chart.
    #[serde(default)]
    pub units: Vec<Unit>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub parent: Option<String>,
}

/// A person at the customer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    pub id: String,
    pub name: Text,
    pub title: Text,
    #[serde(default)]
    pub unit: Option<String>,
    /// Formal superior (org chart line).
    #[serde(default)]
    pub reports_to: Option<String>,
    pub role: BuyingRole,
    /// Formal power from the title, 0–5.
    pub power: u8,
    /// Real influence on the decision, 0–5.
    pub influence: u8,
    /// Attitude to us at the start (the truth; the trainee sees only what he observes).
    pub attitude: Attitude,
    /// The face this person shows in meetings, if it differs from the truth (a warm host who
    /// backs a rival). A closed question or an insider's word shows the truth.
    #[serde(default)]
    pub shows: Option<Attitude>,
    /// The competitor this person backs, if any ("the competitor's man").
    #[serde(default)]
    pub backs: Option<String>,
    /// Five-dimension read: needs level (Maslow).
    #[serde(default)]
    pub needs: Needs,
    /// Five-dimension read: attitude to change.
    #[serde(default)]
    pub change: ChangeAttitude,
    /// Five-dimension read: what they weigh when deciding, in words.
    #[serde(default)]
    pub concerns: Text,
    /// Five-dimension read: the kind of concern, for scoring the trainee's read.
    #[serde(default)]
    pub concern: Option<Concern>,
    /// Why a trainee might pick this person as insider although they are the wrong one.
    #[serde(default)]
    pub traps: Vec<InsiderTrap>,
    /// Known to the trainee from the first turn.
    #[serde(default)]
    pub known: bool,
    /// Profile shown once the person is known.
    #[serde(default)]
    pub about: Text,
    /// A PNG portrait, relative to the case file's folder (e.g. "portraits/wang.png").
    #[serde(default)]
    pub portrait: Option<String>,
    /// Weeks in which he is away (leave, a posting abroad): no choice that meets him is
    /// offered then. A variant can move them (`Away` change).
    #[serde(default)]
    pub away: Vec<Window>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BuyingRole {
    DecisionMaker,
    ProjectLead,
    TechnicalEvaluator,
    User,
    Purchaser,
    Gatekeeper,
    OutsideExpert,
    /// Formally signs off (a finance director, a parent company) but follows a recommendation.
    Approver,
    /// A board or committee that decides together; weighed like a decision maker.
    Board,
    /// Formerly involved, no longer has a say.
    Sidelined,
}

impl BuyingRole {
    pub const ALL: [BuyingRole; 10] = [
        BuyingRole::DecisionMaker,
        BuyingRole::ProjectLead,
        BuyingRole::TechnicalEvaluator,
        BuyingRole::User,
        BuyingRole::Purchaser,
        BuyingRole::Gatekeeper,
        BuyingRole::OutsideExpert,
        BuyingRole::Approver,
        BuyingRole::Board,
        BuyingRole::Sidelined,
    ];
    /// Whether this role makes the final call (the decision model weighs it more).
    pub fn decides(self) -> bool {
        matches!(self, BuyingRole::DecisionMaker | BuyingRole::Board)
    }
    pub fn index(self) -> usize {
        BuyingRole::ALL.iter().position(|&r| r == self).unwrap_or(0)
    }
}

/// Attitude to us, from worst to best (order matters for conditions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Attitude {
    Opponent,
    NonSupporter,
    Neutral,
    Supporter,
    Mentor,
}

impl Attitude {
    pub const ALL: [Attitude; 5] = [
        Attitude::Opponent,
        Attitude::NonSupporter,
        Attitude::Neutral,
        Attitude::Supporter,
        Attitude::Mentor,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn from_index(i: i32) -> Attitude {
        Attitude::ALL[i.clamp(0, 4) as usize]
    }
    /// How willing this person is to help us win, 0.0–1.0.
    pub fn willingness(self) -> f64 {
        match self {
            Attitude::Opponent => 0.0,
            Attitude::NonSupporter => 0.1,
            Attitude::Neutral => 0.35,
            Attitude::Supporter => 0.8,
            Attitude::Mentor => 1.0,
        }
    }
}

/// Maslow level of the person's needs.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Needs {
    Survival,
    #[default]
    Security,
    Belonging,
    Esteem,
    SelfActualisation,
}

impl Needs {
    pub const ALL: [Needs; 5] = [
        Needs::Survival,
        Needs::Security,
        Needs::Belonging,
        Needs::Esteem,
        Needs::SelfActualisation,
    ];
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ChangeAttitude {
    Embraces,
    #[default]
    Cautious,
    Resists,
}

impl ChangeAttitude {
    pub const ALL: [ChangeAttitude; 3] = [
        ChangeAttitude::Embraces,
        ChangeAttitude::Cautious,
        ChangeAttitude::Resists,
    ];
}

/// What a person weighs most when deciding (five-dimension read: decision concerns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Concern {
    /// Price and budget.
    Cost,
    /// Not being blamed if it goes wrong.
    Risk,
    /// The business result the purchase must deliver.
    Results,
    /// His own career or standing.
    Career,
    /// Being seen and respected.
    Recognition,
    /// Keeping good relations (with colleagues, with a vendor).
    Relationships,
    /// The technology itself.
    Technology,
}

impl Concern {
    pub const ALL: [Concern; 7] = [
        Concern::Cost,
        Concern::Risk,
        Concern::Results,
        Concern::Career,
        Concern::Recognition,
        Concern::Relationships,
        Concern::Technology,
    ];
}

/// How close the contact between this person and us is (five-dimension read). Follows
/// from the meetings held and how he stands toward us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Closeness {
    None,
    Occasional,
    Regular,
    Close,
}

impl Closeness {
    pub const ALL: [Closeness; 4] = [
        Closeness::None,
        Closeness::Occasional,
        Closeness::Regular,
        Closeness::Close,
    ];
}

/// The classic wrong reasons to trust someone as insider (course: 找内线).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InsiderTrap {
    LikesYou,
    OldFriend,
    HighestRank,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competitor {
    pub id: String,
    pub name: Text,
    /// Standing with the customer, 0–10.
    pub strength: u8,
    #[serde(default)]
    pub about: Text,
    /// What this competitor does when it acts; the engine picks one each time, seeded.
    /// Empty: the competitor never acts (its strength and backers still count).
    #[serde(default)]
    pub moves: Vec<CompetitorMove>,
    /// Chance in percent that it acts in a given week (default: 10 + 6 × strength).
    #[serde(default)]
    pub activity: Option<u8>,
    /// First week in which it acts (default 1).
    #[serde(default)]
    pub from_week: Option<u32>,
}

/// A competitor's repertoire. Targets left out are chosen by the engine: the most
/// influential person the move can still turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CompetitorMove {
    /// Court a stakeholder until he backs them.
    Court(Option<String>),
    /// Cut the price: their standing rises.
    CutPrice,
    /// Bring their own expert to the technical people (an ally of ours present blunts it).
    BringExpert,
    /// Push the decision date earlier by a week.
    PushDate,
    /// Spread doubt about us with one of our supporters.
    SpreadDoubt(Option<String>),
}

/// A candidate burning issue. Decoys look plausible but are not what drives the decision.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BurningIssue {
    pub id: String,
    /// Whose issue it is.
    pub owner: String,
    pub text: Text,
    /// The real one (true) or a decoy (false). A variant may change this.
    pub real: bool,
    /// Why it is (or is not) the burning issue: personal, time-immediate, a dilemma.
    pub explain: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub text: Text,
}
