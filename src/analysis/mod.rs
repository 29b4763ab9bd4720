//! Analysis for authors: exhaustive exploration, random playouts, the case graph.

pub mod explore;
pub mod generated;
pub mod graph;
pub mod luck;
// layout-rs is a native-only dependency (the web build has no author overlay).
#[cfg(not(target_arch = "wasm32"))]
pub mod map;
pub mod playouts;
pub mod preview;
pub mod report;
mod visited;

pub use report::{Analysis, Options, analyze, analyze_with};
