#!/usr/bin/env bash
# Regenerate the CJK UI font subsets in assets/fonts/ from Debian's Noto Sans CJK.
#
# Needs: Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk)
#        and PyPI fonttools (pip install fonttools).
#
# Usage: scripts/subset-font.sh [OUT_DIR]      (default: assets/fonts next to this script)
#
# Keeps face 2 of the TTC (Noto Sans CJK SC = Simplified Chinese) and cuts it to:
#   ASCII, Latin-1, General Punctuation, Currency, Letterlike, Number Forms, Arrows,
#   Math Operators, Enclosed Alphanumerics (①②…), Box Drawing, Block Elements,
#   Geometric Shapes, Misc Symbols (★⚠), Dingbats (✓), CJK Symbols & Punctuation,
#   Halfwidth/Fullwidth Forms, and every character of GB2312 (all 6763 hanzi
#   plus GB2312's own symbols, kana, Greek and Cyrillic).
# The output is OpenType/CFF (.otf), all layout features kept, hinting dropped.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out_dir="${1:-$here/../assets/fonts}"
src_dir="${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}"
face=2   # 0 JP, 1 KR, 2 SC, 3 TC, 4 HK in NotoSansCJK-*.ttc

command -v pyftsubset >/dev/null || { echo "pyftsubset not found: pip install fonttools" >&2; exit 1; }
[ -f "$src_dir/NotoSansCJK-Regular.ttc" ] || { echo "missing $src_dir/NotoSansCJK-Regular.ttc: apt-get install fonts-noto-cjk" >&2; exit 1; }
mkdir -p "$out_dir"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Every character of GB2312: decode each 2-byte code 0xA1A1..0xF7FE, skipping holes.
python3 - "$tmp/gb2312.txt" <<'PY'
import sys
chars = []
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.append(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
open(sys.argv[1], "w", encoding="utf-8").write("".join(chars))
print(f"GB2312 characters: {len(chars)}", file=sys.stderr)
PY

unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2150-218F"
unicodes+=",U+2190-21FF,U+2200-22FF,U+2460-24FF,U+2500-257F,U+2580-259F,U+25A0-25FF"
unicodes+=",U+2600-26FF,U+2700-27BF,U+3000-303F,U+FF00-FFEF"

for weight in Regular Bold; do
    src="$src_dir/NotoSansCJK-$weight.ttc"
    [ -f "$src" ] || { echo "skip $weight: $src not found" >&2; continue; }
    dst="$out_dir/NotoSansSC-Subset-$weight.otf"
    pyftsubset "$src" \
        --font-number=$face \
        --unicodes="$unicodes" \
        --text-file="$tmp/gb2312.txt" \
        --layout-features='*' \
        --no-hinting \
        --name-IDs='*' --name-languages='*' \
        --output-file="$dst"
    python3 - "$dst" <<'PY'
import os, sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1])
print(f"{sys.argv[1]}: {os.path.getsize(sys.argv[1])} bytes, "
      f"{len(f.getGlyphOrder())} glyphs, {len(f.getBestCmap())} code points, "
      f"family '{f['name'].getDebugName(1)}' weight {f['OS/2'].usWeightClass}")
PY
done

# The validator checks case texts against this list (src/case/font.rs embeds it).
python3 - "$out_dir/NotoSansSC-Subset-Regular.otf" "$out_dir/coverage.txt" <<'PY'
import sys
from fontTools.ttLib import TTFont
cps = sorted(TTFont(sys.argv[1]).getBestCmap())
ranges = []
for c in cps:
    if ranges and c == ranges[-1][1] + 1:
        ranges[-1][1] = c
    else:
        ranges.append([c, c])
with open(sys.argv[2], "w") as o:
    o.write("# Code points covered by NotoSansSC-Subset-Regular.otf, as hex ranges (made by scripts/subset-font.sh).\n")
    for a, b in ranges:
        o.write(f"{a:x}-{b:x}\n" if a != b else f"{a:x}\n")
print(f"{sys.argv[2]}: {len(ranges)} ranges")
PY
