//! The game's state around the engine: the case library, the deal being played, settings,
//! autosave. Systems in `screens/` read these; only `Deal::choose` moves the engine.

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, TaskPool, futures::check_ready};

#[cfg(not(target_arch = "wasm32"))]
use crate::analysis::explore::best_line;
use crate::analysis::explore::{EXPERT_STATES, Limits, Line};
use crate::bundled;
use crate::case::text::Lang;
use crate::engine::compile::Ix;
use crate::engine::{Compiled, Game, Move};
use crate::engine::{Loaded, load_path};
use crate::results;
use crate::save::{self, Save};

/// How the game was started: plain options (the command line fills them; the shell knows
/// nothing of clap).
#[derive(Clone, Debug, Default)]
pub struct PlayOptions {
    /// A bundled case id or a path to a .ron file; None: choose on screen.
    pub case: Option<String>,
    pub seed: Option<u64>,
    pub lang: Option<Lang>,
    pub player: Option<String>,
    pub results: Option<PathBuf>,
    /// Extra folder of case files, live-reloaded.
    pub cases: Option<PathBuf>,
    /// Choice ids to play through the UI (automation).
    pub script: Option<PathBuf>,
    pub screenshots: Option<PathBuf>,
    pub exit_when_done: bool,
    /// The author's preview: moves played before the window opens, so the game starts at
    /// the scene they lead to (`play --line FILE --from SCENE`).
    pub preview: Vec<String>,
    /// The author's overlay (`play --author`): hidden truth, flags, why choices are missing,
    /// the case map.
    pub author: bool,
    /// Window size (logical pixels); None: 1280×720.
    pub window: Option<(u32, u32)>,
    /// Playing in a live classroom: every move is sent to its server (`play --classroom URL`
    /// on the desktop, `?classroom=1` in the browser).
    pub classroom: Option<Classroom>,
    /// A case handed over as text, played instead of `case` (the classroom's server sends the
    /// case it plays, so an instructor's own file reaches every trainee as it is).
    pub given_case: Option<GivenCase>,
}

/// A case's text and the key the game files it under (saves, the case list).
#[derive(Clone, Debug, PartialEq)]
pub struct GivenCase {
    pub key: String,
    pub source: String,
}

impl GivenCase {
    /// The case a classroom sends, filed under its session's case (the same key in the
    /// browser and on the desktop, so a restarted game finds its autosave).
    pub fn classroom(case: &str, source: String) -> GivenCase {
        GivenCase {
            key: format!("classroom:{case}"),
            source,
        }
    }
}

/// A classroom the game has joined.
#[derive(Clone, Debug, PartialEq)]
pub enum Classroom {
    /// The desktop game: the server's address, the trainee's token, the first move number the
    /// server does not have yet.
    Server {
        base: String,
        token: String,
        next_seq: usize,
    },
    /// The browser: the page's script sends the moves (see web/index.html).
    Page,
}

/// What the command line asked for.
#[derive(Resource, Clone, Default)]
pub struct Launch(pub PlayOptions);

#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Settings {
    pub lang: Lang,
    /// Text size multiplier: 0.9, 1.0, 1.15, 1.3.
    pub text_scale: f32,
    pub fullscreen: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::En,
            text_scale: 1.0,
            fullscreen: false,
        }
    }
}

pub const TEXT_SCALES: [f32; 4] = [0.9, 1.0, 1.15, 1.3];

/// Where a case came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Bundled,
    File(PathBuf),
    /// Handed over as text (a classroom's case): no folder, so no portraits of its own.
    Given,
}

#[derive(Clone, Debug)]
pub struct Entry {
    /// Bundled id or file path: what a save records.
    pub key: String,
    pub origin: Origin,
    pub loaded: Loaded,
}

/// Every case the trainee can pick: bundled ones, then those in `--cases DIR`.
#[derive(Resource, Default, Clone)]
pub struct Library {
    pub entries: Vec<Entry>,
    pub folder: Option<PathBuf>,
}

impl Library {
    pub fn load(folder: Option<PathBuf>) -> Library {
        let mut entries: Vec<Entry> = bundled::BUNDLED
            .iter()
            .zip(bundled::load_all())
            .map(|((f, _), loaded)| Entry {
                key: bundled::id_of(f).to_string(),
                origin: Origin::Bundled,
                loaded,
            })
            .collect();
        if let Some(dir) = &folder {
            entries.extend(folder_entries(dir));
        }
        Library { entries, folder }
    }

