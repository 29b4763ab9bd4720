//! The command line driven the way an author or instructor would: exit codes, messages with
//! locations, JSON shapes. Runs the real binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn dealcraft(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dealcraft"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn scratch(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dealcraft-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, contents).unwrap();
    p
}

const TUTORIAL: &str = include_str!("../cases/first-lead.ron");
/// The tutorial's expert line in its `wing` variant (seeds 1–8).
const EXPERT: &str = include_str!("scripts/first-lead-expert.txt");

#[test]
fn bundled_cases_validate_clean() {
    let out = dealcraft(&["validate", "cases"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("0 error(s), 0 warning(s)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn unknown_reference_has_location_and_did_you_mean() {
    let broken = TUTORIAL.replace("meets: [\"nurse_lin\"]", "meets: [\"nurse_lim\"]");
    let p = scratch("typo.ron", broken.as_bytes());
    let out = dealcraft(&["validate", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let line = broken
        .lines()
        .position(|l| l.contains("nurse_lim"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("typo.ron:{line}:")), "{err}");
    assert!(err.contains("unknown stakeholder `nurse_lim`"), "{err}");
    assert!(err.contains("did you mean `nurse_lin`?"), "{err}");
}

#[test]
fn validate_json_shape() {
    let broken = TUTORIAL.replace("go: Some(\"decide\")", "go: Some(\"decidee\")");
    let p = scratch("json.ron", broken.as_bytes());
    let out = dealcraft(
        &[
            "validate",
            "--json",
            p.to_str().unwrap(),
            "cases/first-lead.ron",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"], 2);
    assert!(v["errors"].as_u64().unwrap() >= 1);
    let d = &v["diagnostics"][0];
    for key in [
        "file", "line", "column", "severity", "code", "message", "hint",
    ] {
        assert!(d.get(key).is_some(), "missing {key} in {d}");
    }
    assert_eq!(d["severity"], "error");
    assert_eq!(d["code"], "E011");
    assert!(d["line"].as_u64().unwrap() > 1);
}

#[test]
fn syntax_error_points_at_the_place() {
    let broken = TUTORIAL.replacen("difficulty: Easy,", "difficulty: Eazy,", 1);
    let p = scratch("syntax.ron", broken.as_bytes());
    let out = dealcraft(&["validate", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let line = broken.lines().position(|l| l.contains("Eazy")).unwrap() + 1;
    assert!(err.contains(&format!("syntax.ron:{line}:17")), "{err}");
    assert!(err.contains("did you mean `Easy`?"), "{err}");
}

#[test]
fn hostile_files_are_errors_not_crashes() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.ron", b"   \n".to_vec(), "E004"),
        ("latin1.ron", b"Case(id: \"caf\xe9\")".to_vec(), "E003"),
        ("binary.ron", b"Case(\0\0\0)".to_vec(), "E005"),
        ("deep.ron", "[".repeat(200_000).into_bytes(), "E006"),
        ("huge.ron", vec![b' '; 3 * 1024 * 1024], "E002"),
        (
            "truncated.ron",
            TUTORIAL.as_bytes()[..TUTORIAL.len() / 2].to_vec(),
            "E001",
        ),
    ];
    for (name, bytes, code) in cases {
        let p = scratch(name, &bytes);
        let out = dealcraft(&["validate", "--json", p.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["diagnostics"][0]["code"], code, "{name}: {v}");
    }
    let out = dealcraft(&["validate", "/no/such/case.ron"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read the file"));
}

#[test]
fn simulate_expert_line_json() {
    let out = dealcraft(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "3",
            "--choices",
            "-",
            "--json",
        ],
        Some(EXPERT),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["outcome"], "won");
    for key in ["total", "burning_issue", "insider", "sequencing"] {
        assert!(v["score"][key].is_number(), "score.{key}");
    }
    for key in ["pain", "power", "vision", "value", "control"] {
        assert!(v["intensity"][key].is_number(), "intensity.{key}");
    }
    assert_eq!(v["funnel"], 100);
    assert!(v["cost"]["money"].is_number());
    let moves = v["moves"].as_array().unwrap();
    assert_eq!(moves.len(), 13);
    assert_eq!(moves[5]["choice"], "bi_wing");
    assert_eq!(moves[5]["deltas"][0]["kind"], "burning_issue");
    assert_eq!(moves[5]["deltas"][0]["points"], 100);
    // The hospital decided on the last move, from who stood where.
    assert_eq!(v["variant"], "wing");
    assert!(
        v["score"]["win_chance"].as_u64().unwrap() >= 90,
        "{}",
        v["score"]
    );
    assert!(
        v["score"]["total"].as_f64().unwrap() >= 90.0,
        "{}",
        v["score"]
    );
    assert!(moves[0]["note"]["en"].as_str().unwrap().len() > 10);
}

#[test]
fn simulate_is_byte_identical_for_same_seed() {
    let a = dealcraft(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "9",
            "--choices",
            "-",
            "--json",
        ],
        Some(EXPERT),
    );
    let b = dealcraft(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "9",
            "--choices",
            "-",
            "--json",
        ],
        Some(EXPERT),
    );
    assert_eq!(a.stdout, b.stdout);
    let t1 = dealcraft(
        &["simulate", "first-lead", "--seed", "9", "--choices", "-"],
        Some(EXPERT),
    );
    let t2 = dealcraft(
        &["simulate", "first-lead", "--seed", "9", "--choices", "-"],
        Some(EXPERT),
    );
    assert_eq!(t1.stdout, t2.stdout);
}

#[test]
fn simulate_transcript_has_notes_in_chinese() {
    let out = dealcraft(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "1",
            "--choices",
            "-",
            "--lang",
            "zh",
        ],
        Some(EXPERT),
    );
    assert_eq!(out.status.code(), Some(0));
    let s = text(&out.stdout);
    assert!(s.contains("找准了燃眉之急"), "{s}");
    assert!(s.contains("签约"), "{s}");
}

#[test]
fn unavailable_choice_lists_what_is_available() {
    let out = dealcraft(
        &["simulate", "first-lead", "--seed", "1", "--choices", "-"],
        Some("call_lin\n# comment\n\nsend_letter\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("stdin:4: choice `send_letter` is not available"),
        "{err}"
    );
    assert!(err.contains("available here: ask_open"), "{err}");
    let out = dealcraft(
        &["simulate", "first-lead", "--seed", "1", "--choices", "-"],
        Some("call_lim\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("did you mean `call_lin`?"));
}

#[test]
fn analyze_json_keys() {
    let out = dealcraft(
        &["analyze", "first-lead", "--json", "--playouts", "200"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "case",
        "states",
        "exhaustive",
        "best",
        "worst",
        "endings",
        "dead_ends",
        "unreachable",
        "playouts",
        "elapsed_ms",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["exhaustive"], true);
    assert_eq!(v["best"]["outcome"], "won");
    assert!(v["best"]["line"].as_array().unwrap().len() >= 4);
    assert_eq!(v["dead_ends"].as_array().unwrap().len(), 0);
    assert_eq!(v["playouts"]["n"], 200);
    for key in ["min", "p10", "p50", "p90", "max"] {
        assert!(v["playouts"][key].is_number());
    }
    assert!(v["best"]["score"].as_f64() >= v["playouts"]["max"].as_f64());
}

#[test]
fn graph_formats() {
    let dot = dealcraft(&["graph", "first-lead", "--format", "dot"], None);
    assert_eq!(dot.status.code(), Some(0));
    let s = text(&dot.stdout);
    assert!(s.starts_with("digraph"));
    assert!(s.contains("\"board\" -> \"talk_lin\""));
    let mm = dealcraft(
        &["graph", "first-lead", "--format", "mermaid", "--lang", "zh"],
        None,
    );
    let s = text(&mm.stdout);
    assert!(s.starts_with("flowchart"));
    assert!(s.contains("商机看板"));
    // The map drawn here, no Graphviz: every scene's title is on it, in the language asked.
    let svg = dealcraft(
        &["graph", "haicheng", "--format", "svg", "--lang", "zh"],
        None,
    );
    assert_eq!(svg.status.code(), Some(0));
    let s = text(&svg.stdout);
    assert!(s.contains("<svg") && s.trim_end().ends_with("</svg>"));
    let case =
        dealcraft::engine::load_bytes("haicheng.ron", include_bytes!("../cases/haicheng.ron"))
            .case
            .unwrap();
    for scene in &case.case.scenes {
        assert!(
            s.contains(&scene.title.zh),
            "{} missing from the map",
            scene.id
        );
    }
}

#[test]
fn cases_lists_bundled() {
    let out = dealcraft(&["cases", "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"first-lead"));
    assert!(v[0]["languages"].as_array().unwrap().len() == 2);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(dealcraft(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(
        dealcraft(&["simulate", "first-lead"], None).status.code(),
        Some(2)
    );
    assert_eq!(
        dealcraft(&["graph", "first-lead", "--format", "png"], None)
            .status
            .code(),
        Some(2)
    );
    let out = dealcraft(&["analyze", "no-such-case"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("Bundled cases"));
}

#[test]
fn characters_outside_the_font_are_located() {
    let odd = TUTORIAL.replacen("林华又累又忙。", "林华又累又忙犇。", 1);
    let p = scratch("font.ron", odd.as_bytes());
    let out = dealcraft(&["validate", "--json", p.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "a warning, not an error");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "W109");
    assert!(d["message"].as_str().unwrap().contains("U+7287"));
    let line = odd.lines().position(|l| l.contains('犇')).unwrap() + 1;
    assert_eq!(d["line"], line);
}

#[test]
fn portraits_must_stay_inside_the_case_folder() {
    let dir = std::env::temp_dir().join(format!("dealcraft-portraits-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("faces")).unwrap();
    std::fs::write(dir.join("faces/lin.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let with = |portrait: &str| {
        TUTORIAL.replacen(
            "known: true,",
            &format!("known: true,\n            portrait: \"{portrait}\","),
            1,
        )
    };
    let ok = dir.join("ok.ron");
    std::fs::write(&ok, with("faces/lin.png")).unwrap();
    assert_eq!(
        dealcraft(&["validate", ok.to_str().unwrap()], None)
            .status
            .code(),
        Some(0)
    );
    for (name, bad, says) in [
        ("up.ron", "../secret.png", ".."),
        ("abs.ron", "/etc/passwd", "absolute"),
        ("missing.ron", "faces/nobody.png", "cannot read"),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, with(bad)).unwrap();
        let out = dealcraft(&["validate", "--json", p.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["diagnostics"][0]["code"], "E022", "{name}: {v}");
        assert!(
            v["diagnostics"][0]["message"]
                .as_str()
                .unwrap()
                .contains(says),
            "{name}: {v}"
        );
        assert!(v["diagnostics"][0]["line"].as_u64().unwrap() > 1);
    }
}

#[test]
fn the_tools_own_words_follow_lang_zh() {
    let broken = TUTORIAL.replace("meets: [\"nurse_lin\"]", "meets: [\"nurse_lim\"]");
    let p = scratch("typo-zh.ron", broken.as_bytes());
    let out = dealcraft(&["validate", p.to_str().unwrap(), "--lang", "zh"], None);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("没有这个人物：`nurse_lim`"), "{err}");
    assert!(err.contains("是不是 `nurse_lin`？"), "{err}");
    assert!(err.contains("这里"), "the caret's label: {err}");
    assert!(err.contains("检查了 1 个文件：2 个错误"), "{err}");
    // simulate: an unavailable choice, why, and what is on offer, in Chinese.
    let out = dealcraft(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "1",
            "--choices",
            "-",
            "--lang",
            "zh",
        ],
        Some("no_such_move\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("错误：stdin:1: 案例里没有 id 为 `no_such_move` 的选择"),
        "{err}"
    );
    assert!(err.contains("此处可选："), "{err}");
}
