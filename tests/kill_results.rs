//! Results files under SIGKILL: `dealcraft simulate CASE --player NAME --results DIR` is run
//! and killed at a random instant of its life, hundreds of times, into one folder. After every
//! kill, every file under a results name must be whole (it parses, its values are in range,
//! and its run is exactly the scripted one); no run whose writer said `results: PATH` may be
//! missing. Orphaned temp files are allowed between rounds (they are the next start's job);
//! the next run's start recovers or removes them, and after a final `dealcraft report` no temp
//! file is left and every whole one became a results file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dealcraft::engine::Game;
use dealcraft::results::parse_results;

const SCRIPT: &str = include_str!("scripts/first-lead-expert.txt");
const SEED: u64 = 7;

fn kills() -> usize {
    std::env::var("DEALCRAFT_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(300)
}

/// Small xorshift: random kill instants without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn simulate(dir: &Path, script: &Path, player: &str, stderr: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_dealcraft"))
        .args([
            "simulate",
            "first-lead",
            "--seed",
            &SEED.to_string(),
            "--choices",
        ])
        .arg(script)
        .args(["--player", player, "--results"])
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(stderr).unwrap())
        .spawn()
        .expect("dealcraft runs")
}

/// (results files by name, temp file names) in `dir`.
fn listing(dir: &Path) -> (Vec<PathBuf>, Vec<String>) {
    let mut results = Vec::new();
    let mut temps = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            temps.push(name);
        } else if name.ends_with(".json") {
            results.push(e.path());
        }
    }
    results.sort();
    (results, temps)
}

#[test]
fn results_survive_sigkill_at_random_instants() {
    let root = std::env::temp_dir().join(format!("dealcraft-kill-results-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("results");
    std::fs::create_dir_all(&dir).unwrap();
    let script = root.join("line.txt");
    std::fs::write(&script, SCRIPT).unwrap();
    let err = root.join("stderr.txt");

    let case = dealcraft::bundled::resolve("first-lead")
        .unwrap()
        .case
        .unwrap();
    let expected =
        dealcraft::scoring::result(&Game::replay(case, SEED, SCRIPT.split_whitespace()).unwrap());

    // How long one whole run takes here: kills are spread over that time and a bit more.
    let t0 = Instant::now();
    let status = simulate(&root.join("warm-up"), &script, "warm-up", &err)
        .wait()
        .unwrap();
    assert!(
        status.success(),
        "{}",
        std::fs::read_to_string(&err).unwrap()
    );
    let life = t0.elapsed().as_micros() as u64;

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    let mut rng = Rng(seed);
    let rounds = kills();
    let started = Instant::now();
    // Rounds whose writer reported its file, and the file it reported.
    let mut reported: BTreeMap<usize, PathBuf> = BTreeMap::new();
    let (mut killed, mut finished, mut with_temp) = (0, 0, 0);
    for round in 0..rounds {
        let player = format!("p{round}");
        let mut child = simulate(&dir, &script, &player, &err);
        std::thread::sleep(Duration::from_micros(rng.below(life * 12 / 10)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            finished += 1;
        } else {
            killed += 1;
            #[cfg(unix)]
            {
                use std::os::unix::process::ExitStatusExt;
                assert_eq!(status.signal(), Some(9), "round {round}: {status}");
            }
        }
        let said = std::fs::read_to_string(&err).unwrap_or_default();
        assert!(
            !said.contains("panicked") && !said.contains("error:"),
            "round {round}: {said}"
        );
        // Only a whole line counts: the kill may land in the middle of printing it.
        let whole_lines = said.rsplit_once('\n').map_or("", |(done, _)| done);
        if let Some(line) = whole_lines
            .lines()
            .find_map(|l| l.strip_prefix("results: "))
        {
            reported.insert(round, PathBuf::from(line));
        }

        let (files, temps) = listing(&dir);
        with_temp += usize::from(!temps.is_empty());
        for f in &files {
            let bytes = std::fs::read(f).unwrap();
            assert!(
                !bytes.is_empty(),
                "round {round}: empty file {}",
                f.display()
            );
            let r = parse_results(&bytes)
                .unwrap_or_else(|e| panic!("round {round}: {} is not whole: {e}", f.display()));
            assert_eq!(r.result, expected, "round {round}: {}", f.display());
            assert!(r.player.starts_with('p'), "{}", r.player);
        }
        for (r, p) in &reported {
            assert!(
                p.exists(),
                "round {round}: the run of round {r} is lost: {} not in {files:?}, temps {temps:?}; stderr: {said}",
                p.display()
            );
        }
    }

    // The next start (here `dealcraft report`) recovers whole temp files and removes the rest.
    let out = Command::new(env!("CARGO_BIN_EXE_dealcraft"))
        .arg("report")
        .arg(&dir)
        .arg("--out")
        .arg(root.join("report.html"))
        .output()
        .unwrap();
    let report_err = String::from_utf8_lossy(&out.stderr).into_owned();
    let recovered = report_err.matches("recovered an interrupted").count();
    let (files, temps) = listing(&dir);
    assert!(
        temps.is_empty(),
        "temp files left after the next start: {temps:?}"
    );
    let players: BTreeSet<String> = files
        .iter()
        .map(|f| parse_results(&std::fs::read(f).unwrap()).unwrap().player)
        .collect();
    assert_eq!(players.len(), files.len(), "one file per run, no copies");
    for r in reported.keys() {
        assert!(players.contains(&format!("p{r}")), "run of round {r} lost");
    }
    if !files.is_empty() {
        assert_eq!(out.status.code(), Some(0), "{report_err}");
        assert!(
            report_err.contains(&format!("({} run(s)", files.len())),
            "{report_err}"
        );
    }
    eprintln!(
        "kill_results: {rounds} rounds in {:.1} s (a run takes {:.1} ms): {killed} killed, \
         {finished} finished, {} reported a file, {with_temp} rounds left a temp file, \
         {} runs recovered from temp files by a next start ({recovered} by the final report), \
         {} results files, 0 empty or partial",
        started.elapsed().as_secs_f64(),
        life as f64 / 1000.0,
        reported.len(),
        files.len() - reported.len(),
        files.len(),
    );
    assert!(
        killed > rounds / 4,
        "most kills must land: {killed} of {rounds}"
    );
    assert!(!reported.is_empty(), "some runs must complete");
    let _ = std::fs::remove_dir_all(&root);
}
