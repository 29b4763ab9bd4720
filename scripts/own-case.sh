#!/usr/bin/env bash
# An instructor's own case file for the classroom checks: Haicheng renamed (id
# `haicheng-rehearsal`, both titles), a case no build of the game has, so a game can only play
# it from the text the classroom's server sends.
#
#   scripts/own-case.sh OUT.ron
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/own-case.sh OUT.ron}
sed -e '0,/id: "haicheng"/s//id: "haicheng-rehearsal"/' \
    -e 's/en: "The Deal That Kept Growing: Haicheng Group Network"/en: "Our Own Copy: Haicheng Group Network"/' \
    -e 's/zh: "逐步浮现的大单：海城集团网络项目"/zh: "本公司演练版：海城集团网络项目"/' cases/haicheng.ron >"$out"
grep -q 'id: "haicheng-rehearsal"' "$out" && grep -q 'Our Own Copy' "$out" && grep -q '本公司演练版' "$out" ||
  { echo "scripts/own-case.sh: cases/haicheng.ron no longer has the id or titles it renames" >&2; exit 1; }
