//! Load on a live classroom, as docs/performance.md reports it: N trainees join a real
//! `dealcraft classroom` on loopback and each plays Haicheng's expert line (39 moves and 4
//! reads) over HTTP, as the browser does. Latency per move (p50, p99, max) and the moves per
//! second the server took, with and without think time between a trainee's moves, beside the
//! baseline of the same clients asking `GET /api/session` (no database write: HTTP and the
//! server's loop alone).
//!
//!     cargo build --release --no-default-features
//!     cargo run --release --no-default-features --example classroom_load -- target/release/dealcraft [TRAINEES]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dealcraft::engine::{Game, Read};

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .build()
        .into()
}

/// The expert line with each move's points, as the trainee's game computes them.
fn line() -> Vec<(String, i64)> {
    let case = dealcraft::bundled::resolve("haicheng")
        .unwrap()
        .case
        .unwrap();
    let text = include_str!("../tests/scripts/haicheng-expert.txt");
    let mut g = Game::new(case, 7);
    let mut out = Vec::new();
    for (_, l) in dealcraft::cli::simulate_parse_choices(text) {
        if let Some(r) = l.strip_prefix("read ") {
            g.set_read(Read::parse(r).unwrap());
            out.push((l, 0));
        } else {
            let m = g.choose(&l).unwrap();
            out.push((l, m.deltas.iter().map(|d| d.points as i64).sum()));
        }
    }
    out
}

struct Run {
    latencies: Vec<Duration>,
    wall: Duration,
}

fn pct(v: &[Duration], p: f64) -> Duration {
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

/// One scenario on a fresh server: `n` trainees, `think` between moves, moves or baseline GETs.
fn scenario(bin: &str, n: usize, think: Duration, baseline: bool) -> Run {
    let dir = std::env::temp_dir().join(format!("dealcraft-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(bin)
        .args([
            "classroom",
            "haicheng",
            "--seed",
            "7",
            "--web",
            "/nonexistent",
            "--port",
        ])
        .arg(port.to_string())
        .arg("--db")
        .arg(dir.join("load.db"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut code = String::new();
    for l in lines.by_ref() {
        let l = l.unwrap();
        if let Some(c) = l.split("join code ").nth(1) {
            code = c.trim().to_string();
        }
        if l.trim_start().starts_with("projector") {
            break;
        }
    }
    std::thread::spawn(move || for _ in lines {});
    // Let the expert line's search (one core for a few seconds) finish first: a class joins
    // over a minute or two, and it would be measured otherwise.
    std::thread::sleep(Duration::from_secs(6));
    let base = format!("http://127.0.0.1:{port}");
    let the_line = Arc::new(line());
    let all = Arc::new(Mutex::new(Vec::new()));
    let start = Instant::now();
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let (base, code, the_line, all) =
                (base.clone(), code.clone(), the_line.clone(), all.clone());
            std::thread::spawn(move || {
                let a = agent();
                let mut r = a
                    .post(&format!("{base}/api/join"))
                    .send_json(serde_json::json!({ "name": format!("T{i}"), "code": code }))
                    .unwrap();
                let j: serde_json::Value = r.body_mut().read_json().unwrap();
                let token = j["token"].as_str().unwrap().to_string();
                let mut mine = Vec::new();
                // Trainees start at different moments, as in a room.
                std::thread::sleep(think.mul_f64((i % 10) as f64 / 10.0));
                for (seq, (l, p)) in the_line.iter().enumerate() {
                    let t0 = Instant::now();
                    let status = if baseline {
                        a.get(&format!("{base}/api/session"))
                            .call()
                            .unwrap()
                            .status()
                    } else {
                        a.post(&format!("{base}/api/move"))
                            .header("Authorization", &format!("Bearer {token}"))
                            .send_json(serde_json::json!({ "seq": seq, "line": l, "points": p }))
                            .unwrap()
                            .status()
                    };
                    assert!(status.is_success(), "{status}");
                    mine.push(t0.elapsed());
                    std::thread::sleep(think);
                }
                all.lock().unwrap().extend(mine);
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let wall = start.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    let mut latencies = all.lock().unwrap().clone();
    latencies.sort();
    Run { latencies, wall }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bin = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("target/release/dealcraft");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(60);
    println!(
        "| {n} trainees, Haicheng's 43-line expert line each | requests | p50 | p99 | max | requests/s |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for (think, label) in [
        (Duration::from_millis(1000), "1 s between a trainee's moves"),
        (Duration::ZERO, "no pause (saturated)"),
    ] {
        for baseline in [true, false] {
            let r = scenario(bin, n, think, baseline);
            let what = if baseline {
                "baseline `GET /api/session`"
            } else {
                "`POST /api/move`"
            };
            let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
            println!(
                "| {what}, {label} | {} | {} | {} | {} | {:.0} |",
                r.latencies.len(),
                ms(pct(&r.latencies, 0.5)),
                ms(pct(&r.latencies, 0.99)),
                ms(*r.latencies.last().unwrap()),
                r.latencies.len() as f64 / r.wall.as_secs_f64()
            );
        }
    }
}
