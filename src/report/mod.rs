//! Reports of runs: the text transcript (simulate, debrief).

pub mod transcript;