    pub fn find(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| {
            e.key == key
                || e.loaded
                    .case
                    .as_ref()
                    .is_some_and(|c| c.case.id == key && e.origin == Origin::Bundled)
        })
    }

    /// Add a case handed over as text (in place of one under the same key), and return its
    /// key.
    pub fn give(&mut self, given: &GivenCase) -> String {
        self.entries.retain(|e| e.key != given.key);
        self.entries.push(Entry {
            key: given.key.clone(),
            origin: Origin::Given,
            loaded: crate::engine::load_bytes(&given.key, given.source.as_bytes()),
        });
        given.key.clone()
    }

    /// Re-read one file of the folder (live reload). Keeps the last good version playable.
    pub fn reload(&mut self, path: &std::path::Path) {
        let loaded = load_path(path);
        let key = path.display().to_string();
        match self.entries.iter_mut().find(|e| e.key == key) {
            Some(e) => {
                if loaded.case.is_none() && e.loaded.case.is_some() {
                    // Show the new errors, but keep playing on the last good case.
                    e.loaded.diagnostics = loaded.diagnostics;
                    e.loaded.source = loaded.source;
                } else {
                    e.loaded = loaded;
                }
            }
            None => self.entries.push(Entry {
                key,
                origin: Origin::File(path.to_path_buf()),
                loaded,
            }),
        }
    }
}

fn folder_entries(dir: &std::path::Path) -> Vec<Entry> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .map(|p| Entry {
            key: p.display().to_string(),
            origin: Origin::File(p.clone()),
            loaded: load_path(&p),
        })
        .collect()
}

/// Load the deal's portraits (checked by the validator to stay inside the case's folder).
pub fn load_portraits(deal: Option<ResMut<Deal>>, mut images: ResMut<Assets<Image>>) {
    let Some(mut deal) = deal else { return };
    if !deal.is_added() {
        return;
    }
    let dir = deal.case_dir.clone();
    let portraits = deal
        .case()
        .case
        .stakeholders
        .iter()
        .map(|p| {
            let rel = p.portrait.as_deref()?;
            let path = crate::case::assets::resolve(dir.as_deref(), rel).ok()?;
            let bytes = std::fs::read(path).ok()?;
            let image = Image::from_buffer(
                &bytes,
                bevy::image::ImageType::Extension("png"),
                bevy::image::CompressedImageFormats::NONE,
                true,
                bevy::image::ImageSampler::default(),
                bevy::asset::RenderAssetUsages::RENDER_WORLD
                    | bevy::asset::RenderAssetUsages::MAIN_WORLD,
            )
            .ok()?;
            Some(images.add(image))
        })
        .collect();
    deal.portraits = portraits;
}

/// The expert line of the deal's seed: being computed, or ready (None: the case has no
/// winning line within the analysis's bounds).
pub enum Expert {
    /// In the browser the task pool runs on the page's one thread, so the search would hold
    /// up the first frames: it starts once this many frames have been drawn.
    Waiting(u32),
    Computing(Task<Option<Line>>),
    Ready(Option<Line>),
}

/// Frames the browser draws before the expert line's search starts.
pub const EXPERT_DELAY_FRAMES: u32 = 30;

/// In the browser, steps of the search between two looks at the clock (well under 1 ms).
#[cfg(target_arch = "wasm32")]
const EXPERT_SLICE: usize = 1_000;

fn spawn_expert(case: Arc<Compiled>, seed: u64) -> Task<Option<Line>> {
    // Exhaustive analysis can take a moment on a big case: Bevy's async compute pool keeps it
    // off the frame on the desktop. In the browser the pool is the page's one thread and a
    // task runs until it awaits, so there the search shares the thread with the page
    // (`web::Pacer`): a few seconds of search on Haicheng used to freeze the briefing.
    AsyncComputeTaskPool::get_or_init(TaskPool::default).spawn(async move {
        // The best pass only: the trap and worst passes are for authors, not the debrief.
        let limits = Limits::states(EXPERT_STATES);
        #[cfg(not(target_arch = "wasm32"))]
        let best = best_line(&case, seed, limits);
        #[cfg(target_arch = "wasm32")]
        let best = {
            let pacer = crate::web::Pacer::default();
            crate::analysis::explore::best_line_paced(&case, seed, limits, EXPERT_SLICE, || {
                pacer.pause()
            })
            .await
        };
        best.0
    })
}

impl Expert {
    pub fn is_ready(&self) -> bool {
        matches!(self, Expert::Ready(_))
    }
    /// The line, once computed.
    pub fn line(&self) -> Option<&Line> {
        match self {
            Expert::Ready(l) => l.as_ref(),
            Expert::Computing(_) | Expert::Waiting(_) => None,
        }
    }
}

