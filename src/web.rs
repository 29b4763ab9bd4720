//! What the browser build does differently: files live in the browser's `localStorage` (one
//! key per file of the data folder: an autosave, the settings, finished runs' results), and a
//! results file is handed to the trainee as a download. A `setItem` replaces a key's value in
//! one step, so a reader sees the old file or the new one, never half of one.

use std::io;
use std::path::Path;

use wasm_bindgen::JsCast;

/// The storage key of a path in the data folder: `dealcraft/` and the path inside it.
pub fn key(path: &Path) -> String {
    let inside = path
        .strip_prefix(crate::save::data_dir())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    format!("dealcraft/{}", inside.trim_start_matches('/'))
}

fn storage() -> io::Result<web_sys::Storage> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| io::Error::other("the browser's storage is not available (private mode?)"))
}

fn js(e: wasm_bindgen::JsValue) -> io::Error {
    io::Error::other(format!("browser storage: {e:?}"))
}

/// Store `bytes` (UTF-8 JSON) under `path`'s key.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let text = std::str::from_utf8(bytes).map_err(io::Error::other)?;
    storage()?.set_item(&key(path), text).map_err(js)
}

/// The stored file at `path`; `NotFound` when there is none. Larger than `max`: refused.
pub fn read(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    match storage()?.get_item(&key(path)).map_err(js)? {
        Some(s) if s.len() as u64 > max => Err(io::Error::other(format!(
            "{} bytes, more than the {max} allowed",
            s.len()
        ))),
        Some(s) => Ok(s.into_bytes()),
        None => Err(io::Error::from(io::ErrorKind::NotFound)),
    }
}

/// Move a stored file to another key (a damaged save set aside).
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    let s = storage()?;
    let value = s
        .get_item(&key(from))
        .map_err(js)?
        .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))?;
    s.set_item(&key(to), &value).map_err(js)?;
    s.remove_item(&key(from)).map_err(js)
}

/// Offer `bytes` to the trainee as a file download named `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let fail = |what: &str| format!("the download could not start: {what}");
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    let document = window.document().ok_or_else(|| fail("no document"))?;
    let parts = js_sys_array(bytes);
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &props)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let a = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| fail("link"))?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A one-element JS array holding a copy of `bytes`, as `Blob`'s constructor takes.
fn js_sys_array(bytes: &[u8]) -> wasm_bindgen::JsValue {
    let array = js_sys::Uint8Array::from(bytes);
    js_sys::Array::of1(&array).into()
}

/// The game's options from the page address: `?case=ID&seed=N&lang=zh|en&player=NAME`.
#[cfg(feature = "game")]
pub fn page_options() -> crate::session::PlayOptions {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let mut o = crate::session::PlayOptions::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = js_sys::decode_uri_component(&v.replace('+', " "))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        match k {
            "case" if !v.is_empty() => o.case = Some(v),
            "seed" => o.seed = v.parse().ok(),
            "lang" => {
                o.lang = match v.as_str() {
                    "zh" => Some(crate::case::text::Lang::Zh),
                    "en" => Some(crate::case::text::Lang::En),
                    _ => None,
                }
            }
            "player" if !v.is_empty() => o.player = Some(v.chars().take(60).collect()),
            "classroom" if v == "1" => o.classroom = Some(crate::session::Classroom::Page),
            _ => {}
        }
    }
    // In a classroom the page's script has fetched the server's case (`GET /api/case`) before
    // starting the game: play that text, which may be the instructor's own file.
    if o.classroom.is_some()
        && let Some(case) = &o.case
        && let Some(source) = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"__dealcraftCase".into()).ok())
            .and_then(|v| v.as_string())
    {
        o.given_case = Some(crate::session::GivenCase::classroom(case, source));
    }
    o
}

