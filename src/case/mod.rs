//! Cases: the model, loading from RON, validation with located diagnostics.

pub mod model;
pub mod text;

pub use model::Case;
pub use text::{Lang, Text};
