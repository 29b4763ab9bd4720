//! Results files and the class report, driven through the real binary the way an instructor
//! would: runs with `--player/--results`, then `dealcraft report`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dealcraft(args: &[&str], stdin: Option<&str>) -> Output {
    dealcraft_env(args, stdin, &[])
}

fn dealcraft_env(args: &[&str], stdin: Option<&str>, env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dealcraft"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("binary runs");
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

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("dealcraft-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

const EXPERT: &str = include_str!("scripts/first-lead-expert.txt");
/// Drives to the hospital before the lead is qualified, then builds the meeting on price and
/// offers a discount: lost.
const WEAK: &str = "visit_ward\nask_open\nask_closed\nsummarise_ask_intro\nprepare\nbi_price\ngo_with_lin\nxu_problem\nxu_implication\nxu_payoff\npresent_price\nsend_letter\nask_committee\n";
/// The right issue and the right way up, but the same early trip.
const MIDDLE: &str = "visit_ward\nask_open\nask_closed\nsummarise_ask_intro\nprepare\nbi_wing\ngo_with_lin\nxu_problem\nxu_implication\nxu_payoff\npresent_wing\nsend_letter\nask_committee\n";

fn play(dir: &Path, player: &str, line: &str) -> Output {
    let out = dealcraft(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "7",
            "--choices",
            "-",
            "--json",
            "--player",
            player,
            "--results",
            dir.to_str().unwrap(),
        ],
        Some(line),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    out
}

#[test]
fn simulate_writes_a_complete_results_file_and_keeps_its_output() {
    let dir = scratch("one");
    let plain = dealcraft(
        &["simulate", "first-lead", "--seed", "7", "--choices", "-"],
        Some(EXPERT),
    );
    let recorded = dealcraft(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "7",
            "--choices",
            "-",
            "--lang",
            "en",
            "--player",
            "Ada Lovelace",
            "--results",
            dir.to_str().unwrap(),
        ],
        Some(EXPERT),
    );
    assert_eq!(
        recorded.status.code(),
        Some(0),
        "{}",
        text(&recorded.stderr)
    );
    assert_eq!(
        text(&plain.stdout),
        text(&recorded.stdout),
        "the transcript is unchanged"
    );

    let names = files_in(&dir);
    assert_eq!(names.len(), 1, "one file and no temp file: {names:?}");
    let name = &names[0];
    assert!(
        name.starts_with("first-lead-ada-lovelace-7-") && name.ends_with(".json"),
        "{name}"
    );
    let path = dir.join(name);
    assert!(
        text(&recorded.stderr).contains(&path.display().to_string()),
        "the path is printed: {}",
        text(&recorded.stderr)
    );

    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["player"], "Ada Lovelace");
    assert_eq!(v["case"], "first-lead");
    assert!(
        v["case_title"]["en"]
            .as_str()
            .unwrap()
            .starts_with("First lead")
    );
    assert_eq!(v["case_hash"].as_str().unwrap().len(), 16);
    assert_eq!(v["seed"], 7);
    assert_eq!(v["lang"], "en");
    for t in ["started", "ended"] {
        let s = v[t].as_str().unwrap();
        assert!(
            s.len() == 20 && s.ends_with('Z') && &s[10..11] == "T",
            "{t} is RFC 3339 UTC: {s}"
        );
    }
    let r = &v["result"];
    assert_eq!(r["outcome"], "won");
    assert_eq!(r["moves"].as_array().unwrap().len(), 13);
    assert_eq!(r["moves"][0]["choice"], "call_lin");
    // The diagnosis is the one move the trainee is scored on directly; the rest is the deal.
    assert_eq!(r["moves"][5]["deltas"][0]["points"], 100);
    assert!(r["score"]["total"].as_f64().unwrap() > 90.0);
    assert!(r["intensity"]["pain"].is_number());
    assert_eq!(r["decision"]["winner"], "us", "{}", r["decision"]);
    let e = &v["expert"];
    assert_eq!(e["steps"].as_array().unwrap().len(), 13, "{e}");
    assert_eq!(e["steps"][0]["choice"], "call_lin");
    assert_eq!(e["score"]["total"], r["score"]["total"]);
}

#[test]
fn same_player_twice_never_overwrites() {
    let dir = scratch("twice");
    play(&dir, "Li", EXPERT);
    play(&dir, "Li", WEAK);
    play(&dir, "Li", EXPERT);
    let names = files_in(&dir);
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".json") && !n.starts_with('.'))
    );
}

#[test]
fn player_alone_writes_into_the_data_directory() {
    let data = scratch("data");
    let out = dealcraft_env(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "7",
            "--choices",
            "-",
            "--player",
            "李雷",
        ],
        Some(EXPERT),
        &[("DEALCRAFT_DATA_DIR", &data)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let names = files_in(&data.join("results"));
    assert_eq!(names.len(), 1);
    assert!(names[0].contains("李雷"), "{names:?}");
}

#[test]
fn unfinished_run_writes_nothing_and_says_so() {
    let dir = scratch("unfinished");
    let out = dealcraft(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "7",
            "--choices",
            "-",
            "--player",
            "Li",
            "--results",
            dir.to_str().unwrap(),
        ],
        Some("call_lin\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("not finished"),
        "{}",
        text(&out.stderr)
    );
    assert!(files_in(&dir).is_empty());
}

#[test]
fn unwritable_results_dir_fails_clearly_after_printing_the_result() {
    let dir = scratch("blocked");
    // A file where the folder should be: no permission trick, so it fails as root too.
    let blocked = dir.join("results");
    std::fs::write(&blocked, b"not a folder").unwrap();
    let out = dealcraft(
        &[
            "simulate",
            "first-lead",
            "--seed",
            "7",
            "--choices",
            "-",
            "--json",
            "--player",
            "Li",
            "--results",
            blocked.to_str().unwrap(),
        ],
        Some(EXPERT),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("cannot write the results file"), "{err}");
    assert!(err.contains(&blocked.display().to_string()), "{err}");
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).expect("result on stdout");
    assert_eq!(result["outcome"], "won");
    assert_eq!(
        files_in(&dir),
        vec!["results".to_string()],
        "no temp file left"
    );
}

