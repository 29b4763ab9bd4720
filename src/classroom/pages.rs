//! The classroom's HTML pages: the trainee's join page and the instructor's projector. Both
//! are one self-contained page (no external scripts or fonts: a training-room LAN may have no
//! internet); the Chinese font comes from this server ([`CJK_FONT`]) for machines without one. Text from the server's case goes through [`esc`]; everything trainees typed is
//! set with `textContent` by the page's script, never as HTML.

use super::room::{Refusal, Room};
use crate::report::class::esc;

/// The game's own Chinese font, served at [`CJK_FONT_PATH`] for the pages (and the game's
/// page, for its link line) on a machine that has no Chinese font: a projector PC or a kiosk
/// would otherwise show boxes. The browser fetches it only for Chinese text that no font
/// before it in the list can show (`unicode-range`, and it comes last).
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Subset-Regular.otf");
pub const CJK_FONT_PATH: &str = "/fonts/cjk.otf";

const STYLE: &str = r#"
  @font-face { font-family: "Dealcraft CJK"; src: url("/fonts/cjk.otf") format("opentype");
    unicode-range: U+2E80-2FDF, U+3000-303F, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF;
    font-display: swap; }
  :root { --bg:#181c24; --panel:#232a36; --ink:#eceff4; --dim:#aab4c4; --accent:#e0a83a;
    --good:#7cc47f; --bad:#e06c6c; }
  * { box-sizing: border-box; }
  body { margin:0; background:var(--bg); color:var(--ink);
    font-family: system-ui, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Dealcraft CJK", sans-serif; }
  a { color: var(--accent); }
  button { font: inherit; cursor: pointer; border: 0; border-radius: 8px; padding: .5em 1.1em;
    background: var(--accent); color: #1b1b1b; font-weight: 600; }
  button.quiet { background: var(--panel); color: var(--ink); border: 1px solid #3a4456; }
  .lang { position: absolute; top: 12px; right: 16px; }
"#;

fn lang_of(room: &Room, asked: Option<&str>) -> &'static str {
    match asked {
        Some("zh") => "zh",
        Some("en") => "en",
        _ => {
            if room.session.lang == "zh" {
                "zh"
            } else {
                "en"
            }
        }
    }
}

fn tr(lang: &str, en: &'static str, zh: &'static str) -> &'static str {
    if lang == "zh" { zh } else { en }
}

/// The page a trainee opens: his name, the join code (filled in from `?code=`), Join.
pub fn join(room: &Room, asked: Option<&str>) -> String {
    let l = lang_of(room, asked);
    let title = &room.case.case.title;
    let (title, other) = if l == "zh" {
        (&title.zh, &title.en)
    } else {
        (&title.en, &title.zh)
    };
    let ended = room.session.ended.is_some();
    format!(
        r##"<!doctype html>
<html lang="{l}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dealcraft · {title}</title>
<style>{STYLE}
  main {{ max-width: 520px; margin: 10vh auto; padding: 2em; background: var(--panel); border-radius: 14px; }}
  h1 {{ font-size: 1.6em; margin: 0 0 .2em; }}
  .sub {{ color: var(--dim); margin-bottom: 1.5em; }}
  label {{ display:block; margin: 1em 0 .3em; color: var(--dim); }}
  input {{ width:100%; font: inherit; font-size: 1.2em; padding: .5em; border-radius: 8px;
    border: 1px solid #3a4456; background: #141821; color: var(--ink); }}
  #go {{ margin-top: 1.4em; font-size: 1.15em; width: 100%; }}
  #error {{ color: var(--bad); min-height: 1.4em; margin-top: .8em; }}
  #again {{ display:none; margin-top: 1em; }}
</style></head>
<body>
<div class="lang"><a id="other-lang" href="?lang={other_lang}">{other_lang_name}</a></div>
<main>
  <h1>{title}</h1>
  <div class="sub">{other} · Dealcraft {classroom}</div>
  <form id="join">
    <label for="name">{your_name}</label>
    <input id="name" name="name" maxlength="40" autocomplete="name" required {disabled}>
    <label for="code">{code_word}</label>
    <input id="code" name="code" maxlength="12" autocapitalize="characters" required {disabled}>
    <button id="go" type="submit" {disabled}>{join_word}</button>
    <div id="error" role="alert">{ended_note}</div>
  </form>
  <button id="again" class="quiet"></button>
</main>
<script>
(() => {{
  const lang = "{l}";
  const q = new URLSearchParams(location.search);
  const code = document.getElementById("code");
  code.value = q.get("code") || "";
  // The other language keeps the join code of the address.
  const other = new URLSearchParams(q); other.set("lang", "{other_lang}");
  document.getElementById("other-lang").href = "?" + other.toString();
  const error = document.getElementById("error");
  const KEY = "dealcraft/classroom";
  function play(j) {{
    const p = new URLSearchParams({{ case: j.case, seed: String(j.seed), lang: j.lang,
      player: j.name, classroom: "1" }});
    location.href = "/play/index.html?" + p.toString();
  }}
  // Back on this page with a token of this classroom: offer to carry on.
  try {{
    const saved = JSON.parse(localStorage.getItem(KEY) || "null");
    if (saved && saved.token) {{
      fetch("/api/me", {{ headers: {{ Authorization: "Bearer " + saved.token }} }})
        .then(r => r.ok ? r.json() : null)
        .then(me => {{
          if (!me) return;
          const b = document.getElementById("again");
          b.textContent = "{carry_on} " + me.name;
          b.style.display = "block";
          b.onclick = () => play({{ ...me, token: saved.token }});
        }}).catch(() => {{}});
    }}
  }} catch (e) {{}}
  document.getElementById("join").addEventListener("submit", async (ev) => {{
    ev.preventDefault();
    error.textContent = "";
    const body = JSON.stringify({{ name: document.getElementById("name").value, code: code.value }});
    try {{
      const r = await fetch("/api/join", {{ method: "POST", headers: {{ "Content-Type": "application/json" }}, body }});
      const j = await r.json();
      if (!r.ok) {{ error.textContent = lang === "zh" ? (j.error_zh || j.error) : j.error; return; }}
      localStorage.setItem(KEY, JSON.stringify({{ token: j.token, name: j.name, next: 0, queue: [] }}));
      play(j);
    }} catch (e) {{
      error.textContent = "{unreachable}";
    }}
  }});
}})();
</script>
</body></html>"##,
        title = esc(title),
        other = esc(other),
        other_lang = if l == "zh" { "en" } else { "zh" },
        other_lang_name = if l == "zh" { "English" } else { "中文" },
        classroom = tr(l, "classroom", "课堂"),
        your_name = tr(l, "Your name", "你的名字"),
        code_word = tr(l, "Join code (on the board)", "加入码（写在白板上）"),
        join_word = tr(l, "Join and play", "加入并开始"),
        carry_on = tr(l, "Carry on as", "继续："),
        unreachable = tr(
            l,
            "The classroom server cannot be reached; check the Wi-Fi and try again.",
            "连不上课堂服务器，请检查网络后再试。"
        ),
        disabled = if ended { "disabled" } else { "" },
        ended_note = if ended {
            tr(l, "This session has ended.", "本场已结束。")
        } else {
            ""
        },
    )
}

pub fn refused(r: &Refusal) -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Dealcraft</title><style>{STYLE} main {{ max-width: 640px; margin: 15vh auto; font-size: 1.3em; }}</style></head><body><main><p>{}</p><p>{}</p></main></body></html>",
        esc(&r.en),
        esc(&r.zh)
    )
}

pub fn no_web_build() -> String {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Dealcraft</title><style>{STYLE} main {{ max-width: 640px; margin: 15vh auto; font-size: 1.2em; }}</style></head><body><main>\
         <p>The game's web build is not here. Build it with <code>scripts/web-build.sh</code> and start the classroom again (or pass <code>--web DIR</code>).</p>\
         <p>这里没有游戏的网页版。请先运行 <code>scripts/web-build.sh</code>，再启动课堂（或用 <code>--web DIR</code> 指定）。</p></main></body></html>"
    )
}

/// The instructor's live page for the projector: large type, updates by itself.
pub fn projector(room: &Room, asked: Option<&str>) -> String {
    let l = lang_of(room, asked);
    let t = &room.case.case.title;
    let title = if l == "zh" { &t.zh } else { &t.en };
    let words = serde_json::json!({
        "joined": tr(l, "joined", "已加入"),
        "playing": tr(l, "playing", "进行中"),
        "finished": tr(l, "finished", "已完成"),
        "who": tr(l, "In the room", "课堂里"),
        "board": tr(l, "Leaderboard", "排行榜"),
        "costly": tr(l, "The room's costliest decisions so far", "全班目前代价最大的决定"),
        "dist": tr(l, "Total scores", "总分分布"),
        "expert": tr(l, "The expert line", "专家路线"),
        "reveal": tr(l, "Reveal the expert line", "公布专家路线"),
        "computing": tr(l, "The expert line is being computed…", "专家路线计算中…"),
        "end": tr(l, "End the session", "结束本场"),
        "ended": tr(l, "The session has ended: no new moves are taken.", "本场已结束，不再接受新的步骤。"),
        "confirm": tr(l, "End the session? Trainees still playing cannot finish.", "确定结束本场？还在玩的学员将无法完成。"),
        "week": tr(l, "week ", "第"),
        "weekAfter": tr(l, "", "周"),
        "moves": tr(l, "moves", "步"),
        "players": tr(l, "trainees", "人"),
        "points": tr(l, "points", "分"),
        "none": tr(l, "Nobody has finished yet.", "还没有人完成。"),
        "nothing": tr(l, "No points lost yet.", "还没有人失分。"),
        "offline": tr(l, "Connection lost — reconnecting…", "连接中断，正在重连…"),
        "won": tr(l, "won", "赢单"), "lost": tr(l, "lost", "丢单"),
        "withdrew": tr(l, "withdrew", "主动退出"), "timed_out": tr(l, "out of time", "超时"),
        "burning": tr(l, "burning issue", "痛点"), "insider": tr(l, "insider", "内线"),
        "sequencing": tr(l, "sequencing", "拜访顺序"),
        "average": tr(l, "class average", "全班平均"),
    });
    format!(
        r##"<!doctype html>
<html lang="{l}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dealcraft · {title}</title>
<style>{STYLE}
  body {{ font-size: 22px; }}
  header {{ display:flex; align-items: baseline; gap: 1em; padding: .6em 1em; background: var(--panel); flex-wrap: wrap; }}
  header h1 {{ margin:0; font-size: 1.5em; }}
  .join {{ color: var(--dim); }}
  .join b {{ color: var(--accent); font-size: 1.3em; letter-spacing: .08em; }}
  .counts {{ margin-left: auto; }}
  .counts span {{ margin-left: 1em; }}
  .grid {{ display:grid; grid-template-columns: 1.1fr 1fr; gap: 1em; padding: 1em; }}
  section {{ background: var(--panel); border-radius: 12px; padding: .7em 1em; overflow: hidden; }}
  h2 {{ margin: .1em 0 .5em; font-size: 1.05em; color: var(--dim); font-weight: 600; }}
  table {{ width:100%; border-collapse: collapse; }}
  td {{ padding: .18em .3em; border-bottom: 1px solid #2e3646; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 14em; }}
  td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
  td.wrap {{ white-space: normal; max-width: none; }}
  .people {{ display:flex; flex-wrap: wrap; gap: .35em; }}
  .chip {{ background:#2d3545; border-radius: 999px; padding: .12em .7em; font-size: .8em; }}
  .chip.done {{ background: #2f4a33; }}
  .bars {{ display:flex; align-items:flex-end; gap: 4px; height: 150px; margin-top: 1.6em; }}
  .bar {{ flex:1; background: var(--accent); border-radius: 4px 4px 0 0; position: relative; min-height: 2px; }}
  .bar span {{ position:absolute; top:-1.3em; width:100%; text-align:center; font-size:.7em; }}
  .axis {{ display:flex; gap:4px; font-size:.6em; color: var(--dim); }}
  .axis div {{ flex:1; text-align:center; }}
  .bad {{ color: var(--bad); }}
  .tools {{ display:flex; gap: .6em; flex-wrap: wrap; align-items: center; font-size: .75em; }}
  #status {{ color: var(--bad); width: 100%; }}
  #status:empty {{ display: none; }}
  ol {{ margin: 0; padding-left: 1.8em; columns: 2; column-gap: 2.5em; font-size: .8em; }}
  li {{ break-inside: avoid; margin-bottom: .15em; }}
  @media (max-width: 1100px) {{ .grid {{ grid-template-columns: 1fr; }} body {{ font-size: 18px; }} ol {{ columns: 1; }} }}
</style></head>
<body>
<header>
  <h1>{title}</h1>
  <div class="join">{join_at} <span id="addr"></span> · {code_word} <b id="code"></b></div>
  <div class="counts"><span id="c-joined"></span><span id="c-playing"></span><span id="c-finished"></span></div>
  <div class="tools">
    <button id="reveal"></button>
    <button id="end" class="quiet"></button>
    <a id="xapi" href="#">xAPI</a> <a id="report" href="#">HTML</a> <a id="csv" href="#">CSV</a>
    <a href="?token={token_q}&lang={other_lang}">{other_lang_name}</a>
  </div>
  <div id="status"></div>
</header>
<div class="grid">
  <section><h2 id="h-board"></h2><table id="board"></table></section>
  <section><h2 id="h-costly"></h2><table id="costly"></table></section>
  <section><h2 id="h-dist"></h2><div class="bars" id="bars"></div><div class="axis" id="axis"></div><p id="avg"></p></section>
  <section><h2 id="h-who"></h2><div class="people" id="people"></div></section>
  <section id="expert-box" style="grid-column: 1 / -1; display:none"><h2 id="h-expert"></h2><ol id="expert"></ol></section>
</div>
<script>
(() => {{
  const W = {words};
  const lang = "{l}";
  const token = new URLSearchParams(location.search).get("token") || "";
  const tq = "token=" + encodeURIComponent(token);
  const $ = (id) => document.getElementById(id);
  const text = (el, s) => {{ el.textContent = s; return el; }};
  const el = (tag, cls, s) => {{ const e = document.createElement(tag); if (cls) e.className = cls; if (s !== undefined) e.textContent = s; return e; }};
  const pick = (t) => (t && (lang === "zh" ? (t.zh || t.en) : (t.en || t.zh))) || "";
  const outcome = (o) => o ? (W[o] || o) : "";
  text($("h-board"), W.board); text($("h-costly"), W.costly); text($("h-dist"), W.dist);
  text($("h-who"), W.who); text($("h-expert"), W.expert);
  text($("reveal"), W.reveal); text($("end"), W.end);
  $("xapi").href = "/api/export/xapi?" + tq;
  $("report").href = "/api/report.html?lang=" + lang + "&" + tq;
  $("csv").href = "/api/report.csv?" + tq;
  const post = (path) => fetch(path, {{ method: "POST", headers: {{ Authorization: "Bearer " + token }} }});
  $("reveal").onclick = () => post("/api/reveal");
  $("end").onclick = () => {{ if (confirm(W.confirm)) post("/api/end"); }};
  function row(table, cells) {{
    const tr = el("tr");
    for (const [v, cls] of cells) tr.appendChild(el("td", cls || "", String(v)));
    table.appendChild(tr);
  }}
  function render(s) {{
    window.__projector = s;
    text($("addr"), s.join); text($("code"), s.code);
    text($("c-joined"), s.counts.joined + " " + W.joined);
    text($("c-playing"), s.counts.playing + " " + W.playing);
    text($("c-finished"), s.counts.finished + " " + W.finished);
    const board = $("board"); board.replaceChildren();
    if (!s.leaderboard.length) row(board, [[W.none]]);
    for (const r of s.leaderboard.slice(0, 12))
      row(board, [[r.place + ".", "n"], [r.name], [r.total.toFixed(1), "n"], [outcome(r.outcome)],
        [W.burning + " " + r.burning_issue, "n"], [W.insider + " " + r.insider, "n"]]);
    const costly = $("costly"); costly.replaceChildren();
    if (!s.costly.length) row(costly, [[W.nothing]]);
    for (const c of s.costly) row(costly, [[pick(c.label), "wrap"], [c.points + " " + W.points, "n bad"], [c.players + " " + W.players, "n"]]);
    const bars = $("bars"), axis = $("axis"); bars.replaceChildren(); axis.replaceChildren();
    const most = Math.max(1, ...s.histogram);
    s.histogram.forEach((n, i) => {{
      const b = el("div", "bar"); b.style.height = (100 * n / most) + "%";
      if (n) b.appendChild(el("span", "", String(n)));
      bars.appendChild(b); axis.appendChild(el("div", "", (i * 10) + "–" + (i * 10 + 9 + (i === 9 ? 1 : 0))));
    }});
    const a = s.averages;
    text($("avg"), s.counts.finished ? W.average + ": " + a.total + " · " + W.burning + " " + a.burning_issue + " · " + W.insider + " " + a.insider + " · " + W.sequencing + " " + a.sequencing : "");
    const people = $("people"); people.replaceChildren();
    for (const t of s.trainees) {{
      const label = t.finished ? t.name + " · " + (t.total ?? 0).toFixed(1) : t.name + " · " + W.week + t.week + W.weekAfter;
      people.appendChild(el("span", t.finished ? "chip done" : "chip", label));
    }}
    const box = $("expert-box"), list = $("expert");
    list.replaceChildren();
    if (s.expert) {{
      box.style.display = "";
      for (const st of s.expert.steps) list.appendChild(el("li", "", pick(st.label) + (st.points ? "  (" + (st.points > 0 ? "+" : "") + st.points + ")" : "")));
      text($("h-expert"), W.expert + " · " + s.expert.total.toFixed(1) + " · " + outcome(s.expert.outcome));
    }} else {{ box.style.display = "none"; }}
    $("reveal").disabled = s.revealed || !s.expert_ready;
    if (!s.expert_ready) text($("reveal"), W.computing); else text($("reveal"), W.reveal);
    $("end").disabled = s.ended;
    text($("status"), s.ended ? W.ended : "");
  }}
  function connect() {{
    const es = new EventSource("/api/live?" + tq);
    es.addEventListener("snapshot", (e) => {{ text($("status"), ""); render(JSON.parse(e.data)); }});
    es.onerror = () => {{ text($("status"), W.offline); }};
  }}
  connect();
}})();
</script>
</body></html>"##,
        title = esc(title),
        join_at = tr(l, "Join at", "加入地址"),
        code_word = tr(l, "code", "加入码"),
        words = words,
        token_q = esc(&room.session.instructor_token),
        other_lang = if l == "zh" { "en" } else { "zh" },
        other_lang_name = if l == "zh" { "English" } else { "中文" },
    )
}

#[cfg(test)]
mod font_tests {
    #[test]
    fn the_pages_ask_for_the_font_where_the_server_serves_it() {
        assert!(super::STYLE.contains(&format!("url(\"{}\")", super::CJK_FONT_PATH)));
        // An OpenType font with CFF outlines, as the game's.
        assert_eq!(&super::CJK_FONT[..4], b"OTTO");
    }
}
