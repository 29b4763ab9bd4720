#!/usr/bin/env python3
"""Check a folder of game screenshots: the expected screens exist and none is blank.

Usage: check-screens.py DIR SLUG [SLUG ...]
A PNG is blank when its pixels hold (almost) one colour; decoded with the standard library.
"""
import struct
import sys
import zlib
from pathlib import Path


def pixels(path: Path) -> bytes:
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, bpp = 8, b"", 0, 0, 4
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            bpp = {2: 3, 6: 4}.get(ctype, 4) * depth // 8
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    out, prev = bytearray(), bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    return bytes(out[:: bpp * 7])  # a sample of pixels is enough


def main() -> int:
    folder, slugs = Path(sys.argv[1]), sys.argv[2:]
    shots = sorted(folder.glob("*.png"))
    failed = False
    for slug in slugs:
        if not any(s.stem.split("-", 1)[-1] == slug for s in shots):
            print(f"missing screenshot of screen `{slug}` in {folder}")
            failed = True
    for s in shots:
        sample = pixels(s)
        colours = len(set(sample[i : i + 3] for i in range(0, len(sample) - 3, 3)))
        if colours < 8:
            print(f"{s}: blank ({colours} colours)")
            failed = True
    print(f"{len(shots)} screenshot(s) checked in {folder}: {'FAILED' if failed else 'ok'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