fn copy_fixtures(dir: &Path) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/results");
    for f in ["malformed.json", "foreign.json", "future-version.json"] {
        std::fs::copy(fixtures.join(f), dir.join(f)).unwrap();
    }
}

/// The section of the page between two `<h2` headings, starting at `id`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<h2 id=\"{id}\""))
        .unwrap_or_else(|| panic!("section {id}"));
    let rest = &html[start..];
    let end = rest[4..].find("<h2").map(|e| e + 4).unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn class_report_html_and_csv() {
    let dir = scratch("class");
    play(&dir, "Alice <Expert>", EXPERT);
    play(&dir, "Bob Weak", WEAK);
    play(&dir, "王芳", MIDDLE);
    copy_fixtures(&dir);
    let out_dir = scratch("class-out");
    let html_path = out_dir.join("report.html");
    let csv_path = out_dir.join("scores.csv");
    let out = dealcraft(
        &[
            "report",
            dir.to_str().unwrap(),
            "--out",
            html_path.to_str().unwrap(),
            "--csv",
            csv_path.to_str().unwrap(),
        ],
        None,
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for f in ["malformed.json", "foreign.json", "future-version.json"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("skipped") && l.contains(f)),
            "{f} reported: {err}"
        );
    }
    assert!(err.contains("newer Dealcraft"), "{err}");

    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<script") && !html.contains("http"),
        "self-contained"
    );
    assert!(html.contains("<svg"), "inline charts");
    assert!(
        html.contains("Alice &lt;Expert&gt;") && !html.contains("<Expert>"),
        "escaped"
    );
    assert!(html.contains("Bob Weak") && html.contains("王芳"));
    assert!(!html.contains("From The Future"), "future file not read");

    let board = section(&html, "board");
    let (a, c, b) = (
        board.find("Alice &lt;Expert&gt;").unwrap(),
        board.find("王芳").unwrap(),
        board.find("Bob Weak").unwrap(),
    );
    assert!(a < c && c < b, "leaderboard by total");

    let costly = section(&html, "costly");
    // The early trip (−35 sequencing, two players: −70) comes before the wrong burning issue
    // (−40, one player), and they lead the list.
    let (trip, wrong_issue) = (
        costly.find("visit_ward").expect("early trip listed"),
        costly.find("bi_price").expect("wrong diagnosis listed"),
    );
    assert!(trip < wrong_issue, "{costly}");
    assert!(costly.contains("−70") && costly.contains("−40"), "{costly}");
    let first_row = &costly[costly.find("<tbody>").unwrap()..];
    let first_row = &first_row[..first_row.find("</tr>").unwrap()];
    assert!(first_row.contains("visit_ward"), "{first_row}");
    assert!(costly.contains("Drive to the hospital and find Lin Hua on the ward"));
    assert!(
        costly.contains("2 / 3"),
        "two players drove out before qualifying the lead: {costly}"
    );

    let lines = section(&html, "lines");
    assert!(lines.contains("Expert line"));
    assert!(lines.contains("first departure"));

    // Skipped files are in the footer too.
    let footer = &html[html.find("<footer").unwrap()..];
    assert!(footer.contains("malformed.json") && footer.contains("foreign.json"));

    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 4, "{csv}");
    assert_eq!(
        rows[0],
        "player,case,seed,lang,outcome,total,burning_issue,insider,sequencing,rank,pain,power,vision,value,control,funnel,money,weeks,moves,started,ended"
    );
    assert!(
        rows[1].starts_with("Alice <Expert>,first-lead,7,en,won,"),
        "{}",
        rows[1]
    );
    assert!(
        rows[3].starts_with("Bob Weak,first-lead,7,en,lost,"),
        "{}",
        rows[3]
    );
    assert!(rows.iter().all(|r| r.split(',').count() == 21));

    // Chinese labels with --lang zh.
    let zh = out_dir.join("zh.html");
    let out = dealcraft(
        &[
            "report",
            dir.to_str().unwrap(),
            "--out",
            zh.to_str().unwrap(),
            "--lang",
            "zh",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let zh = std::fs::read_to_string(zh).unwrap();
    assert!(zh.contains("排行榜") && zh.contains("开车去医院，到病房找林华"));
    assert!(
        files_in(&out_dir).iter().all(|n| !n.starts_with('.')),
        "no temp files"
    );
}

#[test]
fn report_with_no_runs_fails() {
    let empty = scratch("empty");
    let out_path = empty.join("report.html");
    let out = dealcraft(
        &[
            "report",
            empty.to_str().unwrap(),
            "--out",
            out_path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no results files"),
        "{}",
        text(&out.stderr)
    );

    let junk = scratch("junk");
    copy_fixtures(&junk);
    let out = dealcraft(
        &[
            "report",
            junk.to_str().unwrap(),
            "--out",
            out_path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).matches("skipped ").count(),
        3,
        "{}",
        text(&out.stderr)
    );
    assert!(!out_path.exists());

    let missing = dealcraft(
        &[
            "report",
            "/nonexistent/results",
            "--out",
            out_path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("not a folder"));
}
