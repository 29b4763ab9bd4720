//! Write a generated case of known state count (see `dealcraft::analysis::generated`).
//!
//! `cargo run --release --no-default-features --example gen_case -- 1m > /tmp/gen-1m.ron`
//! (a size of the family: 1k, 100k, 500k, 1m, 10m, 100m) or chain lengths: `-- 9 9 4`.
use dealcraft::analysis::generated::{analyzed_states, chains, family, states_in_scene};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lengths: Vec<u32> = match family()
        .into_iter()
        .find(|(n, _)| args.first() == Some(&n.to_string()))
    {
        Some((_, l)) => l,
        None => args
            .iter()
            .map(|a| {
                a.parse()
                    .expect("a family size (1k, 100k, 500k, 1m, 10m, 100m) or chain lengths")
            })
            .collect(),
    };
    if lengths.is_empty() {
        eprintln!("usage: gen_case SIZE|LENGTH...");
        std::process::exit(2);
    }
    eprintln!(
        "{} states in the scene; analyze reports {}",
        states_in_scene(&lengths),
        analyzed_states(&lengths)
    );
    print!("{}", chains(&lengths));
}
