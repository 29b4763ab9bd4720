//! Rehearse a live classroom without a class: N simulated trainees join a running
//! `dealcraft classroom` and play plausible lines (random, trying to stay in the deal) with a
//! pause between moves, over HTTP as the browser does. For an instructor trying the projector
//! before class, and for the screenshots in docs/.
//!
//!     dealcraft classroom haicheng --seed 7 &
//!     cargo run --example classroom_demo -- http://127.0.0.1:8080 CODE [TRAINEES] [PAUSE_MS]

use std::time::Duration;

const NAMES: [&str; 24] = [
    "王芳",
    "Li Lei",
    "张伟",
    "Chen Jing",
    "刘洋",
    "Zhao Min",
    "陈静",
    "Wang Qiang",
    "杨帆",
    "Sun Li",
    "黄磊",
    "Zhou Yan",
    "吴昊",
    "Xu Ming",
    "郑爽",
    "Hu Bo",
    "马丽",
    "Gao Fei",
    "林涛",
    "Luo Yi",
    "何敏",
    "Liang Hao",
    "宋佳",
    "Tang Wei",
];

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 3 {
        eprintln!("usage: classroom_demo URL CODE [TRAINEES] [PAUSE_MS]");
        std::process::exit(2);
    }
    let (base, code) = (a[1].trim_end_matches('/').to_string(), a[2].clone());
    let n: u64 = a.get(3).and_then(|s| s.parse().ok()).unwrap_or(12);
    let pause = Duration::from_millis(a.get(4).and_then(|s| s.parse().ok()).unwrap_or(300));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut r = agent
        .get(&format!("{base}/api/session"))
        .call()
        .expect("reach the classroom");
    let info: serde_json::Value = r.body_mut().read_json().unwrap();
    let case = info["case"].as_str().unwrap().to_string();
    let seed = info["seed"].as_u64().unwrap();
    let compiled = dealcraft::bundled::resolve(&case).unwrap().case.unwrap();
    // The expert line guides the stronger trainees: skill from 0.2 to 0.95 across the class.
    let limits = dealcraft::analysis::explore::Limits::states(4_000_000);
    let guide = dealcraft::analysis::explore::best_line(&compiled, seed, limits)
        .0
        .map(|l| l.line)
        .unwrap_or_default();
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let (agent, base, code, compiled, guide) = (
                agent.clone(),
                base.clone(),
                code.clone(),
                compiled.clone(),
                guide.clone(),
            );
            let skill = 0.2 + 0.75 * ((i * 7919) % n) as f64 / n.max(2) as f64;
            std::thread::spawn(move || {
                let name = match NAMES.get(i as usize) {
                    Some(n) => n.to_string(),
                    None => format!("Trainee {i}"),
                };
                let mut r = agent
                    .post(&format!("{base}/api/join"))
                    .send_json(serde_json::json!({ "name": name, "code": code }))
                    .unwrap();
                let j: serde_json::Value = r.body_mut().read_json().unwrap();
                let Some(token) = j["token"].as_str() else {
                    eprintln!("{name}: {}", j["error"]);
                    return;
                };
                std::thread::sleep(pause * (i as u32 % 5));
                for (seq, (line, points)) in
                    dealcraft::analysis::playouts::guided_line(&compiled, seed, i, &guide, skill)
                        .into_iter()
                        .enumerate()
                {
                    let r = agent
                        .post(&format!("{base}/api/move"))
                        .header("Authorization", &format!("Bearer {token}"))
                        .send_json(
                            serde_json::json!({ "seq": seq, "line": line, "points": points }),
                        )
                        .unwrap();
                    assert!(
                        r.status().is_success(),
                        "{name}: move {seq}: {}",
                        r.status()
                    );
                    std::thread::sleep(pause);
                }
                println!("{name} finished");
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
}
