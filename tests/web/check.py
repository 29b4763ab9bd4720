"""The web build played in a real browser (Debian's Chromium, headless, through Selenium and
chromedriver), as a trainee would: clicks on the canvas and keys.

    python3 tests/web/check.py URL DEALCRAFT_BIN OUT_DIR

For each run: open the page at a window size, play a case's line through the UI (click the
choice's button where the game draws it, Enter to continue), take a screenshot of every screen
(none may be blank), download the results file from the outcome screen and compare its result
with `dealcraft simulate` on the same line. The tutorial is also reloaded mid-way: Continue on
the title screen must resume the deal where it was. Where the buttons are comes from
`window.__dealcraft`, the outline the game publishes for this (it moves nothing).
Exits non-zero on the first failure.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.chrome.service import Service

URL, BIN, OUT = sys.argv[1], sys.argv[2], Path(sys.argv[3])
OUT.mkdir(parents=True, exist_ok=True)


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print(f"ok  {what}")


def browser(width, height, downloads):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in [
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--window-size={width},{height}",
    ]:
        o.add_argument(a)
    o.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
    })
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    d.set_script_timeout(30)
    return d


def page(d):
    raw = d.execute_script("return window.__dealcraft || null")
    return json.loads(raw) if raw else None


def wait(d, what, cond, timeout=90):
    end = time.time() + timeout
    while time.time() < end:
        p = page(d)
        if p and cond(p):
            return p
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}; last page state: {page(d)}")


def blank(png: bytes) -> bool:
    """True when a screenshot is (almost) one colour: the PNG's pixel data compresses to
    almost nothing. Decoding is not needed for that."""
    import struct
    pos, idat = 8, b""
    while pos < len(png):
        (n,) = struct.unpack(">I", png[pos:pos + 4])
        if png[pos + 4:pos + 8] == b"IDAT":
            idat += png[pos + 8:pos + 8 + n]
        pos += 12 + n
    raw = zlib.decompress(idat)
    return len(zlib.compress(raw, 9)) < len(raw) / 400


class Run:
    def __init__(self, name, width, height, query, open_page=None):
        self.name, self.shots, self.seen = name, 0, None
        self.downloads = Path(tempfile.mkdtemp(prefix="dealcraft-dl-"))
        self.d = browser(width, height, self.downloads)
        t0 = time.time()
        if open_page:
            # A page that leads to the game (the classroom's join page, an LMS's frame).
            open_page(self.d)
        else:
            self.d.get(f"{URL}?{query}")
        ready = None
        end = time.time() + 120
        while time.time() < end and not ready:
            ready = self.d.execute_script("return window.__dealcraftReady || null")
            time.sleep(0.1)
        check(ready, f"{name}: the game draws its first frame")
        origin = self.d.execute_script("return performance.timeOrigin")
        self.first_frame_ms = ready - origin
        print(f"    first frame {self.first_frame_ms:.0f} ms after navigation (wall {time.time() - t0:.1f} s)")
        self.canvas = self.d.find_element(By.ID, "bevy")

    def shot(self, p):
        if p["screen"] == self.seen:
            return
        self.seen = p["screen"]
        time.sleep(0.6)  # let the new screen's text settle
        png = self.d.get_screenshot_as_png()
        self.shots += 1
        path = OUT / f"{self.name}-{self.shots:02}-{p['screen']}.png"
        path.write_bytes(png)
        check(not blank(png), f"{self.name}: {p['screen']} is drawn ({path.name})")

    def click(self, b):
        # Canvas coordinates are CSS pixels from its top-left corner; Selenium offsets from
        # the element's centre.
        self.canvas = self.d.find_element(By.ID, "bevy")  # a reload makes a new one
        rect = self.canvas.rect
        ActionChains(self.d).move_to_element_with_offset(
            self.canvas, int(b["x"] - rect["width"] / 2), int(b["y"] - rect["height"] / 2)
        ).click().perform()

    def button(self, p, label=None, choice=None):
        for b in p["buttons"]:
            if choice is not None and b.get("choice") == choice:
                return b
            if label is not None and label in b["label"]:
                return b
        return None

    def press(self, key):
        ActionChains(self.d).send_keys(key).perform()

    def choose(self, cid):
        p = wait(self.d, f"choice {cid}", lambda p: self.button(p, choice=cid))
        self.shot(p)
        week = p["week"]
        b = self.button(p, choice=cid)
        h = self.d.find_element(By.ID, "bevy").rect["height"]
        if 0 <= b["y"] - b["h"] / 4 and b["y"] + b["h"] / 4 <= h:
            self.click(b)
        else:
            # Below the fold on a small window: its number key, as a trainee would.
            digit = b["label"].split(".")[0].strip()
            check(digit.isdigit(), f"{cid} is off screen and has no number key ({b['label']!r})")
            self.press(digit)
        # The consequence panel: Enter continues (or a click if keys are not taken yet).
        p = wait(self.d, f"the consequence of {cid}",
                 lambda p: self.button(p, label="Continue") or self.button(p, label="继续"), 30)
        self.press(Keys.RETURN)
        try:
            wait(self.d, f"the deal after {cid}", lambda q: not (self.button(q, label="Continue") or self.button(q, label="继续")), 10)
        except AssertionError:
            b = self.button(page(self.d), label="Continue") or self.button(page(self.d), label="继续")
            self.click(b)
            wait(self.d, f"the deal after {cid}", lambda q: not (self.button(q, label="Continue") or self.button(q, label="继续")), 20)
        return week

    def finish(self, case, seed, line, download=True):
        p = wait(self.d, "the outcome screen", lambda p: p["screen"] == "outcome")
        self.shot(p)
        if not download:
            return
        b = self.button(p, label="Download") or self.button(p, label="下载")
        check(b is not None, f"{self.name}: the outcome offers the results file")
        # Below the fold on a small window: scroll to it with the wheel, as a person would.
        for _ in range(20):
            h = self.d.find_element(By.ID, "bevy").rect["height"]
            if b["y"] + b["h"] / 4 <= h:
                break
            ActionChains(self.d).scroll_by_amount(0, 200).perform()
            time.sleep(0.5)
            p = page(self.d)
            b = self.button(p, label="Download") or self.button(p, label="下载")
        self.click(b)
        end = time.time() + 30
        files = []
        while time.time() < end:
            files = [f for f in self.downloads.iterdir() if f.suffix == ".json"]
            if files:
                break
            time.sleep(0.2)
        check(files, f"{self.name}: the results file was downloaded ({files[0].name if files else '-'})")
        got = json.loads(files[0].read_text(encoding="utf-8"))
        lf = OUT / f"{self.name}-line.txt"
        lf.write_text("\n".join(line) + "\n", encoding="utf-8")
        sim = json.loads(subprocess.run(
            [BIN, "simulate", case, "--seed", str(seed), "--choices", str(lf), "--json"],
            check=True, capture_output=True, text=True).stdout)
        same = got["result"] == sim
        if not same:
            for k in sim:
                if got["result"].get(k) != sim[k]:
                    print(f"    differs: {k}: browser {str(got['result'].get(k))[:200]} / simulate {str(sim[k])[:200]}")
        check(same, f"{self.name}: the browser's result equals simulate's "
                    f"(total {got['result']['score']['total']})")
        # The debrief, every tab.
        self.press(Keys.RETURN)
        p = wait(self.d, "the debrief", lambda p: p["screen"] == "debrief")
        time.sleep(1.5)
        self.seen = None
        self.shot(p)

    def close(self):
        self.d.quit()


def line_of(path):
    out = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        l = raw.split("#")[0].split("//")[0].strip()
        if l and not l.startswith("read "):
            out.append(l)
    return out


def tutorial():
    """From the title screen, by clicks: new game, the case list, the briefing; half the line;
    a reload and Continue; the rest; the results file."""
    r = Run("tutorial-en-1280x720", 1280, 720, "seed=3&lang=en")
    line = line_of("tests/scripts/first-lead-expert.txt")
    try:
        p = wait(r.d, "the title", lambda p: p["screen"] == "title")
        r.shot(p)
        r.click(r.button(p, label="New"))
        p = wait(r.d, "the case list", lambda p: p["screen"] == "case-select")
        r.shot(p)
        b = next(b for b in p["buttons"] if "First lead" in b["label"])
        r.click(b)
        p = wait(r.d, "the briefing", lambda p: p["screen"] == "briefing")
        r.shot(p)
        r.press(Keys.RETURN)
        half = len(line) // 2
        for cid in line[:half]:
            r.choose(cid)
        week = page(r.d)["week"]
        r.d.refresh()
        p = wait(r.d, "the title after a reload", lambda p: p["screen"] == "title")
        b = r.button(p, label="Continue")
        check(b is not None, "tutorial: after a reload the title offers Continue")
        r.click(b)
        p = wait(r.d, "the deal resumed", lambda p: p["screen"] not in ("title", "case-select"))
        check(p["week"] == week, f"tutorial: resumed in week {p['week']} (was {week})")
        r.canvas = r.d.find_element(By.ID, "bevy")
        r.seen = None
        for cid in line[half:]:
            r.choose(cid)
        r.finish("first-lead", 3, line)
    finally:
        r.close()
    return r.first_frame_ms


def haicheng(lang, w, h):
    """The flagship from its briefing (the address names the case), in one language and size."""
    r = Run(f"haicheng-{lang}-{w}x{h}", w, h, f"case=haicheng&seed=7&lang={lang}")
    line = line_of("tests/scripts/haicheng-expert.txt")
    try:
        p = wait(r.d, "the briefing", lambda p: p["screen"] == "briefing")
        # The expert line's search starts now; it must not freeze the page while it runs.
        # The page's frames are timed from here until the game says the line is ready.
        r.d.execute_script("""
            const g = window.__frameGaps = {max: 0, last: performance.now(), frames: 0};
            const tick = (t) => { g.max = Math.max(g.max, t - g.last); g.last = t; g.frames++;
                                  requestAnimationFrame(tick); };
            requestAnimationFrame(tick);""")
        t0 = time.time()
        r.shot(p)
        wait(r.d, "the expert line", lambda p: p.get("expert"), timeout=120)
        gaps = r.d.execute_script("""const g = window.__frameGaps, s = {max: g.max, frames: g.frames};
            g.max = 0; g.frames = 0; return s;""")
        searching = time.time() - t0
        # The same screen at rest, for as long (at most 5 s): what a frame costs here (software
        # rendering in a headless browser: from 20 ms to half a second, by window size).
        time.sleep(min(5.0, max(2.0, searching)))
        rest = r.d.execute_script("return window.__frameGaps")
        print(f"    expert line ready {searching:.1f} s after the briefing: {gaps['frames']} frames, "
              f"the longest gap {gaps['max']:.0f} ms; at rest the longest {rest['max']:.0f} ms")
        # The search takes at most as long as the page between frames (100 ms at most), so
        # a gap is at most about twice the longest at rest.
        check(gaps["max"] <= 2.5 * rest["max"] + 150, f"haicheng-{lang}: the page keeps "
              f"drawing while the expert line is searched (longest frame gap {gaps['max']:.0f} ms, "
              f"{rest['max']:.0f} ms at rest)")
        r.press(Keys.RETURN)
        for cid in line:
            r.choose(cid)
        r.finish("haicheng", 7, line)
    finally:
        r.close()


def simulate(case, seed, line, name):
    lf = OUT / f"{name}-line.txt"
    lf.write_text("\n".join(line) + "\n", encoding="utf-8")
    return json.loads(subprocess.run(
        [BIN, "simulate", case, "--seed", str(seed), "--choices", str(lf), "--json"],
        check=True, capture_output=True, text=True).stdout)


def classroom(base, code, token, case_file):
    """A trainee joins a live classroom from its join page (typing his name and the code),
    plays in Chinese the instructor's own copy of Haicheng (a case the web build does not
    have: the game plays the text the server sends) with a reload half-way (the game carries
    on by itself and no move is lost), and appears on the projector, finished, with the total
    simulate gives on that file."""
    name = "王芳 <b>"

    def join(d):
        d.get(f"{base}/?lang=zh")
        d.find_element(By.ID, "name").send_keys(name)
        d.find_element(By.ID, "code").send_keys(code.lower())
        d.find_element(By.ID, "go").click()

    r = Run("classroom-zh-1280x720", 1280, 720, None, open_page=join)
    line = line_of("tests/scripts/haicheng-expert.txt")
    try:
        p = wait(r.d, "the briefing", lambda p: p["screen"] == "briefing")
        r.shot(p)
        check(p.get("case") == "haicheng-rehearsal",
              f"classroom: the browser plays the instructor's own case ({p.get('case')})")
        r.press(Keys.RETURN)
        half = len(line) // 2
        for cid in line[:half]:
            r.choose(cid)
        week = page(r.d)["week"]
        r.d.refresh()
        p = wait(r.d, "the deal after a reload", lambda p: p["screen"] not in ("title", "case-select", "briefing"))
        check(p["week"] == week, f"classroom: after a reload the deal carries on in week {p['week']} (was {week})")
        r.canvas = r.d.find_element(By.ID, "bevy")
        r.seen = None
        for cid in line[half:]:
            r.choose(cid)
        r.finish("haicheng", 7, line, download=False)
        end = time.time() + 30
        link = None
        while time.time() < end:
            link = r.d.execute_script("return window.__dealcraftClassroom ? window.__dealcraftClassroom() : null")
            if link and link["waiting"] == 0:
                break
            time.sleep(0.3)
        check(link and link["waiting"] == 0 and link["next"] == len(line),
              f"classroom: every move reached the server ({link})")
    finally:
        r.close()
    total = simulate(case_file, 7, line, "classroom")["score"]["total"]
    for lang, (w, h) in (("en", (1920, 1080)), ("zh", (1280, 720))):
        d = browser(w, h, Path(tempfile.mkdtemp()))
        try:
            d.get(f"{base}/projector?token={token}&lang={lang}")
            end = time.time() + 30
            snap = None
            while time.time() < end:
                snap = d.execute_script("return window.__projector || null")
                if snap and snap["counts"]["finished"] >= 1 and snap["expert_ready"]:
                    break
                time.sleep(0.3)
            check(snap and snap["counts"]["finished"] == 1, f"projector ({lang}): the trainee has finished")
            row = snap["leaderboard"][0]
            check(row["name"] == name and abs(row["total"] - total) < 1e-9,
                  f"projector ({lang}): {row['name']} with {row['total']} (simulate: {total})")
            d.find_element(By.ID, "reveal").click()
            end = time.time() + 10
            while time.time() < end and not (d.execute_script("return window.__projector") or {}).get("expert"):
                time.sleep(0.3)
            check(d.execute_script("return window.__projector")["expert"], f"projector ({lang}): the expert line is revealed")
            d.execute_script("window.scrollTo(0, 0)")
            time.sleep(0.8)
            if lang == "zh":
                # On a machine without a Chinese font the page must use the server's.
                has_own = d.execute_script("return document.fonts.check('16px sans-serif', '排行榜')")
                served = d.execute_script(
                    "return [...document.fonts].some(f => f.family.includes('Dealcraft CJK') && f.status === 'loaded')")
                check(has_own or served, f"projector (zh): the Chinese text has a font (system: {has_own}, served: {served})")
            png = d.get_screenshot_as_png()
            path = OUT / f"projector-{lang}-{w}x{h}.png"
            path.write_bytes(png)
            check(not blank(png), f"projector ({lang}) is drawn ({path.name})")
            body = d.find_element(By.TAG_NAME, "body").get_attribute("innerHTML")
            check("<b>" not in body.replace("<b id=\"code\">", ""), f"projector ({lang}): the trainee's name is shown as text, not markup")
        finally:
            d.quit()


def classroom_ended(base, code, token):
    """A second trainee is mid-deal when the instructor ends the session: the server refuses
    his next move for good. The page must stop sending, say so in Chinese with the server's
    own reason on its link line, and the game must play on."""
    def join(d):
        d.get(f"{base}/?lang=zh")
        d.find_element(By.ID, "name").send_keys("李雷")
        d.find_element(By.ID, "code").send_keys(code)
        d.find_element(By.ID, "go").click()

    def link(d):
        return d.execute_script("return window.__dealcraftClassroom ? window.__dealcraftClassroom() : null")

    def until(d, what, cond, timeout=30):
        end = time.time() + timeout
        got = None
        while time.time() < end:
            got = link(d)
            if got and cond(got):
                return got
            time.sleep(0.3)
        raise AssertionError(f"timed out waiting for {what}; the link: {got}")

    r = Run("classroom-ended-zh-1280x720", 1280, 720, None, open_page=join)
    line = line_of("tests/scripts/haicheng-expert.txt")
    try:
        p = wait(r.d, "the briefing", lambda p: p["screen"] == "briefing")
        r.press(Keys.RETURN)
        for cid in line[:2]:
            r.choose(cid)
        until(r.d, "the first two moves to reach the server", lambda l: l["next"] == 2 and l["waiting"] == 0)
        urllib.request.urlopen(urllib.request.Request(f"{base}/api/end?token={token}", method="POST"))
        r.choose(line[2])
        l = until(r.d, "the refusal", lambda l: l["stopped"])
        check("课堂从第 3 步起不再记录：" in l["stopped"] and "本场已结束" in l["stopped"],
              f"classroom ended: the page says in Chinese, with the server's reason, where recording stopped ({l['stopped']})")
        pill = r.d.find_element(By.ID, "link")
        check(pill.is_displayed() and pill.text == l["stopped"], f"classroom ended: the link line shows it ({pill.text})")
        week = page(r.d)["week"]
        for cid in line[3:5]:
            r.choose(cid)
        l = link(r.d)
        check(page(r.d)["week"] >= week and l["waiting"] == 0 and l["next"] == 5,
              f"classroom ended: the deal plays on and nothing more is queued ({l})")
        png = r.d.get_screenshot_as_png()
        path = OUT / "classroom-ended-zh-1280x720.png"
        path.write_bytes(png)
        check(not blank(png), f"classroom ended: drawn ({path.name})")
    finally:
        r.close()


def scorm(lms_url):
    """The SCORM package in an LMS: a page that runs scorm-again's SCORM 1.2 run-time, reads
    the package's manifest and opens its SCO in a frame, as an LMS does. The tutorial is played
    in the frame; the run-time must then hold the total, passed/failed and the headline scores."""
    def open_lms(d):
        d.get(lms_url)
        end = time.time() + 30
        while time.time() < end and not d.execute_script("return window.lmsReady || false"):
            time.sleep(0.2)
        d.switch_to.frame(d.find_element(By.ID, "sco"))

    r = Run("scorm-en-1280x720", 1280, 720, None, open_page=open_lms)
    line = line_of("tests/scripts/first-lead-expert.txt")
    try:
        p = wait(r.d, "the briefing", lambda p: p["screen"] == "briefing")
        r.shot(p)
        r.press(Keys.RETURN)
        for cid in line:
            r.choose(cid)
        r.finish("first-lead", 3, line, download=False)
        r.d.switch_to.default_content()
        time.sleep(0.5)
        cmi = r.d.execute_script("return window.lmsValues()")
        sim = simulate("first-lead", 3, line, "scorm")["score"]
        check(abs(float(cmi["raw"]) - round(sim["total"], 1)) < 1e-9, f"scorm: score.raw {cmi['raw']} (simulate {sim['total']})")
        want = "passed" if sim["total"] >= 60 else "failed"
        check(cmi["status"] == want, f"scorm: lesson_status {cmi['status']}")
        check([o["id"] for o in cmi["objectives"]] == ["burning_issue", "insider", "sequencing"],
              f"scorm: objectives {cmi['objectives']}")
        check([int(o["raw"]) for o in cmi["objectives"]] == [sim["burning_issue"], sim["insider"], sim["sequencing"]],
              "scorm: the objectives hold the three headline scores")
        check(cmi["commits"] >= 1, f"scorm: the SCO committed {cmi['commits']} time(s)")
    finally:
        r.close()


if __name__ == "__main__":
    try:
        ms = tutorial()
        haicheng("zh", 1024, 600)
        haicheng("en", 1920, 1080)
        if os.environ.get("CLASSROOM_BASE"):
            classroom(os.environ["CLASSROOM_BASE"], os.environ["CLASSROOM_CODE"], os.environ["CLASSROOM_TOKEN"],
                      os.environ["CLASSROOM_CASE"])
            # Last: the instructor ends the session (the statements are exported after it).
            classroom_ended(os.environ["CLASSROOM_BASE"], os.environ["CLASSROOM_CODE"], os.environ["CLASSROOM_TOKEN"])
        if os.environ.get("LMS_URL"):
            scorm(os.environ["LMS_URL"])
        (OUT / "first-frame-ms.txt").write_text(f"{ms:.0f}\n")
        print("web check: all checks passed")
    except AssertionError as e:
        print(f"FAIL {e}")
        sys.exit(1)
