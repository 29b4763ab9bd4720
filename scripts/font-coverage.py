#!/usr/bin/env python3
"""List characters in text files that the subset font cannot draw.

Usage: scripts/font-coverage.py [--font PATH] FILE_OR_DIR...
Directories are walked for *.ron, *.toml, *.json, *.md, *.txt, *.csv, *.rs.
Needs PyPI fonttools. Exit status 1 if any character is missing, else 0.
Whitespace and control characters (tab, newline, ...) are not checked.
"""
import argparse, pathlib, sys, unicodedata
from fontTools.ttLib import TTFont

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXTS = {".ron", ".toml", ".json", ".md", ".txt", ".csv", ".rs"}

def files(args):
    for a in args:
        p = pathlib.Path(a)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in EXTS)
        else:
            yield p

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--font", default=ROOT / "assets/fonts/NotoSansSC-Subset-Regular.otf")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    cmap = TTFont(a.font).getBestCmap()
    missing = {}  # char -> list of "file:line"
    for f in files(a.paths):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            for ch in line:
                if ch.isspace() or unicodedata.category(ch) == "Cc" or ord(ch) in cmap:
                    continue
                missing.setdefault(ch, []).append(f"{f}:{n}")
    for ch, where in sorted(missing.items()):
        name = unicodedata.name(ch, "?")
        more = f" (+{len(where) - 3} more)" if len(where) > 3 else ""
        print(f"U+{ord(ch):04X} {ch} {name}: {', '.join(where[:3])}{more}")
    print(f"{len(missing)} missing character(s)", file=sys.stderr)
    return 1 if missing else 0

if __name__ == "__main__":
    sys.exit(main())
