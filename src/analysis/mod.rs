//! Analysis for authors: exhaustive exploration, random playouts, the case graph.

pub mod explore;
pub mod generated;
pub mod graph;
pub mod luck;
pub mod playouts;
pub mod preview;
pub mod report;

pub use report::{Analysis, Options, analyze, analyze_with};
