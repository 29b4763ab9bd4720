//! The command line: one binary for trainees (play), authors (validate, analyze, graph) and
//! instructors (simulate, cases). Exit codes: 0 success, 1 invalid input, 2 usage error.

mod analyze;
mod cases;
mod classroom;
mod graph;
mod new_case;
mod output;
mod report;
mod simulate;

pub use simulate::as_read as simulate_as_read;
pub use simulate::parse_choices as simulate_parse_choices;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::case::text::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "dealcraft",
    version,
    about = "Dealcraft — practise big B2B deals. With no command, opens the game."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Play a case in a window (the default).
    Play(PlayArgs),
    /// Check case files or folders; diagnostics with file:line:col.
    Validate {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Machine-readable report on stdout.
        #[arg(long)]
        json: bool,
        /// The language of the messages (`zh`: 中文).
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
    },
    /// Explore every reachable state: best and worst lines, dead ends, unreachable content.
    Analyze {
        /// A bundled case id or a path to a .ron file.
        case: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Random playouts (seeds seed, seed+1, …) for the score distribution.
        #[arg(long, default_value_t = 1000)]
        playouts: usize,
        /// Stop exploring after this many states (in each pass of a variant).
        #[arg(long, default_value_t = crate::analysis::explore::DEFAULT_STATE_CAP)]
        max_states: usize,
        /// Memory bound of each pass (a variant's best, reach, trap or worst search: its
        /// visited set and stack), in MiB; at most --threads passes run at once. Past it the
        /// analysis samples instead.
        #[arg(long, value_name = "MIB", default_value_t = crate::analysis::explore::DEFAULT_MAX_BYTES >> 20)]
        max_memory: usize,
        /// Time bound in seconds (the report then depends on the machine's speed).
        #[arg(long, value_name = "SECONDS")]
        max_seconds: Option<f64>,
        /// Threads for the variants and their passes (default: every core). The report is
        /// the same on any number.
        #[arg(long)]
        threads: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// Play a list of choice ids and print the transcript and the result.
    Simulate {
        case: String,
        #[arg(long)]
        seed: u64,
        /// File with one choice id per line (`-` for stdin; `#` starts a comment).
        #[arg(long, value_name = "FILE|-")]
        choices: String,
        #[arg(long)]
        json: bool,
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
        /// Player name for the results file (implies writing one).
        #[arg(long, value_name = "NAME")]
        player: Option<String>,
        /// Write the results file of the finished run into DIR (default with --player: the
        /// data directory's `results` folder).
        #[arg(long, value_name = "DIR")]
        results: Option<PathBuf>,
    },
    /// Class report from a folder of results files (or a classroom's database): one HTML page,
    /// optionally a CSV.
    Report {
        /// The folder with the results files (subfolders are read too).
        #[arg(
            value_name = "RESULTS_DIR",
            required_unless_present = "db",
            conflicts_with = "db"
        )]
        dir: Option<PathBuf>,
        /// A classroom's database (`dealcraft classroom --db`) instead of a folder.
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// The session in the database (default: the latest).
        #[arg(long, value_name = "N", requires = "db")]
        session: Option<i64>,
        /// The HTML page to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Also write a CSV with one row per run.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Start the CSV with a byte-order mark (Excel on Windows needs it for Chinese names).
        #[arg(long, requires = "csv")]
        bom: bool,
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
        /// Only runs of this case id (default: the case with the most runs).
        #[arg(long, value_name = "ID")]
        case: Option<String>,
    },
    /// The case's scenes and choices as a graph.
    Graph {
        case: String,
        #[arg(long, value_enum, default_value_t = GraphFormat::Mermaid)]
        format: GraphFormat,
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
    },
    /// List the bundled cases.
    Cases {
        #[arg(long)]
        json: bool,
    },
    /// Start a new case from a small, commented, playable scaffold.
    NewCase {
        /// The case id: lowercase letters, digits, `-` and `_` (e.g. `acme-erp`).
        id: String,
        /// Folder to write ID.ron into.
        #[arg(long, value_name = "DIR", default_value = "cases")]
        out: PathBuf,
    },
    /// A live classroom: serve the game to the trainees' browsers, record every move, show a
    /// projector page that updates itself (see docs/classroom.md).
    Classroom(classroom::ClassroomArgs),
    /// Package the web build as a SCORM 1.2 zip for an LMS (score, pass/fail, headline scores).
    Scorm {
        case: String,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
        /// Total (0–100) at or above which the LMS records `passed`.
        #[arg(long, default_value_t = 60)]
        pass_mark: u8,
        /// The web build's folder (default: target/web).
        #[arg(long, value_name = "DIR")]
        web: Option<PathBuf>,
        /// The zip to write (default: CASE-scorm12.zip).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Language server for case files on stdin/stdout (for editors; see editors/vscode).
    Lsp {
        /// The language of the diagnostics (`zh`: 中文).
        #[arg(long, value_enum, default_value_t = LangArg::En)]
        lang: LangArg,
    },
}

