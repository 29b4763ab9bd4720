//! The classroom's HTTP interface (axum). Trainees: `/` (join page), `POST /api/join`,
//! `GET /api/me`, `GET /api/case` (the case's text, which the game plays: the instructor's own
//! file reaches every browser and desktop game unchanged), `POST /api/move`, the web build
//! under `/play/`. The instructor (token in
//! the `Authorization: Bearer` header, or `?token=` for pages and the event stream, which
//! browsers cannot give headers): `/projector`, `/api/live` (server-sent events),
//! `/api/snapshot`, `/api/reveal`, `/api/end`, `/api/export/xapi`, `/api/report.html`,
//! `/api/report.csv`.
//!
//! Every body is at most [`MAX_BODY`] bytes and parsed here into typed requests, so a bad one
//! gets a JSON error in both languages, never a panic.

use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tokio::sync::watch;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

use super::pages;
use super::projector;
use super::room::{Refusal, Room, constant_time_eq};

/// Request bodies are small JSON objects: anything larger is refused (413).
pub const MAX_BODY: usize = 8 * 1024;
/// A request has this long to be answered (the event stream's answer is its first line)…
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// …and its body this long to arrive: a client that trickles a body does not hold a worker.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Shared {
    pub room: Mutex<Room>,
    pub changed: watch::Sender<u64>,
    pub web_dir: Option<PathBuf>,
}

impl Shared {
    /// Run `f` on the room (on a blocking thread: it may wait for the disk), then wake the
    /// projectors if anything changed.
    async fn with_room<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Room) -> Result<T, Refusal> + Send + 'static,
    ) -> Result<T, Refusal> {
        let me = self.clone();
        let out = tokio::task::spawn_blocking(move || {
            let mut room = me.room.lock().unwrap_or_else(|p| p.into_inner());
            let before = room.version;
            let out = f(&mut room);
            let after = room.version;
            drop(room);
            if after != before {
                me.changed.send_replace(after);
            }
            out
        })
        .await;
        out.unwrap_or_else(|e| Err(refusal(500, format!("internal error: {e}"))))
    }
}

fn refusal(status: u16, en: String) -> Refusal {
    Refusal {
        status,
        zh: en.clone(),
        en,
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        let body = serde_json::json!({ "error": self.en, "error_zh": self.zh });
        (status, axum::Json(body)).into_response()
    }
}

/// The body as it arrived, or why it did not (too large, too slow) as a clear error.
type Body = Result<Bytes, axum::extract::rejection::BytesRejection>;

/// Parse a JSON body into `T`, with a clear error.
fn body<T: for<'de> Deserialize<'de>>(bytes: &Body) -> Result<T, Refusal> {
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(Refusal {
                status: 413,
                en: format!("a request body is at most {MAX_BODY} bytes"),
                zh: format!("请求内容最多 {MAX_BODY} 字节"),
            });
        }
        Err(e) => {
            return Err(Refusal {
                status: 408,
                en: format!(
                    "the request's body did not arrive whole within {} s ({e})",
                    BODY_TIMEOUT.as_secs()
                ),
                zh: format!("请求内容没有在 {} 秒内完整到达", BODY_TIMEOUT.as_secs()),
            });
        }
    };
    serde_json::from_slice(bytes).map_err(|e| Refusal {
        status: 400,
        en: format!("the request is not what this server expects: {e}"),
        zh: format!("请求格式不对：{e}"),
    })
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(|t| t.trim().to_string())
}

#[derive(Deserialize, Default)]
struct TokenQuery {
    token: Option<String>,
    lang: Option<String>,
}

/// The instructor's token from the header or the query, checked.
fn instructor(shared: &Shared, headers: &HeaderMap, q: &TokenQuery) -> Result<(), Refusal> {
    let given = bearer(headers)
        .or_else(|| q.token.clone())
        .unwrap_or_default();
    let room = shared.room.lock().unwrap_or_else(|p| p.into_inner());
    if constant_time_eq(given.as_bytes(), room.session.instructor_token.as_bytes()) {
        Ok(())
    } else {
        Err(Refusal {
            status: 401,
            en: "this page is the instructor's: open the address with the token printed when the classroom started".into(),
            zh: "这是讲师的页面：请用课堂启动时打印的带令牌的地址打开".into(),
        })
    }
}

