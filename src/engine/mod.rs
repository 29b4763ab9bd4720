//! The engine: plays a compiled case turn by turn. Deterministic for a given seed.

pub mod compiled;
pub mod game;
pub mod notes;
pub mod rng;
pub mod rules;
pub mod state;

pub use compiled::Compiled;
pub use game::{ChoiceError, Game, Move, RunResult};
pub use state::State;
