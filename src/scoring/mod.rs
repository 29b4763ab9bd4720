//! Scoring: the 5K rubric, funnel milestones, headline scores and the weighted total.

pub mod funnel;
pub mod intensity;
pub mod total;