pub fn router(shared: Arc<Shared>) -> Router {
    let mut app = Router::new()
        .route("/", get(join_page))
        .route(pages::CJK_FONT_PATH, get(cjk_font))
        .route("/api/session", get(session_info))
        .route("/api/join", post(join))
        .route("/api/me", get(me))
        .route("/api/case", get(case_text))
        .route("/api/move", post(play))
        .route("/projector", get(projector_page))
        .route("/api/live", get(live))
        .route("/api/snapshot", get(snapshot))
        .route("/api/reveal", post(reveal))
        .route("/api/end", post(end))
        .route("/api/export/xapi", get(export_xapi))
        .route("/api/report.html", get(report_html))
        .route("/api/report.csv", get(report_csv));
    if let Some(dir) = &shared.web_dir {
        app = app.nest_service("/play", tower_http::services::ServeDir::new(dir));
    } else {
        app = app.route("/play/", get(no_web_build));
    }
    app.fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            BODY_TIMEOUT,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(shared)
}

async fn not_found() -> Refusal {
    Refusal {
        status: 404,
        en: "no such page".into(),
        zh: "没有这个页面".into(),
    }
}

async fn cjk_font() -> Response {
    let mut r = (StatusCode::OK, pages::CJK_FONT).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("font/otf"));
    // The same bytes for as long as this binary serves: a class reloads pages all day.
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    r
}

async fn no_web_build() -> Response {
    (StatusCode::SERVICE_UNAVAILABLE, Html(pages::no_web_build())).into_response()
}

async fn join_page(State(s): State<Arc<Shared>>, Query(q): Query<TokenQuery>) -> Html<String> {
    let room = s.room.lock().unwrap_or_else(|p| p.into_inner());
    Html(pages::join(&room, q.lang.as_deref()))
}

