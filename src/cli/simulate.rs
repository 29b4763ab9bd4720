//! `dealcraft simulate CASE --seed N --choices FILE|-`

use super::output::{out, outln};
use std::io::Read;
use std::path::PathBuf;
use std::time::SystemTime;

use serde::Serialize;

use super::output::print_json;
use super::output::say;
use super::{CmdResult, Failure, load_case_hashed};
use crate::case::text::Lang;
use crate::engine::{ChoiceError, Game};
use crate::report::transcript;

/// Lines of a script: one choice id (or one `read PERSON key=value …`) per line; blank lines
/// and comments (`#` or `//` to the end of the line) ignored.
pub fn parse_choices(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            let l = l.split('#').next().unwrap_or("");
            let l = l.split("//").next().unwrap_or("");
            (i + 1, l.trim().to_string())
        })
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// A script line that records the trainee's read of a person instead of taking a choice.
pub fn as_read(line: &str) -> Option<Result<crate::engine::Read, String>> {
    line.strip_prefix("read ").map(crate::engine::Read::parse)
}

fn read_choices(arg: &str) -> Result<String, Failure> {
    let mut text = String::new();
    if arg == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::Invalid(format!("cannot read choices from stdin: {e}")))?;
    } else {
        text = std::fs::read_to_string(arg)
            .map_err(|e| Failure::Invalid(format!("cannot read choices file {arg}: {e}")))?;
    }
    Ok(text)
}

#[derive(Serialize)]
struct Failed<'a> {
    error: String,
    /// Why the choice is not on offer, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<String>,
    line: usize,
    choice: &'a str,
    available: Vec<&'a str>,
}

/// Where to record the run: with `--player` or `--results`, a results file is written.
#[derive(Debug, Default)]
pub struct Record {
    pub player: Option<String>,
    pub results: Option<PathBuf>,
}

pub fn run(
    case: &str,
    seed: u64,
    choices: &str,
    json: bool,
    lang: Lang,
    record: Record,
) -> CmdResult {
    let started = SystemTime::now();
    let (c, case_hash) = load_case_hashed(case)?;
    let script = parse_choices(&read_choices(choices)?);
    let mut game = Game::new(c.clone(), seed);
    if !json {
        outln!("{}", transcript::header(&game, lang));
    }
    let where_ = if choices == "-" {
        "stdin".to_string()
    } else {
        choices.to_string()
    };
    for (line, id) in &script {
        if let Some(read) = as_read(id) {
            let read = read.map_err(|e| Failure::Invalid(format!("{where_}:{line}: {e}")))?;
            if c.stakeholders.get(&read.person).is_none() {
                let hint = crate::case::diagnostic::did_you_mean(
                    &read.person,
                    c.stakeholders.names.iter().map(|s| s.as_str()),
                )
                .map(|m| {
                    say(
                        &format!(" (did you mean `{m}`?)"),
                        &format!("（是不是 `{m}`？）"),
                    )
                })
                .unwrap_or_default();
                let who = &read.person;
                return Err(Failure::Invalid(say(
                    &format!("{where_}:{line}: no stakeholder `{who}` in this case{hint}"),
                    &format!("{where_}:{line}: 案例里没有人物 `{who}`{hint}"),
                )));
            }
            if !json {
                outln!("  {} {}", transcript::read_word(lang), read.to_line());
            }
            game.set_read(read);
            continue;
        }
        let scene = if json {
            String::new()
        } else {
            transcript::scene(&game, lang)
        };
        match game.choose(id) {
            Ok(m) => {
                if !json {
                    let m = m.clone();
                    out!("{scene}{}", transcript::move_text(&c, &m, lang));
                }
            }
            Err(e) => {
                let available = game.available_ids();
                if json {
                    let why = match &e {
                        ChoiceError::NotAvailable(_) => c
                            .choices
                            .get(id)
                            .map(|ix| crate::engine::why::line(&c, &game.state, ix, lang)),
                        _ => None,
                    };
                    print_json(&Failed {
                        error: e.to_string(),
                        why,
                        line: *line,
                        choice: id,
                        available: available.clone(),
                    })?;
                }
                let list = if available.is_empty() {
                    say("none (the deal is over)", "没有（这一单已经结束）")
                } else {
                    available.join(", ")
                };
                let l = super::output::lang();
                let why = match e {
                    ChoiceError::Unknown(_) => {
                        let hint = crate::case::diagnostic::did_you_mean(
                            id,
                            c.choices.names.iter().map(|s| s.as_str()),
                        )
                        .map(|m| {
                            say(
                                &format!(" (did you mean `{m}`?)"),
                                &format!("（是不是 `{m}`？）"),
                            )
                        })
                        .unwrap_or_default();
                        format!("{}{hint}", e.text(l))
                    }
                    ChoiceError::NotAvailable(_) => {
                        let ix = c.choices.get(id).unwrap_or(0);
                        let sep = say(": ", "：");
                        format!(
                            "{}{sep}{}",
                            e.text(l),
                            crate::engine::why::line(&c, &game.state, ix, l)
                        )
                    }
                    _ => e.text(l),
                };
                let here = say("available here: ", "此处可选：");
                return Err(Failure::Invalid(format!(
                    "{where_}:{line}: {why}\n{here}{list}"
                )));
            }
        }
    }
    let result = crate::scoring::result(&game);
    if json {
        print_json(&result)?;
    } else {
        out!("{}", transcript::result(&game, &result, lang));
    }
    // The result is on stdout before the results file is written: a failed write loses nothing.
    if record.player.is_some() || record.results.is_some() {
        write_record(&game, &case_hash, lang, started, &record)?;
    }
    Ok(())
}

fn write_record(
    game: &Game,
    case_hash: &str,
    lang: Lang,
    started: SystemTime,
    record: &Record,
) -> CmdResult {
    if !game.is_over() {
        eprintln!(
            "note: the deal is not finished (the choices stop before an ending), so no results file was written"
        );
        return Ok(());
    }
    let dir = crate::results::results_dir(record.results.as_deref());
    let player = record.player.as_deref().unwrap_or("anonymous");
    let file = crate::results::build(game, case_hash, player, lang, started);
    match crate::results::write_results(&dir, &file) {
        Ok(path) => {
            // One write, so that a kill cannot print half the line.
            let line = format!("results: {}\n", path.display());
            let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
            if file.expert_pending {
                eprintln!(
                    "note: no expert line in the results file: the case is too large to explore within {} states and {} s while writing it (hint: `dealcraft analyze {} --seed {}` finds the best line)",
                    crate::results::EXPERT_STATE_CAP,
                    crate::results::EXPERT_DEADLINE.as_secs(),
                    file.case,
                    file.seed
                );
            }
            Ok(())
        }
        Err(e) => Err(Failure::Invalid(format!(
            "cannot write the results file into {}: {e}\nthe run is NOT in the results folder; its result is printed above (run again with --results pointing at a writable folder to record it)",
            dir.display()
        ))),
    }
}
