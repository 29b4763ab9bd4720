#!/usr/bin/env bash
# The browser check: build the web game (scripts/web-build.sh), serve it on loopback, and play
# it in Debian's headless Chromium through Selenium (tests/web/check.py): the tutorial from the
# title screen with a reload and Continue mid-way, Haicheng in Chinese at 1024×600 and in
# English at 1920×1080; every screen captured and not blank; each downloaded results file equal
# to `dealcraft simulate` on the same line. Then the live classroom: `dealcraft classroom`
# serving this build, a trainee joining from its join page and playing with a reload mid-way,
# the projector showing him (screenshots in English and Chinese), its xAPI export checked by
# Learning Locker's validation; and the SCORM package (`dealcraft scorm`) played inside
# scorm-again's SCORM 1.2 run-time. Installs chromium, chromium-driver (as root), Selenium
# (PyPI) and tests/lms's npm packages when missing. Screenshots land in target/web-check/.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing chromium chromium-driver"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "web check skipped: chromium and chromium-driver are missing (run as root or install them)"; exit 0
  fi
fi
python3 -c 'import selenium' 2>/dev/null \
  || python3 -m pip install --quiet --disable-pip-version-check 'selenium>=4.20,<5'

[ -n "${WEB_CHECK_SKIP_BUILD:-}" ] || scripts/web-build.sh
web=${WEB_OUT:-target/web}
[ -f "$web/index.html" ] || { echo "no web build in $web"; exit 1; }

# The simulate and classroom binary (the core CLI, no Bevy: a minute to build).
bin=${WEB_CHECK_DEALCRAFT:-}
if [ -z "$bin" ]; then
  [ -x target/debug/dealcraft ] || cargo build --quiet --no-default-features
  bin=target/web-check/dealcraft
  mkdir -p target/web-check && cp target/debug/dealcraft "$bin"
fi
[ -d tests/lms/node_modules ] || (cd tests/lms && npm ci --no-audit --no-fund --silent)

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
serve() { # serve DIR PORT
  python3 -m http.server "$2" --bind 127.0.0.1 --directory "$1" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do
    python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$2/')" 2>/dev/null && break
    sleep 0.1
  done
}
port=${WEB_PORT:-8137}
serve "$web" "$port"

# The classroom, serving this web build, on loopback with a fresh database.
work=target/web-check/work
rm -rf "$work"; mkdir -p "$work"
cport=$((port + 1))
# On the instructor's own case file, one the web build does not have (Haicheng renamed): the
# browser must play the text the server sends.
own="$work/haicheng-rehearsal.ron"
scripts/own-case.sh "$own"
"$bin" classroom "$own" --seed 7 --lang zh --port "$cport" --db "$work/class.db" --web "$web" >"$work/classroom.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q '^  projector' "$work/classroom.out" 2>/dev/null && break; sleep 0.1; done
code=$(sed -n 's/^  trainees .*join code \(.*\)$/\1/p' "$work/classroom.out")
token=$(sed -n 's/^  projector .*token=\(.*\)$/\1/p' "$work/classroom.out")
[ -n "$code" ] && [ -n "$token" ] || { cat "$work/classroom.out"; echo "the classroom did not start"; exit 1; }

# The SCORM package of the tutorial, unpacked beside an LMS page running scorm-again.
lms=target/web-check/lms
rm -rf "$lms"; mkdir -p "$lms"
"$bin" scorm first-lead --seed 3 --web "$web" --out "$lms/first-lead.zip"
python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$lms/first-lead.zip" "$lms/package"
cp tests/lms/lms.html "$lms/index.html"
cp tests/lms/node_modules/scorm-again/dist/scorm12.js "$lms/"
lport=$((port + 2))
serve "$lms" "$lport"

out=target/web-check/shots
rm -rf "$out"
CLASSROOM_BASE="http://127.0.0.1:$cport" CLASSROOM_CODE="$code" CLASSROOM_TOKEN="$token" CLASSROOM_CASE="$own" \
LMS_URL="http://127.0.0.1:$lport/index.html" \
  timeout 2400 python3 tests/web/check.py "http://127.0.0.1:$port/" "$bin" "$out"

# The classroom's statements, as exported for an LMS, through Learning Locker's validation.
python3 -c "import urllib.request,sys; open(sys.argv[2],'wb').write(urllib.request.urlopen(sys.argv[1]).read())" \
  "http://127.0.0.1:$cport/api/export/xapi?token=$token" "$work/statements.json"
node tests/lms/validate-xapi.js "$work/statements.json"
cp "$out"/projector-*.png target/web-check/ 2>/dev/null || true
