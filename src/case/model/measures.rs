//! Measures the course uses: headline score kinds, the rank judgement, the 5K rubric rows and
//! the funnel milestones (seed 001).

use serde::{Deserialize, Serialize};

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

/// The mistakes the engine itself recognises, the same in every case. Each is a named trap
/// with its own teaching note; `analyze` reports the best line that contains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mistake {
    OverHead,
    TopCold,
    SkippedLevel,
    TopUnprepared,
    NoLetter,
    WastedMeeting,
    MoneyBeforeQualified,
    InvestedEarly,
    LateExit,
    NeverReachedTop,
    ClosedFirst,
    EmptySummary,
    PitchFirst,
    PayoffFirst,
    WrongIssue,
    InsiderLikesYou,
    InsiderOldFriend,
    InsiderHighestRank,
    InsiderCompetitorsMan,
    InsiderNoInfluence,
    WrongRank,
}

impl Mistake {
    pub const ALL: [Mistake; 21] = [
        Mistake::OverHead,
        Mistake::TopCold,
        Mistake::SkippedLevel,
        Mistake::TopUnprepared,
        Mistake::NoLetter,
        Mistake::WastedMeeting,
        Mistake::MoneyBeforeQualified,
        Mistake::InvestedEarly,
        Mistake::LateExit,
        Mistake::NeverReachedTop,
        Mistake::ClosedFirst,
        Mistake::EmptySummary,
        Mistake::PitchFirst,
        Mistake::PayoffFirst,
        Mistake::WrongIssue,
        Mistake::InsiderLikesYou,
        Mistake::InsiderOldFriend,
        Mistake::InsiderHighestRank,
        Mistake::InsiderCompetitorsMan,
        Mistake::InsiderNoInfluence,
        Mistake::WrongRank,
    ];
    /// Bit of this mistake in a deal's record (authored traps follow these).
    pub fn bit(self) -> u64 {
        1 << (self as u32)
    }
    pub fn key(self) -> &'static str {
        match self {
            Mistake::OverHead => "over_head",
            Mistake::TopCold => "top_cold",
            Mistake::SkippedLevel => "skipped_level",
            Mistake::TopUnprepared => "top_unprepared",
            Mistake::NoLetter => "no_letter",
            Mistake::WastedMeeting => "wasted_meeting",
            Mistake::MoneyBeforeQualified => "money_before_qualified",
            Mistake::InvestedEarly => "invested_early",
            Mistake::LateExit => "late_exit",
            Mistake::NeverReachedTop => "never_reached_top",
            Mistake::ClosedFirst => "closed_first",
            Mistake::EmptySummary => "empty_summary",
            Mistake::PitchFirst => "pitch_first",
            Mistake::PayoffFirst => "payoff_first",
            Mistake::WrongIssue => "wrong_issue",
            Mistake::InsiderLikesYou => "insider_likes_you",
            Mistake::InsiderOldFriend => "insider_old_friend",
            Mistake::InsiderHighestRank => "insider_highest_rank",
            Mistake::InsiderCompetitorsMan => "insider_competitors_man",
            Mistake::InsiderNoInfluence => "insider_no_influence",
            Mistake::WrongRank => "wrong_rank",
        }
    }
    /// The mistake a results file or a move names (authored traps are not engine mistakes).
    pub fn from_key(key: &str) -> Option<Mistake> {
        Mistake::ALL.iter().copied().find(|m| m.key() == key)
    }
    /// The headline score this mistake belongs to.
    pub fn kind(self) -> ScoreKind {
        use Mistake::*;
        match self {
            WrongIssue => ScoreKind::BurningIssue,
            InsiderLikesYou
            | InsiderOldFriend
            | InsiderHighestRank
            | InsiderCompetitorsMan
            | InsiderNoInfluence => ScoreKind::Insider,
            WrongRank => ScoreKind::Rank,
            _ => ScoreKind::Sequencing,
        }
    }
}

/// Authored traps take the bits after the engine's own mistakes.
pub const FIRST_TRAP_BIT: u32 = Mistake::ALL.len() as u32;
/// At most this many distinct authored trap names in a case.
pub const MAX_TRAPS: usize = 64 - Mistake::ALL.len();
