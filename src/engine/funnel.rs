//! Funnel milestones (销售漏斗) and the probability each stands for (seed 001).

use crate::case::model::FunnelStage;
use crate::case::text::Text;

impl FunnelStage {
    pub const ALL: [FunnelStage; 7] = [
        FunnelStage::Lead,
        FunnelStage::QualifiedLead,
        FunnelStage::QualifiedHandler,
        FunnelStage::QualifiedDecisionMaker,
        FunnelStage::Decision,
        FunnelStage::AwaitingClose,
        FunnelStage::Closed,
    ];

    /// Win probability of the milestone, in percent.
    pub fn percent(self) -> u8 {
        match self {
            FunnelStage::Lead => 0,
            FunnelStage::QualifiedLead => 10,
            FunnelStage::QualifiedHandler => 25,
            FunnelStage::QualifiedDecisionMaker => 50,
            FunnelStage::Decision => 75,
            FunnelStage::AwaitingClose => 90,
            FunnelStage::Closed => 100,
        }
    }

    pub fn name(self) -> Text {
        let (en, zh) = match self {
            FunnelStage::Lead => ("Raw lead", "销售线索"),
            FunnelStage::QualifiedLead => ("Qualified lead", "合格潜在客户"),
            FunnelStage::QualifiedHandler => ("Qualified handler", "合格经办人"),
            FunnelStage::QualifiedDecisionMaker => ("Qualified decision maker", "合格决策者"),
            FunnelStage::Decision => ("Decision", "决策定案"),
            FunnelStage::AwaitingClose => ("Awaiting close", "等候结案"),
            FunnelStage::Closed => ("Closed", "结案"),
        };
        Text::new(en, zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_match_the_course() {
        let expected = [0, 10, 25, 50, 75, 90, 100];
        for (stage, pct) in FunnelStage::ALL.iter().zip(expected) {
            assert_eq!(stage.percent(), pct, "{stage:?}");
        }
    }
}
