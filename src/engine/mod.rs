//! The engine: plays a compiled case turn by turn, deterministic for a given seed.
//!
//! compile → state (setup) → rules (conditions, effects) → the deal model: questions,
//! sequencing, commitments, competitors, the customer's decision. The screens read `view`.

pub mod author;
pub mod commit;
pub mod competitors;
pub mod compile;
pub mod decision;
pub mod funnel;
pub mod game;
pub mod intensity;
pub mod load;
pub mod notes;
pub mod org;
pub mod questions;
pub mod read;
pub mod relevance;
pub mod rng;
pub mod rules;
pub mod sequencing;
pub mod setup;
pub mod state;
pub mod trace;
pub mod view;
pub mod why;
pub mod words;

pub use compile::Compiled;
pub use game::{ChoiceError, Game, Move};
pub use load::{Loaded, load_bytes, load_path};
pub use read::Read;
pub use state::State;
