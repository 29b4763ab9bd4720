//! Probe: where does a case's state space go? Counts distinct values of each state field
//! among the states in one scene (a development aid for case authors and engine work).
use dealcraft::engine::State;
use dealcraft::engine::game::{available, step};
use dealcraft::engine::trace::Trace;
use std::collections::{HashMap, HashSet};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let loaded = dealcraft::bundled::resolve(&args[1]).unwrap();
    let c = loaded.case.unwrap();
    let scene = c.scenes.get(&args[2]).unwrap();
    let cap: usize = args.get(3).map(|s| s.parse().unwrap()).unwrap_or(200000);
    let mut seen: HashSet<u64> = HashSet::new();
    let mut at: Vec<State> = Vec::new();
    let mut stack = vec![State::start(&c, 0)];
    while let Some(s) = stack.pop() {
        if seen.len() > cap {
            break;
        }
        let fp = s.future_fingerprint(&c);
        if !seen.insert(fp) {
            continue;
        }
        if s.scene == scene && s.ending.is_none() {
            at.push(s.clone());
        }
        for ix in available(&c, &s) {
            let mut n = s.clone();
            step(&c, &mut n, ix, &mut Trace::quiet());
            stack.push(n);
        }
    }
    println!("{} states, {} in scene", seen.len(), at.len());
    let mut fields: HashMap<&str, HashSet<String>> = HashMap::new();
    for s in &at {
        let mut add = |k: &'static str, v: String| {
            fields.entry(k).or_default().insert(v);
        };
        add("week", s.week.to_string());
        add("money", s.money_spent.to_string());
        add("mistakes", format!("{:x}", s.mistakes));
        add("intensity", format!("{:?}", s.intensity));
        add("funnel", format!("{:?}", s.funnel));
        add("insider", format!("{:?}", s.insider));
        add("diagnosed", format!("{:?}", s.diagnosed));
        add("proposal", format!("{:?}", s.proposal));
        add(
            "attitudes",
            s.people
                .iter()
                .map(|p| p.attitude as u8)
                .map(|a| a.to_string())
                .collect::<String>(),
        );
        add(
            "backs",
            s.people
                .iter()
                .map(|p| p.backs.to_string())
                .collect::<String>(),
        );
        add(
            "seen",
            s.people
                .iter()
                .map(|p| format!("{:02x}", p.seen))
                .collect::<String>(),
        );
        add(
            "pflags",
            s.people
                .iter()
                .map(|p| p.flags.to_string())
                .collect::<String>(),
        );
        add(
            "rivals",
            format!(
                "{:?}",
                s.rivals
                    .iter()
                    .map(|r| (r.strength, r.status as u8))
                    .collect::<Vec<_>>()
            ),
        );
        add("flags", format!("{:?}", s.flags));
        add("decision_week", format!("{:?}", s.decision_week));
        add("letter", format!("{}", s.letter_owed));
        add("allies", format!("{}", s.allies));
        add("fired", format!("{:?}", s.fired));
        let mut w = dealcraft::engine::relevance::Walk::default();
        let m = c.relevance.in_play(s, &mut w);
        add(
            "chosen_m",
            s.chosen
                .words()
                .iter()
                .zip(m.offered.iter().zip(&m.reads.choices))
                .map(|(x, (a, b))| format!("{:x}", x & (a | b)))
                .collect::<String>(),
        );
        add("chosen_m_names", {
            let mut v = vec![];
            for (i, n) in c.choices.names.iter().enumerate() {
                let w = i / 64;
                let bit = 1u64 << (i % 64);
                if s.chosen.words()[w] & bit != 0 && (m.offered[w] | m.reads.choices[w]) & bit != 0
                {
                    v.push(n.as_str());
                }
            }
            v.join(",")
        });
        add(
            "facts_m",
            s.facts
                .words()
                .iter()
                .zip(&m.reads.facts)
                .map(|(x, k)| format!("{:x}", x & k))
                .collect::<String>(),
        );
        add(
            "flags_m",
            s.flags
                .words()
                .iter()
                .zip(&m.reads.flags)
                .map(|(x, k)| format!("{:x}", x & k))
                .collect::<String>(),
        );
        add("dec", format!("{:?}", s.decision));
        add("asked", format!("{} {}", s.asked, s.visit));
        add("rank", format!("{:?}", s.rank));
    }
    let mut v: Vec<_> = fields.iter().map(|(k, v)| (v.len(), *k)).collect();
    v.sort();
    for (n, k) in v.iter().rev() {
        println!("{k:12} {n}");
    }
    if let Some(names) = fields.get("chosen_m_names") {
        let mut x: Vec<_> = names.iter().collect();
        x.sort();
        for n in x.iter().take(15) {
            println!("  {n}");
        }
    }
}
