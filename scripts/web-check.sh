#!/usr/bin/env bash
# The browser check: build the web game (scripts/web-build.sh), serve it on loopback, and play
# it in Debian's headless Chromium through Selenium (tests/web/check.py): the tutorial from the
# title screen with a reload and Continue mid-way, Haicheng in Chinese at 1024×600 and in
# English at 1920×1080; every screen captured and not blank; each downloaded results file equal
# to `dealcraft simulate` on the same line. Installs chromium, chromium-driver (as root) and
# Selenium (PyPI) when missing. Screenshots land in target/web-check/.
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

# The simulate binary to compare with (the core CLI, no Bevy: seconds to build).
bin=${WEB_CHECK_DEALCRAFT:-}
if [ -z "$bin" ]; then
  [ -x target/debug/dealcraft ] || cargo build --quiet --no-default-features
  bin=target/web-check/dealcraft
  mkdir -p target/web-check && cp target/debug/dealcraft "$bin"
fi

port=${WEB_PORT:-8137}
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$web" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done
out=target/web-check/shots
rm -rf "$out"
timeout 1500 python3 tests/web/check.py "http://127.0.0.1:$port/" "$bin" "$out"
