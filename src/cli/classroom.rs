//! `dealcraft classroom CASE --seed N` and `dealcraft scorm CASE`.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use super::{CmdResult, Failure, LangArg};
use crate::case::text::Lang;
use crate::classroom::{self, lrs, scorm};

#[derive(clap::Args, Debug, Clone)]
pub struct ClassroomArgs {
    /// A bundled case id or a path to a .ron file.
    pub case: String,
    #[arg(long)]
    pub seed: u64,
    /// The language the trainees' game and the projector start in.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Where to listen: 127.0.0.1 (this laptop only, the default) or 0.0.0.0 (the room's
    /// network) or one address of this machine.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// The session database (created if needed; start again with it to carry on).
    #[arg(long, value_name = "FILE", default_value = "classroom.db")]
    pub db: PathBuf,
    /// The web build to serve (default: target/web, then `web` beside the program).
    #[arg(long, value_name = "DIR")]
    pub web: Option<PathBuf>,
    /// Only these names may join (a text file, one name per line).
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// Start a new session even if the database has an open one of this case and seed.
    #[arg(long)]
    pub new: bool,
    /// Total (0–100) at or above which a run is `passed` (xAPI).
    #[arg(long, default_value_t = 60)]
    pub pass_mark: u8,
    /// Forward every statement to this LRS (its xAPI base, e.g. https://lrs.example/xapi).
    #[arg(long, value_name = "URL")]
    pub lrs: Option<String>,
    #[arg(long, value_name = "USER", requires = "lrs", default_value = "")]
    pub lrs_user: String,
    /// The LRS password (or set DEALCRAFT_LRS_PASSWORD, which keeps it out of `ps`).
    #[arg(long, value_name = "PASSWORD", requires = "lrs", default_value = "")]
    pub lrs_password: String,
    /// The address printed for trainees, when the laptop is reached by another name.
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Write the session's xAPI statements to FILE and exit (no server).
    #[arg(long, value_name = "FILE")]
    pub export_xapi: Option<PathBuf>,
}

fn web_dir(asked: Option<PathBuf>) -> Option<PathBuf> {
    if asked.is_some() {
        return asked;
    }
    let mut places = vec![PathBuf::from("target/web")];
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
    {
        places.push(exe_dir.join("web"));
        places.push(exe_dir.join("../web"));
    }
    places
        .into_iter()
        .find(|p| p.join("index.html").is_file())
        .or(Some(PathBuf::from("target/web")))
}

fn roster(path: &Path) -> Result<Vec<String>, Failure> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Failure::Invalid(format!("cannot read the roster {}: {e}", path.display())))?;
    if meta.len() > 1024 * 1024 {
        return Err(Failure::Invalid(format!(
            "{}: a roster is at most 1 MiB",
            path.display()
        )));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Invalid(format!("cannot read the roster {}: {e}", path.display())))?;
    let mut names = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let name = classroom::room::clean_name(line)
            .map_err(|r| Failure::Invalid(format!("{}:{}: {}", path.display(), i + 1, r.en)))?;
        names.push(name);
    }
    if names.is_empty() {
        return Err(Failure::Invalid(format!(
            "{}: the roster has no names",
            path.display()
        )));
    }
    Ok(names)
}

pub fn run(a: ClassroomArgs) -> CmdResult {
    let lrs = a.lrs.as_ref().map(|url| lrs::Endpoint {
        url: url.clone(),
        user: a.lrs_user.clone(),
        password: if a.lrs_password.is_empty() {
            std::env::var("DEALCRAFT_LRS_PASSWORD").unwrap_or_default()
        } else {
            a.lrs_password.clone()
        },
    });
    let o = classroom::Options {
        case: a.case.clone(),
        seed: a.seed,
        lang: a.lang.into(),
        bind: a.bind,
        port: a.port,
        db: a.db.clone(),
        web: web_dir(a.web.clone()),
        roster: a.roster.as_deref().map(roster).transpose()?,
        new_session: a.new,
        pass_mark: f64::from(a.pass_mark),
        lrs,
        public_url: a.public_url.clone(),
    };
    if let Some(out) = &a.export_xapi {
        return export(&o, out);
    }
    classroom::serve(o).map_err(Failure::Invalid)
}

fn export(o: &classroom::Options, out: &Path) -> CmdResult {
    let store = classroom::store::Store::open_read(&o.db).map_err(Failure::Invalid)?;
    let row = store.pick_session(None, &o.db).map_err(Failure::Invalid)?;
    let (body, n) = classroom::statements_file(&store, row.id).map_err(Failure::Invalid)?;
    crate::save::write_atomic(out, &body)
        .map_err(|e| Failure::Invalid(format!("cannot write {}: {e}", out.display())))?;
    eprintln!(
        "wrote {} ({n} statement(s) of session {})",
        out.display(),
        row.id
    );
    Ok(())
}

pub fn scorm(
    case: &str,
    seed: u64,
    lang: Lang,
    pass_mark: u8,
    web: Option<PathBuf>,
    out: Option<PathBuf>,
) -> CmdResult {
    if pass_mark > 100 {
        return Err(Failure::Usage("--pass-mark is 0–100".into()));
    }
    let c = super::load_case(case)?;
    let web = web_dir(web).unwrap_or_else(|| PathBuf::from("target/web"));
    let id = c.case.id.clone();
    let out = out.unwrap_or_else(|| PathBuf::from(format!("{id}-scorm12.zip")));
    let title = match lang {
        Lang::Zh => format!("{} · {}", c.case.title.zh, c.case.title.en),
        Lang::En => format!("{} · {}", c.case.title.en, c.case.title.zh),
    };
    // A bundled case is found by its id in the page; a case file is not in the web build.
    if crate::bundled::source(case).is_none() {
        return Err(Failure::Invalid(format!(
            "`{case}` is not a bundled case: the web build plays bundled cases only (add it to cases/ and rebuild)"
        )));
    }
    let bytes = scorm::write(
        &scorm::Package {
            case: id,
            title,
            seed,
            lang: lang.code().to_string(),
            pass_mark,
        },
        &web,
        &out,
    )
    .map_err(Failure::Invalid)?;
    eprintln!(
        "wrote {} ({} KiB): upload it to the LMS as a SCORM 1.2 package",
        out.display(),
        bytes / 1024
    );
    Ok(())
}

