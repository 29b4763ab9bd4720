//! The story: scenes, choices, the conditions and effects that tie them to the deal,
//! events, variants and endings.

use serde::{Deserialize, Serialize};

use super::measures::*;
use super::people::*;
use crate::case::text::Text;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scene {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub kind: SceneKind,
    pub text: Text,
    /// Extra paragraphs shown only when their conditions hold (variants, what you know).
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum SceneKind {
    /// The deal board: choose the next action.
    #[default]
    Board,
    /// A conversation with these stakeholders (ids).
    Meeting(Vec<String>),
    /// A moment of commitment.
    Decision(DecisionKind),
    /// Narration (a trip, an event) with choices to continue.
    Story,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DecisionKind {
    BurningIssue,
    Insider,
    Rank,
    /// Follow the lead or not.
    Qualify,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub when: Vec<Condition>,
    pub text: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique in the whole case: scripts and results name choices by id.
    pub id: String,
    pub label: Text,
    /// The kind of action, for grouping on the deal board.
    #[serde(default)]
    pub action: Action,
    /// Conditions that must all hold for the choice to be offered.
    #[serde(default)]
    pub when: Vec<Condition>,
    #[serde(default)]
    pub cost: Cost,
    /// Stakeholders met by this choice (drives the sequencing score).
    #[serde(default)]
    pub meets: Vec<String>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// What happens / what they say, shown after the choice.
    #[serde(default)]
    pub reply: Text,
    /// The teaching note: why this move is good or bad. Required.
    pub note: Text,
    /// Outcomes that depend on the situation or on chance: the first that applies is used.
    #[serde(default)]
    pub branches: Vec<Branch>,
    /// Scene to go to next (default: stay in this scene).
    #[serde(default)]
    pub go: Option<String>,
    /// End the deal with this ending.
    #[serde(default)]
    pub end: Option<String>,
    /// May be chosen again (must then cost time, so a deal always ends).
    #[serde(default)]
    pub repeatable: bool,
    /// Who arranged the meeting (a stakeholder who introduces you). The engine judges the
    /// order of meetings from it: meeting someone above your contact without him is going
    /// over his head.
    #[serde(default)]
    pub via: Option<String>,
    /// The kind of question this line asks (vertical strategy, SPIN); the engine scores the
    /// order and decides what the question reveals about the person.
    #[serde(default)]
    pub ask: Option<Ask>,
    /// A named trap (the course's classic mistake this line makes), for trap analysis.
    #[serde(default)]
    pub trap: Option<String>,
}

/// Question types. Open → closed → summary is the vertical strategy (井字纵向); situation,
/// problem, implication and need-payoff are SPIN. `Pitch` presents instead of asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ask {
    Open,
    Closed,
    Summary,
    Situation,
    Problem,
    Implication,
    NeedPayoff,
    Pitch,
}

impl Ask {
    pub const ALL: [Ask; 8] = [
        Ask::Open,
        Ask::Closed,
        Ask::Summary,
        Ask::Situation,
        Ask::Problem,
        Ask::Implication,
        Ask::NeedPayoff,
        Ask::Pitch,
    ];
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Something about a person the trainee can find out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Aspect {
    Role,
    Influence,
    Attitude,
    Backs,
    Needs,
    Change,
    Concerns,
}

impl Aspect {
    pub const ALL: [Aspect; 7] = [
        Aspect::Role,
        Aspect::Influence,
        Aspect::Attitude,
        Aspect::Backs,
        Aspect::Needs,
        Aspect::Change,
        Aspect::Concerns,
    ];
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// What someone tells the trainee about a person: it goes on the card as told, true or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Claim {
    Role(BuyingRole),
    Influence(u8),
    Attitude(Attitude),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    Meet,
    Introduction,
    Invite,
    BringAlly,
    Research,
    Propose,
    Negotiate,
    Decide,
    Withdraw,
    /// A letter or written summary to the customer.
    Letter,
    /// A line in a conversation.
    #[default]
    Talk,
    /// Move on.
    Continue,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    #[serde(default)]
    pub weeks: u32,
    #[serde(default)]
    pub money: u32,
    /// Wait until this week has begun (a tender date, a board meeting): the move takes at
    /// least until then, and `weeks` more if that is later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<u32>,
}

impl Cost {
    /// The weeks this costs when taken in `week`.
    pub fn weeks_from(&self, week: u32) -> u32 {
        let waited = self.until.map_or(0, |u| u.saturating_sub(week));
        self.weeks.max(waited)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Chance in percent (1–100) that this branch is taken when its conditions hold.
    #[serde(default)]
    pub chance: Option<u8>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub reply: Text,
    #[serde(default)]
    pub note: Text,
    #[serde(default)]
    pub go: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
}

/// A condition on what the trainee knows and has done, on people's attitudes, time and money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    Knows(String),
    NotKnows(String),
    Flag(String),
    NotFlag(String),
    /// The trainee has met the stakeholder (a choice with `meets` was taken).
    Met(String),
    NotMet(String),
    /// The stakeholder is known to the trainee (on the map).
    Known(String),
    AttitudeAtLeast(String, Attitude),
    AttitudeAtMost(String, Attitude),
    WeekAtMost(u32),
    WeekAtLeast(u32),
    MoneyAtLeast(u32),
    Chose(String),
    NotChose(String),
    Variant(String),
    Insider(String),
    NoInsider,
    HasInsider,
    Diagnosed(String),
    /// The trainee judged our rank like this.
    RankJudged(Rank),
    CompetitorAtLeast(String, u8),
    CompetitorAtMost(String, u8),
    CompetitorOut(String),
    /// The competitor has become our partner (coopetition).
    Partner(String),
    /// This stakeholder backs this competitor now (`None`: backs nobody).
    Backs(String, Option<String>),
    /// The trainee has found out this about the person.
    Observed(String, Aspect),
    /// Our proposal is built around this burning issue.
    Proposed(String),
    /// We have an insider of at least this quality (0–100: real influence × willingness).
    InsiderAtLeast(u8),
    /// An ally has been brought in.
    AllyBrought(String),
    /// Our chance of winning, were the customer to decide now, is at least this percent
    /// (what a salesperson reads from the signals; authors use it for signal texts).
    ChanceAtLeast(u8),
    ChanceAtMost(u8),
    /// Our rank with the customer right now, as the decision model sees it.
    RankIs(Rank),
    /// The decision date is at most this many weeks away.
    DecisionWithin(u32),
    /// This person (a stakeholder or an ally) is away this week (`away` windows).
    Away(String),
    Any(Vec<Condition>),
    All(Vec<Condition>),
    Not(Box<Condition>),
}

/// What a choice (or event) changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// A fact goes into the notebook.
    Learn(String),
    /// A stakeholder becomes known (appears on the map).
    Reveal(String),
    Set(String),
    Clear(String),
    /// Move a stakeholder's attitude by steps (+1 = one step friendlier).
    Attitude(String, i8),
    /// Move a competitor's standing.
    Competitor(String, i8),
    /// A competitor leaves the race.
    Eliminate(String),
    /// Points for a headline score, with the choice's note as the reason.
    Score(ScoreKind, i32),
    /// The trainee commits to a burning issue (scored from the case's truth).
    Diagnose(String),
    /// The trainee makes this stakeholder the insider (scored from influence × willingness).
    ChooseInsider(String),
    /// The trainee's judgement of where we rank.
    JudgeRank(Rank),
    Pain(PainLevel, Level),
    Power(PowerLevel),
    Vision(VisionLevel, Level),
    Value(ValueLevel, Level),
    Control(ControlLevel),
    Funnel(FunnelStage),
    /// Extra money in or out (a refund, a penalty).
    Money(i32),
    /// A line for the news feed.
    News(Text),
    /// The trainee finds out the truth about this aspect of the person.
    Observe(String, Aspect),
    /// Someone tells the trainee this about the person (true or not).
    Hear(String, Claim),
    /// The proposal's unique customer value (UCV) answers this burning issue.
    Propose(String),
    /// The customer decides now (a tender, a board meeting): the deal model computes it.
    Decide,
    /// Move the decision date by this many weeks (+ later, − earlier).
    Delay(i8),
    /// A competitor becomes our partner: whichever of us wins, both deliver.
    Partner(String),
    /// An ally (seller side) comes along: credibility with technical people.
    BringAlly(String),
    /// The letter after meeting the decision maker: goal, situation, needs, next steps.
    Letter,
    /// A stakeholder changes camp: backs this competitor (or nobody).
    SetBacks(String, Option<String>),
}

/// Something that happens without the trainee: a competitor's move, a visit, a deadline.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub when: Timing,
    #[serde(default, rename = "if")]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub effects: Vec<Effect>,
    pub news: Text,
    /// Interrupt the trainee: jump to this scene when the event fires.
    #[serde(default)]
    pub go: Option<String>,
    /// Only in these variants (empty: in every one). A variant switches the event on.
    #[serde(default)]
    pub variants: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Timing {
    /// Once this week has begun (checked after each move; waits while its `if` fails).
    Week(u32),
    /// Each week in `from..=to`, with this percent chance, until it fires once.
    Chance { percent: u8, from: u32, to: u32 },
}

/// A seeded variant: the seed picks one, so a replay is not a memory test.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub id: String,
    #[serde(default = "one")]
    pub weight: u32,
    #[serde(default)]
    pub about: Text,
    pub changes: Vec<Change>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    Attitude(String, Attitude),
    Influence(String, u8),
    Backs(String, Option<String>),
    /// Move an event with `Week` timing to another week.
    EventWeek(String, u32),
    /// Whether this burning issue is the real one in this variant.
    RealIssue(String, bool),
    /// Effects applied at the start.
    Effects(Vec<Effect>),
    /// The person's buying role in this variant.
    Role(String, BuyingRole),
    /// The face the person shows in this variant (`None`: his true attitude).
    Shows(String, Option<Attitude>),
    /// A competitor's standing at the start.
    Strength(String, u8),
    /// The week the customer decides.
    DecisionWeek(u32),
    /// Who owns this burning issue in this variant.
    IssueOwner(String, String),
    /// When this person (stakeholder or ally) is away in this variant: replaces the `away`
    /// written on him (`[]`: always there).
    Away(String, Vec<Window>),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub id: String,
    pub title: Text,
    pub outcome: Outcome,
    /// How good this ending is for the trainee, 0–100 (a timely walk-away can be 100).
    pub value: u8,
    pub text: Text,
    #[serde(default)]
    pub funnel: Option<FunnelStage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
/// Written `Won` in a case file, `won` in JSON output.
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[serde(alias = "Won")]
    Won,
    #[serde(alias = "Lost")]
    Lost,
    #[serde(alias = "Withdrew")]
    Withdrew,
    #[serde(alias = "TimedOut")]
    TimedOut,
}

impl Outcome {
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Won => "won",
            Outcome::Lost => "lost",
            Outcome::Withdrew => "withdrew",
            Outcome::TimedOut => "timed_out",
        }
    }
}
