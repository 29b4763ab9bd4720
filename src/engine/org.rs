//! The customer's org chart as the engine judges sequencing by it: who is above whom.
//!
//! A person is above another when he is on that person's `reports_to` chain, or — where no
//! reporting line joins them — when he sits in a unit that contains the other's unit and has
//! more formal power (group HQ above a subsidiary's manager).

use super::compile::{Ids, Ix};
use crate::case::model::Case;

#[derive(Debug, Clone, Default)]
pub struct Org {
    /// Formal superiors of each person along `reports_to`, nearest first.
    pub chain: Vec<Vec<Ix>>,
    /// Depth in the reporting lines (0: reports to nobody), for drawing the chart.
    pub depth: Vec<usize>,
    n: usize,
    /// `above[x * n + y]`: x is above y.
    above: Vec<bool>,
}

impl Org {
    pub fn new(case: &Case, people: &Ids) -> Org {
        let n = case.stakeholders.len();
        let units: Vec<&str> = case.customer.units.iter().map(|u| u.id.as_str()).collect();
        let parent = |u: &str| {
            case.customer
                .units
                .iter()
                .find(|x| x.id == u)
                .and_then(|x| x.parent.as_deref())
        };
        // Unit ancestors, bounded by the number of units (a cycle is the validator's to report).
        let unit_ancestors = |u: &str| {
            let mut out = Vec::new();
            let mut cur = parent(u);
            while let Some(p) = cur {
                if out.len() > units.len() || out.contains(&p) {
                    break;
                }
                out.push(p);
                cur = parent(p);
            }
            out
        };
        let mut chain = Vec::with_capacity(n);
        for s in &case.stakeholders {
            let mut c: Vec<Ix> = Vec::new();
            let mut cur = s.reports_to.as_deref().and_then(|b| people.get(b));
            while let Some(b) = cur {
                if c.len() >= n || c.contains(&b) {
                    break;
                }
                c.push(b);
                cur = case.stakeholders[b as usize]
                    .reports_to
                    .as_deref()
                    .and_then(|x| people.get(x));
            }
            chain.push(c);
        }
        let depth = chain.iter().map(|c| c.len()).collect();
        let mut above = vec![false; n * n];
        let ancestors: Vec<Vec<&str>> = case
            .stakeholders
            .iter()
            .map(|s| s.unit.as_deref().map(unit_ancestors).unwrap_or_default())
            .collect();
        for y in 0..n {
            for &x in &chain[y] {
                above[x as usize * n + y] = true;
            }
            for x in 0..n {
                if x == y || above[x * n + y] {
                    continue;
                }
                let sx = &case.stakeholders[x];
                let sy = &case.stakeholders[y];
                if let Some(ux) = sx.unit.as_deref()
                    && ancestors[y].contains(&ux)
                    && sx.power > sy.power
                {
                    above[x * n + y] = true;
                }
            }
        }
        Org {
            chain,
            depth,
            n,
            above,
        }
    }

    /// Whether `x` is above `y`.
    pub fn above(&self, x: Ix, y: Ix) -> bool {
        let (x, y) = (x as usize, y as usize);
        x < self.n && y < self.n && self.above[x * self.n + y]
    }

    /// The people strictly between `y` and his superior `x` on `y`'s reporting line.
    pub fn between(&self, x: Ix, y: Ix) -> &[Ix] {
        let c = &self.chain[y as usize];
        match c.iter().position(|&b| b == x) {
            Some(i) => &c[..i],
            None => &[],
        }
    }

    /// Org-chart levels: people with no superior first, then their reports, and so on.
    pub fn levels(&self) -> Vec<Vec<Ix>> {
        let mut out: Vec<Vec<Ix>> = Vec::new();
        for (i, &d) in self.depth.iter().enumerate() {
            if out.len() <= d {
                out.resize(d + 1, Vec::new());
            }
            out[d].push(i as Ix);
        }
        out
    }
}
