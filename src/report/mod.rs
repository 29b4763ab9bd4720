//! Reports of runs: the text transcript (simulate, debrief).

pub mod radar;
pub mod transcript;