/// What the page can read of the game (`window.__dealcraft`, JSON): the screen, and every
/// button with its label, its rectangle in CSS pixels and, for a choice, the choice id. The
/// browser test reads it to know where to click; it is the game's own accessibility outline,
/// and moves nothing (clicks and keys do, through the canvas).
#[cfg(feature = "game")]
pub fn publish_page_state(
    screen: bevy::prelude::Res<bevy::prelude::State<crate::screens::Screen>>,
    deal: Option<bevy::prelude::Res<crate::session::Deal>>,
    buttons: bevy::prelude::Query<
        (
            bevy::prelude::Entity,
            &bevy::ui::ComputedNode,
            &bevy::ui::UiGlobalTransform,
            Option<&crate::screens::parts::ChoiceButton>,
            &bevy::prelude::Children,
        ),
        bevy::prelude::With<bevy::prelude::Button>,
    >,
    texts: bevy::prelude::Query<&bevy::prelude::Text>,
    kids: bevy::prelude::Query<&bevy::prelude::Children>,
    mut frames: bevy::prelude::Local<u32>,
) {
    *frames += 1;
    if *frames % 5 != 0 {
        return;
    }
    // A button's label: the texts of its children, depth first.
    fn label(
        e: bevy::prelude::Entity,
        texts: &bevy::prelude::Query<&bevy::prelude::Text>,
        kids: &bevy::prelude::Query<&bevy::prelude::Children>,
        out: &mut String,
    ) {
        if let Ok(t) = texts.get(e) {
            out.push_str(&t.0);
        }
        if let Ok(children) = kids.get(e) {
            for &c in children {
                label(c, texts, kids, out);
            }
        }
    }
    let mut list = Vec::new();
    for (e, node, at, choice, _) in &buttons {
        let scale = node.inverse_scale_factor();
        let size = node.size() * scale;
        if size.x <= 0.0 || size.y <= 0.0 {
            continue;
        }
        let centre = at.translation * scale;
        let mut text = String::new();
        label(e, &texts, &kids, &mut text);
        let id = choice
            .zip(deal.as_deref())
            .map(|(c, d)| d.case().choices.names[c.0 as usize].clone());
        list.push(serde_json::json!({
            "label": text,
            "x": centre.x, "y": centre.y, "w": size.x, "h": size.y,
            "choice": id,
        }));
    }
    let state = serde_json::json!({
        "screen": screen.get().slug(),
        // The id of the case being played.
        "case": deal.as_ref().map(|d| d.case().case.id.clone()),
        "week": deal.as_ref().map(|d| d.game.state.week),
        "over": deal.as_ref().map(|d| d.game.is_over()),
        // The expert line for the debrief: computed while the trainee plays.
        "expert": deal.as_ref().map(|d| d.expert.is_ready()),
        "buttons": list,
    });
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &"__dealcraft".into(), &state.to_string().into());
    }
}

/// Tell the page the first frame is drawn (it hides the loading note; the browser test
/// measures the time to it).
pub fn mark_ready() {
    if let Some(w) = web_sys::window() {
        // Milliseconds since 1970, like `performance.timeOrigin`.
        let now = js_sys::Date::now();
        let _ = js_sys::Reflect::set(&w, &"__dealcraftReady".into(), &now.into());
    }
}

/// Call `window.<name>(args…)` if the page defines it (the classroom's move queue, the SCORM
/// bridge); a page without it (a plain web build) ignores the call.
fn call_page(name: &str, args: &[wasm_bindgen::JsValue]) {
    let Some(w) = web_sys::window() else { return };
    let Ok(f) = js_sys::Reflect::get(&w, &name.into()) else {
        return;
    };
    let Some(f) = f.dyn_ref::<js_sys::Function>() else {
        return;
    };
    let list = js_sys::Array::new();
    for a in args {
        list.push(a);
    }
    if let Err(e) = f.apply(&w, &list) {
        web_sys::console::error_1(&e);
    }
}

/// A move for the classroom's server: the page's script queues and sends it.
pub fn send_move(line: &str, points: i64) {
    call_page("__dealcraftMove", &[line.into(), (points as f64).into()]);
}

/// The run is over: its results record, for the page (the SCORM bridge reports the scores).
pub fn finished(results_json: &str) {
    call_page("__dealcraftFinished", &[results_json.into()]);
}

/// Shares the page's one thread between a long computation (the expert line's search) and the
/// page: the computation works for as long as the page last took for itself between two of
/// its slices (at least 12 ms, at most 100 ms), then waits for the page's next task. About
/// half the thread each, whatever a frame costs: a fast page keeps its frame rate, and on a
/// slow one (software rendering, a large window) the search still gets on.
#[derive(Clone)]
pub struct Pacer {
    until: std::rc::Rc<std::cell::Cell<web_time::Instant>>,
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer {
            until: std::rc::Rc::new(std::cell::Cell::new(web_time::Instant::now() + Self::LEAST)),
        }
    }
}

impl Pacer {
    const LEAST: std::time::Duration = std::time::Duration::from_millis(12);
    const MOST: std::time::Duration = std::time::Duration::from_millis(100);

    /// Between two slices of the computation: ready at once while its time lasts, else a
    /// wait for the page's next task.
    pub fn pause(&self) -> impl std::future::Future<Output = ()> + use<> {
        let until = self.until.clone();
        let due = web_time::Instant::now() >= until.get();
        async move {
            if !due {
                return;
            }
            let left = web_time::Instant::now();
            next_task().await;
            let back = web_time::Instant::now();
            until.set(back + (back - left).clamp(Self::LEAST, Self::MOST));
        }
    }
}

/// A pause until the browser's next task (`setTimeout(0)`): what the page does in between —
/// draw a frame, take a key press — gets through. Awaiting anything ready sooner (a resolved
/// promise, a waker woken at once) would not: those run as microtasks, before the page draws.
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if window.set_timeout_with_callback(&resolve).is_err() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = js_sys::futures::JsFuture::from(promise).await;
}
