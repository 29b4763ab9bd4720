//! The people model's values in words, in both languages: shared by the screens, the
//! transcript and the debrief, so a role or a concern reads the same everywhere.

use crate::case::model::{
    Aspect, Attitude, BuyingRole, ChangeAttitude, Closeness, Concern, Needs, Rank,
};
use crate::case::text::Text;

fn t(en: &str, zh: &str) -> Text {
    Text::new(en, zh)
}

impl Attitude {
    pub fn name(self) -> Text {
        match self {
            Attitude::Opponent => t("opponent", "反对者"),
            Attitude::NonSupporter => t("non-supporter", "不支持者"),
            Attitude::Neutral => t("neutral", "中立"),
            Attitude::Supporter => t("supporter", "支持者"),
            Attitude::Mentor => t("mentor", "导师"),
        }
    }
}

impl Rank {
    /// How the customer ranks us: 首选, 备选, 陪标.
    pub fn name(self) -> Text {
        match self {
            Rank::FirstChoice => t("first choice", "首选"),
            Rank::Backup => t("a backup", "备选"),
            Rank::ReferenceOnly => t("only the reference bid", "陪标"),
        }
    }
}

impl BuyingRole {
    pub fn name(self) -> Text {
        match self {
            BuyingRole::DecisionMaker => t("decision maker", "拍板人"),
            BuyingRole::ProjectLead => t("project lead", "项目负责人"),
            BuyingRole::TechnicalEvaluator => t("technical evaluator", "技术评估"),
            BuyingRole::User => t("user", "使用者"),
            BuyingRole::Purchaser => t("purchaser", "采购"),
            BuyingRole::Gatekeeper => t("gatekeeper", "把关人"),
            BuyingRole::OutsideExpert => t("outside expert", "外部专家"),
            BuyingRole::Approver => t("approver", "审批人"),
            BuyingRole::Board => t("board", "董事会"),
            BuyingRole::Sidelined => t("sidelined", "已出局"),
        }
    }
}

impl Needs {
    pub fn name(self) -> Text {
        match self {
            Needs::Survival => t("survival", "生存"),
            Needs::Security => t("security", "安全"),
            Needs::Belonging => t("belonging", "归属"),
            Needs::Esteem => t("esteem", "尊重"),
            Needs::SelfActualisation => t("self-actualisation", "自我实现"),
        }
    }
}

impl ChangeAttitude {
    pub fn name(self) -> Text {
        match self {
            ChangeAttitude::Embraces => t("embraces change", "拥抱变化"),
            ChangeAttitude::Cautious => t("cautious about change", "对变化谨慎"),
            ChangeAttitude::Resists => t("resists change", "抗拒变化"),
        }
    }
}

impl Concern {
    pub fn name(self) -> Text {
        match self {
            Concern::Cost => t("cost", "成本"),
            Concern::Risk => t("risk", "风险"),
            Concern::Results => t("results", "业绩"),
            Concern::Career => t("his career", "个人前途"),
            Concern::Recognition => t("recognition", "被认可"),
            Concern::Relationships => t("relationships", "人际关系"),
            Concern::Technology => t("technology", "技术"),
        }
    }
}

impl Closeness {
    pub fn name(self) -> Text {
        match self {
            Closeness::None => t("no contact", "没有接触"),
            Closeness::Occasional => t("occasional contact", "偶尔接触"),
            Closeness::Regular => t("regular contact", "经常接触"),
            Closeness::Close => t("close contact", "密切接触"),
        }
    }
}

impl Aspect {
    /// What the trainee saw about someone ("his buying role").
    pub fn name(self) -> Text {
        match self {
            Aspect::Role => t("buying role", "采购角色"),
            Aspect::Influence => t("real influence", "实际影响力"),
            Aspect::Attitude => t("real attitude to us", "对我方的真实态度"),
            Aspect::Backs => t("whom he backs", "支持哪一家"),
            Aspect::Needs => t("needs level", "需求层次"),
            Aspect::Change => t("attitude to change", "对变化的态度"),
            Aspect::Concerns => t("decision concerns", "决策关注点"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_both_languages() {
        let mut all: Vec<Text> = Vec::new();
        all.extend(Attitude::ALL.iter().map(|a| a.name()));
        all.extend(BuyingRole::ALL.iter().map(|a| a.name()));
        all.extend(Needs::ALL.iter().map(|a| a.name()));
        all.extend(ChangeAttitude::ALL.iter().map(|a| a.name()));
        all.extend(Concern::ALL.iter().map(|a| a.name()));
        all.extend(Closeness::ALL.iter().map(|a| a.name()));
        all.extend(Aspect::ALL.iter().map(|a| a.name()));
        for t in all {
            assert!(!t.en.is_empty() && !t.zh.is_empty(), "{t:?}");
        }
    }
}
