#!/usr/bin/env bash
# The real-window check: play scripted cases through the game's UI in a real window under Xvfb
# with software Vulkan (Mesa lavapipe), then check that every screen was captured, none is blank,
# and the game's result equals `dealcraft simulate` on the same script.
#
# Uses the dev profile, like `cargo test`, so Bevy compiles once per CI run.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=()
command -v xvfb-run >/dev/null || need_pkgs+=(xvfb xauth)
[ -e /usr/share/vulkan/icd.d/lvp_icd.x86_64.json ] || ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1 || need_pkgs+=(mesa-vulkan-drivers)
ldconfig -p | grep -q libvulkan.so.1 || need_pkgs+=(libvulkan1)
for lib in libX11-xcb.so.1 libXcursor.so.1 libXi.so.6 libXrandr.so.2 libxkbcommon-x11.so.0; do
  ldconfig -p | grep -q "$lib" || { need_pkgs+=(libx11-xcb1 libxcursor1 libxi6 libxrandr2 libxkbcommon-x11-0); break; }
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing: ${need_pkgs[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
  else
    echo "real-window check skipped: missing ${need_pkgs[*]} (run as root or install them)"; exit 0
  fi
fi

out=${REAL_WINDOW_OUT:-target/real-window}
rm -rf "$out"; mkdir -p "$out"
# Relink so target/debug/dealcraft is this build's binary, even if a `--no-default-features`
# build replaced it since (cargo does not copy a fresh binary again).
# A private copy, so a later cargo command cannot swap the binary under us.
bin="$out/dealcraft"
if [ -n "${REAL_WINDOW_BIN:-}" ]; then
  cp "$REAL_WINDOW_BIN" "$bin"
else
  touch src/main.rs   # relink, so target/debug/dealcraft is this build's binary
  cargo build --quiet
  cp target/debug/dealcraft "$bin"
fi
export DEALCRAFT_DATA_DIR="$out/data"
status=0
passed=0
failed=0

run_case() { # case seed lang script
  local before=$status
  run_one "$@"
  if [ "$status" = "$before" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

run_one() {
  local case=$1 seed=$2 lang=$3 script=$4 dir="$out/$1-$3"
  echo "-- $case (seed $seed, $lang)"
  if ! timeout 600 xvfb-run -a -s '-screen 0 1280x720x24' \
      "$bin" play "$case" --seed "$seed" --lang "$lang" --script "$script" --screenshots "$dir" --exit-when-done \
      > "$dir.log" 2>&1; then
    echo "the game failed; last lines of its log:"; grep -v ICU4X "$dir.log" | tail -5; status=1; return
  fi
  python3 scripts/check-screens.py "$dir" briefing board meeting decision outcome debrief || status=1
  "$bin" simulate "$case" --seed "$seed" --choices "$script" --json > "$dir/simulate.json"
  if python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])) else 1)' \
      "$dir/result.json" "$dir/simulate.json"; then
    echo "result.json matches simulate"
  else
    echo "result.json differs from simulate:"; diff <(python3 -m json.tool "$dir/result.json") <(python3 -m json.tool "$dir/simulate.json") | head -20; status=1
  fi
}

run_case first-lead 3 en tests/scripts/first-lead-expert.txt
if [ -f tests/scripts/haicheng-expert.txt ]; then
  run_case haicheng 7 zh tests/scripts/haicheng-expert.txt
  run_case haicheng 7 en tests/scripts/haicheng-expert.txt
