#!/usr/bin/env bash
# Launch → first complete frame, and peak RSS, of the release game beside an empty Bevy 0.19
# window app built with the same features (examples/empty_window.rs), under Xvfb with software
# Vulkan. Several runs each; prints medians and the ratios. Not a test: a measurement.
#
#   scripts/measure-startup.sh [RUNS]        (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
cargo build --release --quiet --bin dealcraft --example empty_window
export DEALCRAFT_FIRST_FRAME=1 DEALCRAFT_DATA_DIR=$(mktemp -d)

measure() { # label command...
  local label=$1; shift
  local frames=() rss=() walls=()
  for _ in $(seq "$runs"); do
    local t0 t1 out
    t0=$(date +%s%N)
    out=$(xvfb-run -a -s '-screen 0 1280x720x24' /usr/bin/time -f 'maxrss-kb %M' "$@" 2>&1 | grep -E '^(first-frame-ms|maxrss-kb) ')
    t1=$(date +%s%N)
    frames+=("$(awk '/first-frame-ms/ {print $2}' <<<"$out")")
    rss+=("$(awk '/maxrss-kb/ {print $2}' <<<"$out")")
    walls+=("$(( (t1 - t0) / 1000000 ))")
  done
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  echo "$label $(median "${frames[@]}") $(median "${rss[@]}") $(median "${walls[@]}")"
}

game=$(measure game target/release/dealcraft play)
empty=$(measure empty target/release/examples/empty_window)
read -r _ gf gr gw <<<"$game"
read -r _ ef er ew <<<"$empty"
echo "runs per program: $runs (medians)"
printf '%-28s %10s %12s %14s\n' "" "first frame" "peak RSS" "xvfb-run wall"
printf '%-28s %8s ms %9s MB %11s ms\n' "dealcraft (title screen)" "$gf" "$((gr / 1024))" "$gw"
printf '%-28s %8s ms %9s MB %11s ms\n' "empty Bevy 0.19 window" "$ef" "$((er / 1024))" "$ew"
awk -v gf="$gf" -v ef="$ef" -v gr="$gr" -v er="$er" 'BEGIN { printf "ratio game/empty: first frame %.2f×, peak RSS %.2f×\n", gf/ef, gr/er }'