/// Picks up the expert line when its task is done. Polling does not mark the deal changed;
/// only the line's arrival does (the debrief redraws on it).
pub fn poll_expert(deal: Option<ResMut<Deal>>) {
    let Some(mut deal) = deal else { return };
    let d = deal.bypass_change_detection();
    let done = match &mut d.expert {
        Expert::Waiting(0) => {
            d.expert = Expert::Computing(spawn_expert(d.game.case.clone(), d.game.state.seed));
            return;
        }
        Expert::Waiting(n) => {
            *n -= 1;
            return;
        }
        Expert::Computing(task) => check_ready(task),
        Expert::Ready(_) => return,
    };
    if let Some(line) = done {
        deal.expert = Expert::Ready(line);
    }
}

/// The deal being played.
#[derive(Resource)]
pub struct Deal {
    pub game: Game,
    pub key: String,
    pub hash: String,
    pub player: Option<String>,
    /// The move just made, shown until the trainee continues.
    pub pending: Option<Move>,
    /// The analysed best line for this seed (computed in the background).
    pub expert: Expert,
    /// A message for the trainee (e.g. the autosave could not be written).
    pub notice: Option<Notice>,
    /// Where the results file goes when the deal ends (None: the data folder's `results`).
    pub results_dir: Option<PathBuf>,
    /// Where the results file went, or why it could not be written.
    pub results_file: Option<Result<PathBuf, String>>,
    pub started: web_time::SystemTime,
    /// Moves for the classroom's server, waiting to be sent (None: not in a classroom). Each
    /// is a script line (a choice id or `read …`) and the points the move scored.
    pub outbox: Option<Vec<(String, i64)>>,
    /// Where the case file lives (portraits are read from there); None for bundled cases.
    pub case_dir: Option<PathBuf>,
    /// Portrait of each stakeholder, loaded when the deal starts.
    pub portraits: Vec<Option<Handle<Image>>>,
}

impl Deal {
    pub fn start(entry: &Entry, case: Arc<Compiled>, seed: u64, player: Option<String>) -> Deal {
        let hash = save::content_hash(entry.loaded.source.as_deref().unwrap_or(""));
        let expert = if cfg!(target_arch = "wasm32") {
            Expert::Waiting(EXPERT_DELAY_FRAMES)
        } else {
            Expert::Computing(spawn_expert(case.clone(), seed))
        };
        Deal {
            game: Game::new(case, seed),
            key: entry.key.clone(),
            hash,
            player,
            pending: None,
            expert,
            outbox: None,
            notice: None,
            results_dir: None,
            results_file: None,
            started: web_time::SystemTime::now(),
            case_dir: match &entry.origin {
                Origin::File(p) => p.parent().map(|d| d.to_path_buf()),
                Origin::Bundled | Origin::Given => None,
            },
            portraits: Vec::new(),
        }
    }

    pub fn case(&self) -> &Compiled {
        &self.game.case
    }

    /// Take a choice (through the engine), remember it for the consequence panel, autosave.
    pub fn choose(&mut self, ix: Ix, lang: Lang) {
        if !self.game.available().contains(&ix) {
            return;
        }
        let m = self.game.choose_ix(ix).clone();
        if let Some(out) = &mut self.outbox {
            let points = m.deltas.iter().map(|d| i64::from(d.points)).sum();
            out.push((m.choice.clone(), points));
        }
        self.pending = Some(m);
        self.autosave(lang);
        if self.game.is_over() {
            self.write_results(lang);
        }
    }

    /// The trainee's read of a person (a note, not a move; the classroom records it too).
    pub fn set_read(&mut self, r: crate::engine::Read, lang: Lang) {
        if let Some(out) = &mut self.outbox {
            out.push((r.to_line(), 0));
        }
        self.game.set_read(r);
        self.autosave(lang);
    }

    /// The run's results file for the instructor, written once when the deal ends.
    fn write_results(&mut self, lang: Lang) {
        let player = self.player.clone().unwrap_or_default();
        let ready = self.expert.line();
        let file = match ready.and_then(|line| results::expert_from_line(&self.game, line, true)) {
            Some(expert) => results::build_with_expert(
                &self.game,
                &self.hash,
                &player,
                lang,
                self.started,
                web_time::SystemTime::now(),
                Some(expert),
            ),
            None => results::build(&self.game, &self.hash, &player, lang, self.started),
        };
        #[cfg(target_arch = "wasm32")]
        if let Ok(json) = serde_json::to_string(&file) {
            crate::web::finished(&json);
        }
        let dir = results::results_dir(self.results_dir.as_deref());
        self.results_file = Some(
            results::write_results(&dir, &file)
                .map_err(|e| format!("could not save the results in {}: {e}", dir.display())),
        );
    }