#[derive(clap::Args, Debug, Default, Clone)]
pub struct PlayArgs {
    /// A bundled case id or a path to a .ron file (default: choose on screen).
    pub case: Option<String>,
    #[arg(long)]
    pub seed: Option<u64>,
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    #[arg(long)]
    pub player: Option<String>,
    /// Folder for the results file of each finished run (default: the data directory's
    /// `results` folder).
    #[arg(long, value_name = "DIR")]
    pub results: Option<PathBuf>,
    /// Extra folder of case files (live-reloaded while you edit).
    #[arg(long, value_name = "DIR")]
    pub cases: Option<PathBuf>,
    /// Play these choice ids through the UI (automation).
    #[arg(long, value_name = "FILE")]
    pub script: Option<PathBuf>,
    /// Save one screenshot per screen visited into DIR, and DIR/result.json.
    #[arg(long, value_name = "DIR")]
    pub screenshots: Option<PathBuf>,
    /// Quit when the script is done.
    #[arg(long)]
    pub exit_when_done: bool,
    /// Author's preview: play these choices (a choices file, as for `simulate`) before the
    /// window opens, and start where they lead.
    #[arg(long, value_name = "FILE")]
    pub line: Option<PathBuf>,
    /// Author's preview: start at this scene, by the shortest line from the start (or from
    /// the end of `--line`), with the state that line builds.
    #[arg(long, value_name = "SCENE")]
    pub from: Option<String>,
    /// Window size in logical pixels, e.g. `1024x600` (default 1280x720).
    #[arg(long, value_name = "WxH", value_parser = parse_window)]
    pub window: Option<(u32, u32)>,
    /// Join a live classroom (the address the instructor gives, with its `?code=`): the case,
    /// seed and language are the classroom's, and every move is sent to it. Needs --player.
    #[arg(long, value_name = "URL", requires = "player")]
    pub classroom: Option<String>,
    /// Author's overlay: the hidden truth, flags and why each choice is or is not offered
    /// (F7), and the case map with the current scene marked (F8).
    #[arg(long)]
    pub author: bool,
}

