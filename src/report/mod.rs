//! Reports of runs: the text transcript (simulate, debrief) and the class report (HTML, CSV).

pub mod class;
pub mod csv;
pub mod radar;
pub mod transcript;
