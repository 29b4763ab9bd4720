//! The 5K sales-intensity meters (销售强度评分: 问题 × 权力 × 愿景 × 价值 × 控制), each 0–20,
//! exactly as the rubric tables of the course (seed 001) score them.
//!
//! Pain, vision and value have two columns: the score when the handler (经办人) has reached a
//! row, and the higher score when the decision maker (决策者) has.

use serde::{Deserialize, Serialize};

use crate::case::model::{ControlLevel, Level, PainLevel, PowerLevel, ValueLevel, VisionLevel};

pub fn pain_points(row: PainLevel, who: Level) -> u8 {
    use PainLevel::*;
    let (handler, decision_maker) = match row {
        CannotDescribe => (0, 12),
        AssumesNeed => (2, 13),
        AssumesPain => (4, 14),
        AdmitsNeed => (6, 16),
        AdmitsCause => (8, 18),
        AdmitsPain => (10, 20),
    };
    pick(who, handler, decision_maker)
}

pub fn power_points(row: PowerLevel) -> u8 {
    use PowerLevel::*;
    match row {
        DecisionMakerUnknown => 0,
        KnowsDecisionMaker => 4,
        KnowsProcess => 8,
        HandlerWillIntroduce => 9,
        DecisionMakerWillExplore => 10,
        AgreesValuePlan => 14,
        AgreesProposal => 16,
        AgreesToBuy => 20,
    }
}

pub fn vision_points(row: VisionLevel, who: Level) -> u8 {
    use VisionLevel::*;
    let (handler, decision_maker) = match row {
        NoneOrCompetitors => (0, 8),
        ProductVision => (2, 10),
        DifferentiatedVision => (4, 15),
        CustomerAgrees => (6, 20),
    };
    pick(who, handler, decision_maker)
}

pub fn value_points(row: ValueLevel, who: Level) -> u8 {
    use ValueLevel::*;
    let (handler, decision_maker) = match row {
        NotFound => (0, 8),
        Unquantifiable => (1, 10),
        SellerFindsValue => (2, 12),
        CustomerStatesValue => (3, 14),
        CustomerVerifies => (4, 16),
        JointlyVerified => (5, 18),
        AgreedAndFinanced => (6, 20),
    };
    pick(who, handler, decision_maker)
}

pub fn control_points(row: ControlLevel) -> u8 {
    use ControlLevel::*;
    match row {
        NoRecord => 0,
        HandlerAdmitsPain => 4,
        HandlerIntroduces => 8,
        DecisionMakerDiscusses => 10,
        DecisionMakerRevises => 14,
        PreProposalReview => 16,
        PlanComplete => 20,
    }
}

fn pick(who: Level, handler: u8, decision_maker: u8) -> u8 {
    match who {
        Level::Handler => handler,
        Level::DecisionMaker => decision_maker,
    }
}

/// The five meters, 0–20 each. A meter only rises: evidence once gathered stays.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Intensity {
    pub pain: u8,
    pub power: u8,
    pub vision: u8,
    pub value: u8,
    pub control: u8,
}

impl Intensity {
    /// The five meters added up (0–100), as a raw count of evidence.
    pub fn sum(&self) -> u32 {
        self.as_array().iter().map(|&m| m as u32).sum()
    }
    /// Sales intensity as seed 001 writes it, 问题×权力×愿景×价值×控制: the product of the five
    /// meters, put on a 0–100 scale as their geometric mean. A zero anywhere is zero — no deal.
    pub fn product(&self) -> u32 {
        let m = self.as_array();
        if m.contains(&0) {
            return 0;
        }
        let logs: f64 = m.iter().map(|&x| libm::log(x.min(20) as f64 / 20.0)).sum();
        (100.0 * libm::exp(logs / 5.0)).round() as u32
    }
    pub fn as_array(&self) -> [u8; 5] {
        [self.pain, self.power, self.vision, self.value, self.control]
    }
    pub const NAMES: [(&'static str, &'static str); 5] = [
        ("Pain", "问题"),
        ("Power", "权力"),
        ("Vision", "愿景"),
        ("Value", "价值"),
        ("Control", "控制"),
    ];
}

