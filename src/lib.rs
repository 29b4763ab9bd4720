//! Dealcraft: a training simulator for key-account selling.
//!
//! The simulation core (`case`, `engine`, `scoring`, `analysis`) has no Bevy in it; the game
//! shell (`screens`, `theme`, …) sits behind the `game` feature.

pub mod analysis;
pub mod bundled;
pub mod case;
// The live classroom: an HTTP server and an embedded database on the instructor's laptop.
#[cfg(not(target_arch = "wasm32"))]
pub mod classroom;
// The command line (clap, terminals, threads): not in the browser build.
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod durable;
pub mod engine;
// The editor's language server (stdio; not in the browser build).
#[cfg(not(target_arch = "wasm32"))]
pub mod lsp;
pub mod report;
pub mod results;
pub mod save;
pub mod scoring;

// The Bevy shell, laid out like bevy_new_2d: screens, theme, session state, automation.
#[cfg(feature = "game")]
pub mod app;
// The author's overlay draws the case map, which layout-rs (native only) lays out.
#[cfg(all(feature = "game", not(target_arch = "wasm32")))]
pub mod author;
#[cfg(all(feature = "game", not(target_arch = "wasm32")))]
pub mod automation;
// The game's side of a live classroom: its moves sent to the classroom's server.
#[cfg(feature = "game")]
pub mod classroom_link;
#[cfg(feature = "dev")]
pub mod dev_tools;
// Watching the cases folder: the desktop game only.
#[cfg(all(feature = "game", not(target_arch = "wasm32")))]
pub mod live_reload;
#[cfg(feature = "game")]
pub mod screens;
#[cfg(feature = "game")]
pub mod session;
#[cfg(feature = "game")]
pub mod theme;
// The browser's storage and downloads.
#[cfg(target_arch = "wasm32")]
pub mod web;
