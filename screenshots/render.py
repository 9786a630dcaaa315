#!/usr/bin/env python3
"""Renders a tmux `capture-pane -p -e` dump (text with SGR escapes) to a PNG, cell by cell.

usage: render.py CAPTURE.ansi OUT.png COLUMNS ROWS
"""
import sys

import pyte
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 16
PALETTE = {
    "black": (30, 30, 30), "red": (224, 82, 82), "green": (96, 200, 110), "brown": (229, 192, 90),
    "yellow": (229, 192, 90), "blue": (90, 140, 230), "magenta": (200, 120, 220), "cyan": (80, 200, 210),
    "white": (220, 220, 220), "default": None,
}
FG, BG = (225, 225, 225), (22, 24, 28)


def color(name, fallback):
    if name in PALETTE and PALETTE[name] is not None:
        return PALETTE[name]
    if isinstance(name, str) and len(name) == 6:
        try:
            return tuple(int(name[i:i + 2], 16) for i in (0, 2, 4))
        except ValueError:
            pass
    return fallback


def main():
    capture, out, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    screen = pyte.Screen(cols, rows)
    stream = pyte.Stream(screen)
    text = open(capture, encoding="utf-8").read().rstrip("\n")
    stream.feed(text.replace("\n", "\r\n"))
    regular, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(BOLD, SIZE)
    cell_w = int(regular.getlength("M"))
    ascent, descent = regular.getmetrics()
    cell_h = ascent + descent + 2
    pad = 12
    image = Image.new("RGB", (cols * cell_w + 2 * pad, rows * cell_h + 2 * pad), BG)
    draw = ImageDraw.Draw(image)
    for y in range(rows):
        line = screen.buffer[y]
        for x in range(cols):
            ch = line[x]
            fg, bg = color(ch.fg, FG), color(ch.bg, BG)
            if ch.reverse:
                fg, bg = bg, fg
            px, py = pad + x * cell_w, pad + y * cell_h
            if bg != BG:
                draw.rectangle([px, py, px + cell_w - 1, py + cell_h - 1], fill=bg)
            if ch.data.strip():
                draw.text((px, py + 1), ch.data, font=bold if ch.bold else regular, fill=fg)
            if ch.underscore:
                draw.line([px, py + cell_h - 2, px + cell_w - 1, py + cell_h - 2], fill=fg)
    image.save(out)


if __name__ == "__main__":
    main()
