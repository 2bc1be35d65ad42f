"""Draw installer/kaunet-desk.ico: a ledger page with a 「K」 on a blue rounded square.

Run once when the design changes (``python installer/make_icon.py``) and commit the .ico;
the build only reads it. Drawn at 1024 px and scaled down per size so that 16 px stays
crisp. Pillow writes every size into one .ico (the 256 px one PNG-compressed, as Windows
Vista and later expect).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
ICON = HERE / "kaunet-desk.ico"
FONT = HERE.parent / "resources" / "fonts" / "ipaexg.ttf"
SIZES = (16, 24, 32, 48, 64, 128, 256)
CANVAS = 1024
BLUE = (31, 78, 140, 255)
PAPER = (255, 255, 255, 255)
RULE = (160, 182, 214, 255)


def draw(size: int = CANVAS) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = size / 16
    pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=3 * unit, fill=BLUE)
    # The ledger page, slightly off centre like a sheet on a desk.
    page = (3.5 * unit, 2.5 * unit, 12.5 * unit, 13.5 * unit)
    pen.rounded_rectangle(page, radius=0.8 * unit, fill=PAPER)
    for row in range(4):
        y = 9.0 * unit + row * 1.1 * unit
        pen.line((4.7 * unit, y, 11.3 * unit, y), fill=RULE, width=max(1, round(0.35 * unit)))
    font = ImageFont.truetype(str(FONT), round(6.5 * unit))
    pen.text((8 * unit, 5.6 * unit), "K", font=font, fill=BLUE, anchor="mm",
             stroke_width=round(0.25 * unit), stroke_fill=BLUE)
    return image


def main() -> int:
    master = draw()
    frames = [master.resize((s, s), Image.Resampling.LANCZOS) for s in SIZES]
    frames[-1].save(ICON, format="ICO", sizes=[(s, s) for s in SIZES],
                    append_images=frames[:-1])
    with Image.open(ICON) as check:
        written = sorted(check.info["sizes"])
    print(f"{ICON}: {', '.join(f'{w}x{h}' for w, h in written)}")
    return 0 if written == [(s, s) for s in SIZES] else 1


if __name__ == "__main__":
    sys.exit(main())
