//! Dealcraft: a training simulator for key-account selling.
//!
//! The simulation core (`case`, `engine`, `scoring`, `analysis`) has no Bevy in it; the game
//! shell (`screens`, `theme`, …) sits behind the `game` feature.

pub mod analysis;
pub mod bundled;
pub mod case;
pub mod cli;
pub mod engine;
pub mod report;
pub mod save;
pub mod scoring;
