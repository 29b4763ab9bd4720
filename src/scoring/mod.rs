//! Scoring: the headline scores, the trainee's read, the weighted total and the result of a
//! run — all derived from the engine's state (the engine knows nothing of scores).

pub mod read;
pub mod result;
pub mod total;

pub use result::{RunResult, Spent, result};
pub use total::{Reads, Scores, score};