    pub fn save_data(&self, lang: Lang) -> Save {
        Save {
            version: save::SAVE_VERSION,
            case: self.key.clone(),
            case_hash: self.hash.clone(),
            seed: self.game.state.seed,
            lang,
            player: self.player.clone(),
            choices: self.game.chosen_ids(),
            reads: self.game.reads.clone(),
        }
    }

    pub fn autosave(&mut self, lang: Lang) {
        if let Err(e) = save::write_save(&save::autosave_path(), &self.save_data(lang)) {
            self.notice = Some(Notice::AutosaveFailed(e.to_string()));
        }
    }

    /// Rebuild a deal from a save (replaying its choices).
    pub fn resume(library: &Library, s: &Save) -> Result<Deal, String> {
        let entry = library
            .find(&s.case)
            .ok_or_else(|| format!("the saved case `{}` is no longer available", s.case))?;
        let case = entry
            .loaded
            .case
            .clone()
            .ok_or_else(|| format!("the saved case `{}` has errors now", s.case))?;
        let mut deal = Deal::start(entry, case.clone(), s.seed, s.player.clone());
        if deal.hash != s.case_hash {
            deal.notice = Some(Notice::CaseChanged);
        }
        for id in &s.choices {
            deal.game
                .choose(id)
                .map_err(|e| format!("cannot replay the save: {e}"))?;
        }
        // Reads keep the week they were written in.
        deal.game.reads = s.reads.clone();
        Ok(deal)
    }
}

/// A message on the deal's board, shown in the trainee's language (the language can change
/// while it is up, so it is kept as what happened, not as a sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The autosave could not be written: the system's reason.
    AutosaveFailed(String),
    /// The case file changed since the save being resumed.
    CaseChanged,
    /// The classroom's server refused move `at` (counted from 1) for good, for this reason
    /// (the server's own words, in English and, when it gave them, Chinese); later moves are
    /// not sent.
    ClassroomStopped {
        at: usize,
        why: String,
        why_zh: Option<String>,
    },
    /// The classroom's server cannot be reached; the moves wait and are retried.
    ClassroomUnreachable,
}

impl Notice {
    /// Whether the classroom link put it up (and may take it down when the trouble ends).
    pub fn from_classroom(&self) -> bool {
        matches!(
            self,
            Notice::ClassroomStopped { .. } | Notice::ClassroomUnreachable
        )
    }

    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Notice::AutosaveFailed(e) if zh => format!("自动存档失败：{e}"),
            Notice::AutosaveFailed(e) => format!("Autosave failed: {e}"),
            Notice::CaseChanged if zh => "存档之后案例文件改过了；你的每一步正在新版本上重走".into(),
            Notice::CaseChanged => {
                "The case file changed since this save; your moves are replayed on the new version"
                    .into()
            }
            Notice::ClassroomStopped { at, why, why_zh } if zh => {
                format!("课堂从第 {at} 步起不再记录：{}", why_zh.as_ref().unwrap_or(why))
            }
            Notice::ClassroomStopped { at, why, .. } => {
                format!("The classroom stopped recording at move {at}: {why}")
            }
            Notice::ClassroomUnreachable if zh => {
                "连不上课堂的服务器；你的每一步都在排队，恢复连接后自动发送".into()
            }
            Notice::ClassroomUnreachable => {
                "The classroom server cannot be reached; your moves wait and are sent when it is back"
                    .into()
            }
        }
    }
}

#[cfg(test)]
mod notice_tests {
    use super::*;

    #[test]
    fn every_notice_reads_in_both_languages() {
        let all = [
            Notice::AutosaveFailed("disk full".into()),
            Notice::CaseChanged,
            Notice::ClassroomStopped {
                at: 12,
                why: "session ended".into(),
                why_zh: Some("课堂已结束".into()),
            },
            Notice::ClassroomUnreachable,
        ];
        for n in &all {
            let (en, zh) = (n.text(Lang::En), n.text(Lang::Zh));
            assert!(
                en.is_ascii() && en.chars().next().is_some_and(char::is_uppercase),
                "{en}"
            );
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
        }
        let stopped = &all[2];
        assert!(stopped.text(Lang::En).contains("move 12: session ended"));
        assert!(
            stopped
                .text(Lang::Zh)
                .contains("第 12 步起不再记录：课堂已结束")
        );
        assert!(stopped.from_classroom() && all[3].from_classroom());
        assert!(!all[0].from_classroom() && !all[1].from_classroom());
    }
}