#[cfg(test)]
mod tests {
    //! One assertion per row of the course's rubric tables.
    use super::*;
    use Level::{DecisionMaker as D, Handler as H};

    #[test]
    fn pain_table() {
        use PainLevel::*;
        let rows = [
            (CannotDescribe, 0, 12),
            (AssumesNeed, 2, 13),
            (AssumesPain, 4, 14),
            (AdmitsNeed, 6, 16),
            (AdmitsCause, 8, 18),
            (AdmitsPain, 10, 20),
        ];
        for (row, h, d) in rows {
            assert_eq!(pain_points(row, H), h, "{row:?} handler");
            assert_eq!(pain_points(row, D), d, "{row:?} decision maker");
        }
    }

    #[test]
    fn power_table() {
        use PowerLevel::*;
        let rows = [
            (DecisionMakerUnknown, 0),
            (KnowsDecisionMaker, 4),
            (KnowsProcess, 8),
            (HandlerWillIntroduce, 9),
            (DecisionMakerWillExplore, 10),
            (AgreesValuePlan, 14),
            (AgreesProposal, 16),
            (AgreesToBuy, 20),
        ];
        for (row, p) in rows {
            assert_eq!(power_points(row), p, "{row:?}");
        }
    }

    #[test]
    fn vision_table() {
        use VisionLevel::*;
        let rows = [
            (NoneOrCompetitors, 0, 8),
            (ProductVision, 2, 10),
            (DifferentiatedVision, 4, 15),
            (CustomerAgrees, 6, 20),
        ];
        for (row, h, d) in rows {
            assert_eq!(vision_points(row, H), h, "{row:?} handler");
            assert_eq!(vision_points(row, D), d, "{row:?} decision maker");
        }
    }

    #[test]
    fn value_table() {
        use ValueLevel::*;
        let rows = [
            (NotFound, 0, 8),
            (Unquantifiable, 1, 10),
            (SellerFindsValue, 2, 12),
            (CustomerStatesValue, 3, 14),
            (CustomerVerifies, 4, 16),
            (JointlyVerified, 5, 18),
            (AgreedAndFinanced, 6, 20),
        ];
        for (row, h, d) in rows {
            assert_eq!(value_points(row, H), h, "{row:?} handler");
            assert_eq!(value_points(row, D), d, "{row:?} decision maker");
        }
    }

    #[test]
    fn control_table() {
        use ControlLevel::*;
        let rows = [
            (NoRecord, 0),
            (HandlerAdmitsPain, 4),
            (HandlerIntroduces, 8),
            (DecisionMakerDiscusses, 10),
            (DecisionMakerRevises, 14),
            (PreProposalReview, 16),
            (PlanComplete, 20),
        ];
        for (row, p) in rows {
            assert_eq!(control_points(row), p, "{row:?}");
        }
    }

    #[test]
    fn intensity_is_the_product_not_the_sum() {
        let full = Intensity {
            pain: 20,
            power: 20,
            vision: 20,
            value: 20,
            control: 20,
        };
        assert_eq!(full.product(), 100);
        assert_eq!(full.sum(), 100);
        // Zero power: the sum still shows 80, the product shows what it means — no deal.
        let no_power = Intensity { power: 0, ..full };
        assert_eq!(no_power.sum(), 80);
        assert_eq!(no_power.product(), 0);
        // Half on every meter is half.
        let half = Intensity {
            pain: 10,
            power: 10,
            vision: 10,
            value: 10,
            control: 10,
        };
        assert_eq!(half.product(), 50);
        // One weak meter pulls the whole down more than the sum admits.
        let lopsided = Intensity { value: 2, ..full };
        assert!(lopsided.product() < 70, "{}", lopsided.product());
        assert!(lopsided.sum() > 80);
    }
}
