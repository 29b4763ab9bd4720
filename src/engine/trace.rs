//! What one step changed, as the engine applies it: the raw material of the consequence panel,
//! the transcript and the debrief. Cheap when nobody reads it (the analysis throws it away).

use serde::{Deserialize, Serialize};

use super::compile::Ix;
use super::decision::DecisionReport;
use crate::case::model::{Aspect, Attitude, ScoreKind};
use crate::case::text::Text;

/// A score change and the teaching note that explains it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Delta {
    pub kind: ScoreKind,
    pub points: i32,
    pub note: Text,
}

#[derive(Debug, Default)]
pub struct Trace {
    /// The analysis's trace: it keeps only what the rules need (`informative`) and builds
    /// no texts, so exploring millions of states allocates nothing.
    pub quiet: bool,
    /// Something was learned or someone moved (a meeting that does neither is wasted).
    pub informative: bool,
    pub deltas: Vec<Delta>,
    pub learned: Vec<Ix>,
    pub revealed: Vec<Ix>,
    pub observed: Vec<(Ix, Aspect)>,
    pub attitudes: Vec<(Ix, Attitude, Attitude)>,
    /// 5K meters that rose: (meter index in `Intensity::NAMES`, before, after).
    pub meters: Vec<(u8, u8, u8)>,
    /// Competitors whose standing or status changed: (competitor, change in strength).
    pub rivals: Vec<(Ix, i8)>,
    pub news: Vec<Text>,
    /// Bits of the mistakes and traps this step made (`Mistake::bit`, authored traps).
    pub mistakes: Vec<u64>,
    /// Note credited to authored `Score` effects (the choice's, or its branch's).
    pub note: Text,
    pub branch: Option<usize>,
    pub decision: Option<DecisionReport>,
}

impl Trace {
    pub fn quiet() -> Trace {
        Trace {
            quiet: true,
            ..Trace::default()
        }
    }
    pub fn attitude(&mut self, p: Ix, from: Attitude, to: Attitude) {
        self.informative = true;
        if !self.quiet {
            self.attitudes.push((p, from, to));
        }
    }
    pub fn learned(&mut self, f: Ix) {
        self.informative = true;
        if !self.quiet {
            self.learned.push(f);
        }
    }
    pub fn revealed(&mut self, p: Ix) {
        self.informative = true;
        if !self.quiet {
            self.revealed.push(p);
        }
    }
    pub fn observed(&mut self, p: Ix, a: Aspect) {
        self.informative = true;
        if !self.quiet {
            self.observed.push((p, a));
        }
    }
    pub fn meter(&mut self, meter: u8, from: u8, to: u8) {
        self.informative = true;
        if !self.quiet {
            self.meters.push((meter, from, to));
        }
    }
    pub fn rival(&mut self, k: Ix, change: i8) {
        if !self.quiet {
            self.rivals.push((k, change));
        }
    }
    /// A line of news, built only when someone will read it.
    pub fn news(&mut self, text: impl FnOnce() -> Text) {
        if !self.quiet {
            self.news.push(text());
        }
    }
    /// A score change with its note, built only when someone will read it.
    pub fn delta(&mut self, kind: ScoreKind, points: i32, note: impl FnOnce() -> Text) {
        if !self.quiet {
            self.deltas.push(Delta {
                kind,
                points,
                note: note(),
            });
        }
    }
    pub fn mistake(&mut self, bit: u64) {
        if !self.quiet {
            self.mistakes.push(bit);
        }
    }
}
