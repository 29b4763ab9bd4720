#!/usr/bin/env bash
# The analysis at scale beside an older explorer (issue 9): the same generated cases through
# both release binaries, one after the other, wall time, CPU time and peak RSS of each.
#
#   scripts/analysis-beside.sh OLD_BINARY [SIZES...]
#
# OLD_BINARY is the older `dealcraft` built on its own, for instance the explorer the issue
# measured:
#   git worktree add /tmp/old9 bcd7404
#   (cd /tmp/old9 && CARGO_TARGET_DIR=/work/target-old9 cargo build --release --no-default-features)
#   scripts/analysis-beside.sh /work/target-old9/release/dealcraft 100k 500k 1m
#
# RUNS (default 1): each size that many times, one binary after the other, and the median
# of each reported (the machine's other load moves single runs by a third).
#
# "per state" is (peak RSS − the same binary's RSS on the 1k case) / states: what each visited
# state costs beyond the program itself; "exploring" divides the wall times less each binary's
# wall time on the 1k case (start-up, loading the case), so it compares the explorers alone.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: scripts/analysis-beside.sh OLD_BINARY [SIZES...]}
shift
sizes=("${@:-100k 500k 1m}")
read -r -a sizes <<<"${sizes[*]}"
# NEW_BINARY: the current explorer built elsewhere (e.g. the `profiling` profile, which is
# release with symbols); by default this checkout's release build.
if [ -n "${NEW_BINARY:-}" ]; then
  new=$NEW_BINARY
  gen=$(dirname "$new")/examples/gen_case
else
  new=target/release/dealcraft
  gen=target/release/examples/gen_case
  cargo build --release --no-default-features --quiet --bin dealcraft --example gen_case
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# run BINARY CASE [ARGS...] → "wall_s cpu_s rss_kib states"
run() {
  local bin=$1 case=$2
  shift 2
  local t0 t1 states
  t0=$(date +%s.%N)
  /usr/bin/time -f '%e %U %S %M' -o "$dir/time" "$bin" analyze "$case" --playouts 0 --json "$@" >"$dir/out.json" 2>/dev/null
  t1=$(date +%s.%N)
  states=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("states", 0))' "$dir/out.json" 2>/dev/null || echo "?")
  # wall time to the millisecond (time's own is to 10 ms)
  read -r _ user sys rss <"$dir/time"
  wall=$(python3 -c "print(round($t1 - $t0, 4))")
  echo "$wall $(python3 -c "print(round($user+$sys,2))") $rss $states"
}

# The 1k case, best of three: each binary's fixed cost (start-up, loading a case).
base() {
  local best_w=999 best_r=0 w r
  for _ in 1 2 3; do
    read -r w _ r _ < <(run "$@")
    if python3 -c "import sys; sys.exit(0 if $w < $best_w else 1)"; then best_w=$w best_r=$r; fi
  done
  echo "$best_w $best_r"
}

for n in 1k "${sizes[@]}"; do
  "$gen" "$n" >"$dir/gen-$n.ron" 2>"$dir/gen.err" || { cat "$dir/gen.err" >&2; exit 1; }
done
read -r old_base_wall old_base < <(base "$old" "$dir/gen-1k.ron")
read -r new_base_wall new_base < <(base "$new" "$dir/gen-1k.ron" --threads 1)
echo "1k case (start-up, loading): old ${old_base_wall} s, $((old_base / 1024)) MiB; new ${new_base_wall} s, $((new_base / 1024)) MiB"
echo
echo '| case | old: wall (CPU), RSS | new: wall (CPU), RSS | states/s, wall | states/s, exploring | bytes per state, old / new | memory per state |'
echo '|---|---|---|---|---|---|---|'
runs=${RUNS:-1}
# median of the numbers given
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for n in "${sizes[@]}"; do
  ows=() ocs=() orsss=() nws=() ncs=() nrsss=()
  for _ in $(seq "$runs"); do
    read -r ow oc orss os < <(run "$old" "$dir/gen-$n.ron")
    read -r nw nc nrss ns < <(run "$new" "$dir/gen-$n.ron" --threads 1)
    ows+=("$ow") ocs+=("$oc") orsss+=("$orss") nws+=("$nw") ncs+=("$nc") nrsss+=("$nrss")
  done
  ow=$(median "${ows[@]}") oc=$(median "${ocs[@]}") orss=$(median "${orsss[@]}")
  nw=$(median "${nws[@]}") nc=$(median "${ncs[@]}") nrss=$(median "${nrsss[@]}")
  if [ "$os" != "$ns" ]; then echo "gen $n: the two count different states ($os, $ns)" >&2; fi
  python3 - "$n" "$ow" "$oc" "$orss" "$nw" "$nc" "$nrss" "$ns" "$old_base" "$new_base" "$old_base_wall" "$new_base_wall" <<'EOF'
import sys
n, ow, oc, orss, nw, nc, nrss, ns, ob, nb, obw, nbw = sys.argv[1:]
ow, oc, nw, nc, obw, nbw = map(float, (ow, oc, nw, nc, obw, nbw))
orss, nrss, ob, nb = map(int, (orss, nrss, ob, nb))
states = int(ns)
old_per = (orss - ob) * 1024 / states
new_per = (nrss - nb) * 1024 / states
wall = ow / max(nw, 0.005)
exploring = (ow - obw) / max(nw - nbw, 0.005)
print(f"| gen {n} ({states:,}) | {ow*1000:.0f} ms ({oc:.2f} s), {orss/1024:.0f} MiB | "
      f"{nw*1000:.0f} ms ({nc:.2f} s), {nrss/1024:.0f} MiB | {wall:.1f}× | {exploring:.1f}× | "
      f"{old_per:.0f} / {new_per:.0f} | {old_per/new_per:.1f}× less |")
EOF
done
