//! The case model: what a case file (RON) says, in the words a sales manager uses.
//!
//! A case is the cast (stakeholders of the customer, the seller's side, competitors), the
//! hidden truths (burning issues and decoys), and the story as scenes with choices. The
//! engine plays it; nothing here knows about screens.

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
}

fn default_currency() -> String {
    "¥".to_string()
}

/// The trainee's own company and the people who can help.
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
    /// Attitude to us at the start.
    pub attitude: Attitude,
    /// The competitor this person backs, if any ("the competitor's man").
    #[serde(default)]
    pub backs: Option<String>,
    #[serde(default)]
    pub needs: Needs,
    #[serde(default)]
    pub change: ChangeAttitude,
    /// What they weigh when deciding.
    #[serde(default)]
    pub concerns: Text,
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
    /// Formerly involved, no longer has a say.
    Sidelined,
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Needs {
    Survival,
    #[default]
    Security,
    Belonging,
    Esteem,
    SelfActualisation,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeAttitude {
    Embraces,
    #[default]
    Cautious,
    Resists,
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

/// A place in the story: the deal board, a meeting, a decision the trainee must commit to.
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
/// Written `BurningIssue` in a case file, `burning_issue` in JSON output.
#[serde(rename_all = "snake_case")]
pub enum ScoreKind {
    #[serde(alias = "BurningIssue")]
    BurningIssue,
    #[serde(alias = "Insider")]
    Insider,
    #[serde(alias = "Sequencing")]
    Sequencing,
    #[serde(alias = "Rank")]
    Rank,
}

impl ScoreKind {
    pub const ALL: [ScoreKind; 4] = [
        ScoreKind::BurningIssue,
        ScoreKind::Insider,
        ScoreKind::Sequencing,
        ScoreKind::Rank,
    ];
    pub fn key(self) -> &'static str {
        match self {
            ScoreKind::BurningIssue => "burning_issue",
            ScoreKind::Insider => "insider",
            ScoreKind::Sequencing => "sequencing",
            ScoreKind::Rank => "rank",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rank {
    FirstChoice,
    Backup,
    ReferenceOnly,
}

/// Whose admission a 5K level rests on: the handler (经办人) or the decision maker (决策者).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    Handler,
    DecisionMaker,
}

/// 5K "problem" rubric rows (seed 001, 销售强度评分 · 问题评分).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PainLevel {
    CannotDescribe,
    AssumesNeed,
    AssumesPain,
    AdmitsNeed,
    AdmitsCause,
    AdmitsPain,
}

/// 5K "power" rubric rows (权力评分).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PowerLevel {
    DecisionMakerUnknown,
    KnowsDecisionMaker,
    KnowsProcess,
    HandlerWillIntroduce,
    DecisionMakerWillExplore,
    AgreesValuePlan,
    AgreesProposal,
    AgreesToBuy,
}

/// 5K "vision" rubric rows (愿景评分).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum VisionLevel {
    NoneOrCompetitors,
    ProductVision,
    DifferentiatedVision,
    CustomerAgrees,
}

/// 5K "value" rubric rows (价值评分).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ValueLevel {
    NotFound,
    Unquantifiable,
    SellerFindsValue,
    CustomerStatesValue,
    CustomerVerifies,
    JointlyVerified,
    AgreedAndFinanced,
}

/// 5K "control" rubric rows (控制评分).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ControlLevel {
    NoRecord,
    HandlerAdmitsPain,
    HandlerIntroduces,
    DecisionMakerDiscusses,
    DecisionMakerRevises,
    PreProposalReview,
    PlanComplete,
}

/// Funnel milestones (销售漏斗, seed 001).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum FunnelStage {
    #[default]
    Lead,
    QualifiedLead,
    QualifiedHandler,
    QualifiedDecisionMaker,
    Decision,
    AwaitingClose,
    Closed,
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
    /// The 5K intensity (sum of the five meters).
    #[serde(default)]
    pub intensity: u32,
    /// The ending's value.
    #[serde(default)]
    pub outcome: u32,
    /// Money left unspent.
    #[serde(default)]
    pub cost: u32,
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

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SequencingScoring {
    /// Points (negative) for meeting a decision maker with nobody inside supporting us.
    #[serde(default = "d_unsupported")]
    pub top_without_support: i32,
    /// Points (negative) for a meeting that taught nothing and moved nobody.
    #[serde(default = "d_wasted")]
    pub wasted_meeting: i32,
}

fn d_unsupported() -> i32 {
    -25
}
fn d_wasted() -> i32 {
    -5
}

impl Default for SequencingScoring {
    fn default() -> Self {
        SequencingScoring {
            top_without_support: -25,
            wasted_meeting: -5,
        }
    }
}