async fn session_info(State(s): State<Arc<Shared>>) -> Response {
    let room = s.room.lock().unwrap_or_else(|p| p.into_inner());
    let t = &room.case.case.title;
    axum::Json(serde_json::json!({
        "case": room.session.case_key,
        "title": { "en": t.en, "zh": t.zh },
        "seed": room.session.seed,
        "lang": room.session.lang,
        "ended": room.session.ended.is_some(),
        "web": s.web_dir.is_some(),
    }))
    .into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinBody {
    name: String,
    code: String,
}

async fn join(State(s): State<Arc<Shared>>, bytes: Body) -> Result<Response, Refusal> {
    let b: JoinBody = body(&bytes)?;
    let token = super::secret(24);
    let joined = s
        .with_room(move |room| room.join(&b.name, &b.code, token))
        .await?;
    Ok((StatusCode::CREATED, axum::Json(joined)).into_response())
}

async fn me(State(s): State<Arc<Shared>>, headers: HeaderMap) -> Result<Response, Refusal> {
    let token = bearer(&headers).unwrap_or_default();
    let room = s.room.lock().unwrap_or_else(|p| p.into_inner());
    let t = &room.trainees[room.trainee_of(&token)?];
    Ok(axum::Json(serde_json::json!({
        "name": t.name,
        "case": room.session.case_key,
        "seed": room.session.seed,
        "lang": room.session.lang,
        "next_seq": t.lines.len(),
        "over": t.game.is_over(),
        "total": t.result.as_ref().map(|r| r.result.score.total),
    }))
    .into_response())
}

/// The text of the session's case, as stored with the session (so a restarted server serves
/// the same bytes even if the file on disk has changed since): the trainee's game plays it,
/// so its moves and points are the server's. For trainees who joined (the hidden truth is in
/// it, as it is in any game that plays the case).
async fn case_text(State(s): State<Arc<Shared>>, headers: HeaderMap) -> Result<Response, Refusal> {
    let token = bearer(&headers).unwrap_or_default();
    let room = s.room.lock().unwrap_or_else(|p| p.into_inner());
    room.trainee_of(&token)?;
    let hash = HeaderValue::from_str(&room.session.case_hash)
        .unwrap_or_else(|_| HeaderValue::from_static(""));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            ),
            (
                header::HeaderName::from_static("x-dealcraft-case-hash"),
                hash,
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        room.session.case_source.clone(),
    )
        .into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoveBody {
    seq: usize,
    line: String,
    points: i64,
}

async fn play(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    bytes: Body,
) -> Result<Response, Refusal> {
    let token = bearer(&headers).ok_or_else(|| Refusal {
        status: 401,
        en: "a move needs the trainee's token (Authorization: Bearer …)".into(),
        zh: "提交一步需要学员令牌（Authorization: Bearer …）".into(),
    })?;
    let b: MoveBody = body(&bytes)?;
    let ack = s
        .with_room(move |room| {
            let who = room.trainee_of(&token)?;
            room.play(who, b.seq, &b.line, b.points)
        })
        .await?;
    Ok(axum::Json(ack).into_response())
}

async fn projector_page(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Response {
    if let Err(r) = instructor(&s, &headers, &q) {
        return (StatusCode::UNAUTHORIZED, Html(pages::refused(&r))).into_response();
    }
    let room = s.room.lock().unwrap_or_else(|p| p.into_inner());
    Html(pages::projector(&room, q.lang.as_deref())).into_response()
}

async fn snapshot(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Response, Refusal> {
    instructor(&s, &headers, &q)?;
    let room = s.room.lock().unwrap_or_else(|p| p.into_inner());
    Ok(axum::Json(projector::snapshot(&room)).into_response())
}

/// The projector's stream: the whole snapshot on connect and after every change, at most
/// four times a second (a class of 60 clicking at once is one update per 250 ms).
async fn live(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>>, Refusal> {
    instructor(&s, &headers, &q)?;
    let shared = s.clone();
    let stream = WatchStream::new(s.changed.subscribe()).then(move |_| {
        let shared = shared.clone();
        async move {
            let json = {
                let room = shared.room.lock().unwrap_or_else(|p| p.into_inner());
                projector::snapshot(&room).to_string()
            };
            tokio::time::sleep(Duration::from_millis(250)).await;
            Ok(Event::default().event("snapshot").data(json))
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

async fn reveal(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Response, Refusal> {
    instructor(&s, &headers, &q)?;
    s.with_room(|room| room.reveal()).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn end(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Response, Refusal> {
    instructor(&s, &headers, &q)?;
    s.with_room(|room| room.end()).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn attachment(bytes: Vec<u8>, mime: &'static str, name: String) -> Response {
    let mut r = (StatusCode::OK, bytes).into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

async fn export_xapi(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Response, Refusal> {
    instructor(&s, &headers, &q)?;
    let (bytes, name) = s
        .with_room(|room| {
            let (json, _) = super::statements_file(&room.store, room.session.id)
                .map_err(|e| refusal(500, e))?;
            Ok((
                json,
                format!("{}-{}-xapi.json", room.session.case_id, room.session.id),
            ))
        })
        .await?;
    Ok(attachment(bytes, "application/json", name))
}

async fn report_html(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Response, Refusal> {
    instructor(&s, &headers, &q)?;
    let lang = q.lang.clone();
    let page = s
        .with_room(move |room| {
            let lang = match lang.as_deref() {
                Some("zh") => crate::case::text::Lang::Zh,
                Some("en") => crate::case::text::Lang::En,
                _ => room.lang(),
            };
            Ok(super::report_page(room, lang))
        })
        .await?;
    Ok(Html(page).into_response())
}

async fn report_csv(
    State(s): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Response, Refusal> {
    instructor(&s, &headers, &q)?;
    let (bytes, name) = s
        .with_room(|room| {
            let runs = room.results();
            let csv = crate::report::class::csv(&runs, true)
                .map_err(|e| refusal(500, format!("cannot make the CSV: {e}")))?;
            Ok((
                csv,
                format!("{}-{}.csv", room.session.case_id, room.session.id),
            ))
        })
        .await?;
    Ok(attachment(bytes, "text/csv; charset=utf-8", name))
}