fi
# The desktop game in a live classroom: it joins with `play --classroom URL`, plays the
# instructor's own copy of Haicheng (renamed: a file the trainee does not have, which the game
# gets from the server) through its window, and the classroom's projector must show the run
# finished with the total `simulate` gives on that file for the same line.
classroom_run() {
  local dir="$out/classroom" port=${CLASSROOM_PORT:-8147}
  mkdir -p "$dir"
  echo "-- an own copy of haicheng in a classroom (seed 7, en)"
  local own="$dir/haicheng-rehearsal.ron"
  scripts/own-case.sh "$own" || { status=1; return; }
  "$bin" classroom "$own" --seed 7 --port "$port" --db "$dir/class.db" --web /nonexistent > "$dir/server.out" 2>&1 &
  local server=$!
  for _ in $(seq 100); do grep -q '^  projector' "$dir/server.out" 2>/dev/null && break; sleep 0.1; done
  local join token
  join=$(sed -n 's/^  trainees *\([^ ]*\) .*/\1/p' "$dir/server.out")
  token=$(sed -n 's/^  projector .*token=\(.*\)$/\1/p' "$dir/server.out")
  # The file goes away once the session has it: the game can only play the server's copy.
  mkdir -p "$dir/kept" && mv "$own" "$dir/kept/"
  if ! timeout 600 xvfb-run -a -s '-screen 0 1280x720x24' \
      "$bin" play --classroom "$join" --player "Desk Top" --script tests/scripts/haicheng-expert.txt \
      --screenshots "$dir/shots" --exit-when-done > "$dir/game.log" 2>&1; then
    echo "the game failed; last lines of its log:"; grep -v ICU4X "$dir/game.log" | tail -5; status=1
  else
    "$bin" simulate "$dir/kept/haicheng-rehearsal.ron" --seed 7 --choices tests/scripts/haicheng-expert.txt --json > "$dir/simulate.json"
    if python3 - "http://127.0.0.1:$port/api/snapshot?token=$token" "$dir/simulate.json" <<'PY'
import json, sys, urllib.request
snap = json.load(urllib.request.urlopen(sys.argv[1]))
want = json.load(open(sys.argv[2]))["score"]["total"]
rows = [r for r in snap["leaderboard"] if r["name"] == "Desk Top"]
ok = len(rows) == 1 and rows[0]["total"] == want
print(f"classroom: {rows[0]['name']} finished with {rows[0]['total']} (simulate {want})" if rows else f"classroom: not finished: {snap['trainees']}")
sys.exit(0 if ok else 1)
PY
    then :; else status=1; fi
  fi
  kill "$server" 2>/dev/null || true
}
before=$status
classroom_run
if [ "$status" = "$before" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

# The instructor ends the session while a trainee plays in Chinese: the server refuses his next
# move for good, and the game must say so, in Chinese with the server's own reason, and keep
# the deal playable to its end (nothing is sent after the refusal).
classroom_ended_run() {
  local dir="$out/classroom-ended" port=${CLASSROOM_ENDED_PORT:-8148}
  mkdir -p "$dir"
  echo "-- haicheng in a classroom the instructor ends mid-deal (seed 7, zh)"
  "$bin" classroom haicheng --seed 7 --lang zh --port "$port" --db "$dir/class.db" --web /nonexistent > "$dir/server.out" 2>&1 &
  local server=$!
  for _ in $(seq 100); do grep -q '^  projector' "$dir/server.out" 2>/dev/null && break; sleep 0.1; done
  local join token
  join=$(sed -n 's/^  trainees *\([^ ]*\) .*/\1/p' "$dir/server.out")
  token=$(sed -n 's/^  projector .*token=\(.*\)$/\1/p' "$dir/server.out")
  timeout 600 xvfb-run -a -s '-screen 0 1280x720x24' \
    "$bin" play --classroom "$join" --player "断线测试" --script tests/scripts/haicheng-expert.txt \
    --screenshots "$dir/shots" --exit-when-done > "$dir/game.log" 2>&1 &
  local game=$!
  # Ended once the game has drawn its first screens (a few moves are in).
  for _ in $(seq 600); do [ -e "$dir/shots/04-board.png" ] && break; sleep 0.2; done
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(urllib.request.Request(sys.argv[1], method="POST"))' \
    "http://127.0.0.1:$port/api/end?token=$token" || { echo "could not end the session"; status=1; }
  if ! wait "$game"; then
    echo "the game failed; last lines of its log:"; grep -v ICU4X "$dir/game.log" | tail -5; status=1
  elif ! grep -q 'classroom notice: 课堂从第 [0-9]* 步起不再记录：本场已结束' "$dir/game.log"; then
    echo "the game did not say in Chinese that the classroom stopped recording:"; grep 'classroom notice' "$dir/game.log" | head -3 || true; status=1
  elif ! python3 scripts/check-screens.py "$dir/shots" board meeting outcome debrief; then
    status=1
  else
    echo "classroom ended: $(grep -o 'classroom notice: .*' "$dir/game.log" | head -1), the deal played to its end"
  fi
  kill "$server" 2>/dev/null || true
}
before=$status
classroom_ended_run
if [ "$status" = "$before" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
echo "real-window check: $passed passed, $failed failed"
exit $status