/// `1024x600` → (1024, 600); from 640×400 to 7680×4320.
fn parse_window(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("`{s}`: write the size as WIDTHxHEIGHT, e.g. 1280x720"))?;
    let n = |v: &str| {
        v.trim()
            .parse::<u32>()
            .map_err(|_| format!("`{s}`: {v} is not a number"))
    };
    let (w, h) = (n(w)?, n(h)?);
    if !(640..=7680).contains(&w) || !(400..=4320).contains(&h) {
        return Err(format!("`{s}`: from 640x400 to 7680x4320"));
    }
    Ok((w, h))
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangArg {
    En,
    Zh,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphFormat {
    Dot,
    Mermaid,
    /// The map laid out and drawn here, as a standalone SVG (no Graphviz needed).
    Svg,
}

/// Why a command failed; decides the exit code.
pub enum Failure {
    /// Bad case, bad choice, unreadable file: exit 1.
    Invalid(String),
    /// Wrong use of the command line: exit 2.
    Usage(String),
}

pub type CmdResult = Result<(), Failure>;

impl Command {
    /// The language the command's `--lang` asks for (English where it has none).
    fn tool_lang(&self) -> Lang {
        let l = match self {
            Command::Validate { lang, .. }
            | Command::Simulate { lang, .. }
            | Command::Report { lang, .. }
            | Command::Graph { lang, .. } => Some(*lang),
            Command::Play(args) => args.lang,
            Command::Classroom(args) => Some(args.lang),
            _ => None,
        };
        l.map(Lang::from).unwrap_or(Lang::En)
    }
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let command = cli.command.unwrap_or(Command::Play(PlayArgs::default()));
    output::set_lang(command.tool_lang());
    let result = match command {
        Command::Play(args) => play(args),
        Command::Validate { paths, json, .. } => validate::run(&paths, json),
        Command::Analyze {
            case,
            seed,
            playouts,
            max_states,
            max_memory,
            max_seconds,
            threads,
            json,
        } => analyze::run(
            &case,
            seed,
            analyze::Bounds {
                playouts,
                max_states,
                max_memory_mib: max_memory,
                max_seconds,
                threads,
            },
            json,
        ),
        Command::Simulate {
            case,
            seed,
            choices,
            json,
            lang,
            player,
            results,
        } => simulate::run(
            &case,
            seed,
            &choices,
            json,
            lang.into(),
            simulate::Record { player, results },
        ),
        Command::Report {
            dir,
            db,
            session,
            out,
            csv,
            bom,
            lang,
            case,
        } => report::run(
            match (&dir, &db) {
                (_, Some(db)) => report::Source::Classroom(db, session),
                (Some(dir), None) => report::Source::Folder(dir),
                (None, None) => unreachable!("clap requires one"),
            },
            &out,
            csv.as_deref(),
            bom,
            lang.into(),
            case.as_deref(),
        ),
        Command::Graph { case, format, lang } => graph::run(&case, format, lang.into()),
        Command::Cases { json } => cases::run(json),
        Command::NewCase { id, out } => new_case::run(&id, &out),
        Command::Classroom(args) => classroom::run(args),
        Command::Scorm {
            case,
            seed,
            lang,
            pass_mark,
            web,
            out,
        } => classroom::scorm(&case, seed, lang.into(), pass_mark, web, out),
        Command::Lsp { lang } => {
            crate::lsp::run(lang.into()).map_err(|e| Failure::Invalid(format!("lsp: {e}")))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Invalid(msg)) => {
            if !msg.is_empty() {
                eprintln!("{}{msg}", output::say("error: ", "错误："));
            }
            ExitCode::from(1)
        }
        Err(Failure::Usage(msg)) => {
            eprintln!("{}{msg}", output::say("error: ", "错误："));
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "game")]
fn play(mut args: PlayArgs) -> CmdResult {
    let preview = preview_line(&args)?;
    let mut classroom = None;
    let mut given_case = None;
    let mut lang = args.lang.map(Lang::from);
    if let Some(url) = &args.classroom {
        let name = args.player.clone().unwrap_or_default();
        let joined = classroom::join(url, &name)?;
        eprintln!(
            "joined the classroom at {} as {} (case {}, seed {})",
            joined.base, joined.name, joined.case, joined.seed
        );
        args.case = Some(joined.case.clone());
        given_case = Some(joined.given_case());
        args.seed = Some(joined.seed);
        args.player = Some(joined.name.clone());
        lang = lang.or(Some(joined.lang));
        classroom = Some(crate::session::Classroom::Server {
            base: joined.base,
            token: joined.token,
            next_seq: joined.next_seq,
        });
    }
    crate::app::run(crate::session::PlayOptions {
        classroom,
        given_case,
        case: args.case,
        seed: args.seed,
        lang,
        player: args.player,
        results: args.results,
        cases: args.cases,
        script: args.script,
        screenshots: args.screenshots,
        exit_when_done: args.exit_when_done,
        preview,
        author: args.author,
        window: args.window,
    })
    .map_err(Failure::Invalid)
}

/// The moves of `--line` and the shortest way on to `--from`, checked against the case
/// before any window opens.
#[cfg_attr(not(feature = "game"), allow(dead_code))]
fn preview_line(args: &PlayArgs) -> Result<Vec<String>, Failure> {
    if args.line.is_none() && args.from.is_none() {
        return Ok(vec![]);
    }
    let Some(case) = &args.case else {
        return Err(Failure::Usage("--line and --from need a CASE".into()));
    };
    let c = load_case(case)?;
    let seed = args.seed.unwrap_or(1);
    let mut line: Vec<String> = Vec::new();
    if let Some(path) = &args.line {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::Invalid(format!("cannot read {}: {e}", path.display())))?;
        line = simulate::parse_choices(&text)
            .into_iter()
            .map(|(_, l)| l)
            .filter(|l| simulate::as_read(l).is_none())
            .collect();
    }
    match &args.from {
        Some(scene) => {
            let more = crate::analysis::preview::line_to_scene(
                &c,
                seed,
                &line,
                scene,
                crate::analysis::preview::MAX_PREVIEW_STATES,
            )
            .map_err(Failure::Invalid)?;
            line.extend(more);
        }
        None => {
            crate::engine::Game::replay(c.clone(), seed, line.iter().map(String::as_str))
                .map_err(|(i, e)| Failure::Invalid(format!("--line move {}: {e}", i + 1)))?;
        }
    }
    Ok(line)
}

#[cfg(not(feature = "game"))]
fn play(_args: PlayArgs) -> CmdResult {
    Err(Failure::Usage(
        "this dealcraft was built without the game (feature `game`); the other commands work"
            .into(),
    ))
}

/// Load a CASE argument; print its diagnostics if it is broken.
fn load_case(arg: &str) -> Result<std::sync::Arc<crate::engine::Compiled>, Failure> {
    load_case_hashed(arg).map(|(c, _)| c)
}

/// [`load_case`] and the content hash of the case's text (for results files).
fn load_case_hashed(
    arg: &str,
) -> Result<(std::sync::Arc<crate::engine::Compiled>, String), Failure> {
    let loaded = crate::bundled::resolve(arg).map_err(Failure::Invalid)?;
    match &loaded.case {
        Some(c) => Ok((
            c.clone(),
            crate::save::content_hash(loaded.source.as_deref().unwrap_or_default()),
        )),
        None => {
            output::print_diagnostics(&loaded);
            let (file, n) = (&loaded.file, loaded.errors());
            Err(Failure::Invalid(output::say(
                &format!("`{file}` has {n} error(s); fix them first (`dealcraft validate {file}`)"),
                &format!(
                    "`{file}` 有 {n} 个错误，请先改正（`dealcraft validate {file} --lang zh`）"
                ),
            )))
        }
    }
}
