#!/usr/bin/env python3
"""Draws icon.png (128x128, the package icon): a white key on a rounded purple square. Standard library only."""
import struct
import zlib

SIZE, SAMPLES = 128, 4
PURPLE, WHITE = (91, 44, 131), (255, 255, 255)


def inside_rounded_square(x, y, margin=4, radius=24):
    lo, hi = margin, SIZE - margin
    cx = min(max(x, lo + radius), hi - radius)
    cy = min(max(y, lo + radius), hi - radius)
    return lo <= x <= hi and lo <= y <= hi and (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def inside_key(x, y):
    ring = 100 <= (x - 42) ** 2 + (y - 64) ** 2 <= 24 ** 2
    shaft = 62 <= x <= 108 and 58 <= y <= 70
    teeth = (92 <= x <= 100 or 78 <= x <= 86) and 70 <= y <= 82
    return ring or shaft or teeth


def pixel(px, py):
    square = key = 0
    for sx in range(SAMPLES):
        for sy in range(SAMPLES):
            x, y = px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES
            if inside_rounded_square(x, y):
                square += 1
                key += inside_key(x, y)
    n = SAMPLES * SAMPLES
    alpha = round(255 * square / n)
    mix = key / square if square else 0
    rgb = tuple(round(p * (1 - mix) + w * mix) for p, w in zip(PURPLE, WHITE))
    return bytes(rgb + (alpha,))


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


rows = b"".join(b"\0" + b"".join(pixel(x, y) for x in range(SIZE)) for y in range(SIZE))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
with open(__file__.rsplit("/", 1)[0] + "/icon.png", "wb") as f:
    f.write(png)