/// What joining a classroom from the desktop game gives.
#[cfg_attr(not(feature = "game"), allow(dead_code))]
pub struct DesktopJoin {
    pub base: String,
    pub token: String,
    pub name: String,
    pub case: String,
    pub seed: u64,
    pub lang: Lang,
    pub next_seq: usize,
    /// The text of the case the classroom plays (`GET /api/case`): the game plays it, so an
    /// instructor's own file needs no copy on the trainee's machine.
    pub source: String,
}

#[cfg(feature = "game")]
impl DesktopJoin {
    pub fn given_case(&self) -> crate::session::GivenCase {
        crate::session::GivenCase::classroom(&self.case, self.source.clone())
    }
}

/// Where the desktop game keeps its classroom tokens, so a restarted game carries on.
fn tokens_path() -> PathBuf {
    crate::save::data_dir().join("classroom-tokens.json")
}

/// `play --classroom URL --player NAME`: join (or rejoin with the token kept from before).
#[cfg_attr(not(feature = "game"), allow(dead_code))]
pub fn join(url: &str, name: &str) -> Result<DesktopJoin, Failure> {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let base = base.trim_end_matches('/').to_string();
    if !base.starts_with("http://") && !base.starts_with("https://") {
        return Err(Failure::Usage(format!(
            "--classroom {url}: give the address the instructor shows, e.g. http://192.168.1.20:8080/?code=ABCDE"
        )));
    }
    let code = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("code="))
        .unwrap_or_default()
        .to_string();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .http_status_as_error(false)
        .build()
        .into();
    let unreachable =
        |e: ureq::Error| Failure::Invalid(format!("cannot reach the classroom at {base}: {e}"));
    let key = format!("{base}|{name}");
    let mut kept: std::collections::BTreeMap<String, String> = std::fs::read(tokens_path())
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    // Rejoin: the token from last time still opens this trainee's run.
    if let Some(token) = kept.get(&key) {
        let mut r = agent
            .get(&format!("{base}/api/me"))
            .header("Authorization", &format!("Bearer {token}"))
            .call()
            .map_err(unreachable)?;
        if r.status().is_success() {
            let me: serde_json::Value = r.body_mut().read_json().map_err(unreachable)?;
            return desktop_join(
                &agent,
                &base,
                token.clone(),
                &me,
                me["next_seq"].as_u64().unwrap_or(0) as usize,
            );
        }
    }
    let mut r = agent
        .post(&format!("{base}/api/join"))
        .send_json(serde_json::json!({ "name": name, "code": code }))
        .map_err(unreachable)?;
    let ok = r.status().is_success();
    let v: serde_json::Value = r.body_mut().read_json().unwrap_or_default();
    if !ok {
        let msg = match super::output::lang() {
            Lang::Zh => v["error_zh"].as_str().or(v["error"].as_str()),
            Lang::En => v["error"].as_str(),
        };
        return Err(Failure::Invalid(format!(
            "the classroom did not let you join: {}",
            msg.unwrap_or("refused")
        )));
    }
    let token = v["token"].as_str().unwrap_or_default().to_string();
    kept.insert(key, token.clone());
    if let Ok(bytes) = serde_json::to_vec_pretty(&kept) {
        let _ = std::fs::create_dir_all(crate::save::data_dir());
        let _ = crate::save::write_atomic(&tokens_path(), &bytes);
    }
    desktop_join(&agent, &base, token, &v, 0)
}

fn desktop_join(
    agent: &ureq::Agent,
    base: &str,
    token: String,
    v: &serde_json::Value,
    next_seq: usize,
) -> Result<DesktopJoin, Failure> {
    let case = v["case"].as_str().unwrap_or_default().to_string();
    if case.is_empty() {
        return Err(Failure::Invalid(format!(
            "{base} did not answer like a Dealcraft classroom"
        )));
    }
    let unreachable = |e: ureq::Error| {
        Failure::Invalid(format!(
            "cannot fetch the classroom's case from {base}: {e}"
        ))
    };
    let mut r = agent
        .get(&format!("{base}/api/case"))
        .header("Authorization", &format!("Bearer {token}"))
        .call()
        .map_err(unreachable)?;
    if !r.status().is_success() {
        return Err(Failure::Invalid(format!(
            "{base} did not send its case ({}); is it a Dealcraft classroom of this version?",
            r.status()
        )));
    }
    // Bounded like any case file: the validator refuses a larger one anyway.
    let source = r
        .body_mut()
        .with_config()
        .limit(crate::case::load::MAX_CASE_BYTES as u64)
        .read_to_string()
        .map_err(unreachable)?;
    Ok(DesktopJoin {
        source,
        base: base.to_string(),
        token,
        name: v["name"].as_str().unwrap_or_default().to_string(),
        case,
        seed: v["seed"].as_u64().unwrap_or(1),
        lang: if v["lang"] == "zh" {
            Lang::Zh
        } else {
            Lang::En
        },
        next_seq,
    })
}
