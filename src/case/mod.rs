//! Cases: the model, loading from RON, validation with located diagnostics.

pub mod assets;
pub(crate) mod checker;
pub mod diagnostic;
pub mod explain;
pub mod font;
pub mod ids;
pub mod lex;
pub mod load;
pub mod locate;
pub mod model;
pub mod text;
pub mod validate;
pub mod words;

pub use diagnostic::{Diagnostic, Severity};
pub use load::{Checked, check_bytes, check_path};
pub use model::Case;
pub use text::{Lang, Text};
