"""Phone and FAX numbers that `phonenumbers` accepts, in the customer's prefecture.

Each prefecture gets the area code of its capital (札幌 011, 東京 03, 福井 0776…). Not every
exchange under an area code exists, and some belong to a neighbouring area (029-2xx is
水戸, 0299 is 潮来), so the usable exchanges are found once per process by asking
`phonenumbers` itself: valid, formatted with our area code, geocoded to the capital.
Numbers are then area-exchange-subscriber with a random subscriber, in the national
format the ledger stores (customer_fields.normalize_phone gives the same string back).
"""

from __future__ import annotations

import random
from functools import cache

import phonenumbers
from phonenumbers import geocoder

# fmt: off
# prefecture → (area code, what phonenumbers' geocoder calls the capital in Japanese)
CAPITAL_AREA_CODES: dict[str, tuple[str, str]] = {
    "北海道": ("011", "札幌"), "青森県": ("017", "青森"), "岩手県": ("019", "盛岡"),
    "宮城県": ("022", "仙台"), "秋田県": ("018", "秋田"), "山形県": ("023", "山形"),
    "福島県": ("024", "福島"), "茨城県": ("029", "水戸"), "栃木県": ("028", "宇都宮"),
    "群馬県": ("027", "前橋"), "埼玉県": ("048", "浦和"), "千葉県": ("043", "千葉"),
    "東京都": ("03", "東京"), "神奈川県": ("045", "横浜"), "新潟県": ("025", "新潟"),
    "富山県": ("076", "富山"), "石川県": ("076", "金沢"), "福井県": ("0776", "福井"),
    "山梨県": ("055", "甲府"), "長野県": ("026", "長野"), "岐阜県": ("058", "岐阜"),
    "静岡県": ("054", "静岡"), "愛知県": ("052", "名古屋"), "三重県": ("059", "津"),
    "滋賀県": ("077", "大津"), "京都府": ("075", "京都"), "大阪府": ("06", "大阪"),
    "兵庫県": ("078", "神戸"), "奈良県": ("0742", "奈良"), "和歌山県": ("073", "和歌山"),
    "鳥取県": ("0857", "鳥取"), "島根県": ("0852", "松江"), "岡山県": ("086", "岡山"),
    "広島県": ("082", "広島"), "山口県": ("083", "山口"), "徳島県": ("088", "徳島"),
    "香川県": ("087", "高松"), "愛媛県": ("089", "松山"), "高知県": ("088", "高知"),
    "福岡県": ("092", "福岡"), "佐賀県": ("0952", "佐賀"), "長崎県": ("095", "長崎"),
    "熊本県": ("096", "熊本"), "大分県": ("097", "大分"), "宮崎県": ("0985", "宮崎"),
    "鹿児島県": ("099", "鹿児島"), "沖縄県": ("098", "那覇"),
}
# fmt: on

_EXCHANGES_PER_AREA = 16
_MAX_TRIES = 4000
MOBILE_PREFIXES = ("090", "080", "070")


def _accepted(number: str, area: str, place: str | None) -> bool:
    parsed = phonenumbers.parse(number, "JP")
    if not phonenumbers.is_valid_number(parsed):
        return False
    formatted = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    if formatted != number:  # another area code would be read, e.g. 0299 inside 029
        return False
    return place is None or geocoder.description_for_number(parsed, "ja") == place


def _scan(area: str, place: str | None, *, length: int = 10) -> tuple[str, ...]:
    """Up to _EXCHANGES_PER_AREA exchanges of `area`, in a fixed (not seeded) order.

    `length`: digits of the national number with its leading 0 — 10 for a landline,
    11 for a mobile (090-1234-5678).
    """
    digits = length - len(area) - 4
    # No landline exchange starts with 0 or 1 (those are carrier and service prefixes).
    first = 2 if length == 10 else 1
    low, span = first * 10 ** (digits - 1), (10 - first) * 10 ** (digits - 1)
    stride = 7919  # a prime, coprime with every span: visits each exchange once, spread out
    found: list[str] = []
    for k in range(min(span, _MAX_TRIES)):
        exchange = str(low + (k * stride) % span)
        if _accepted(f"{area}-{exchange}-0123", area, place):
            found.append(exchange)
            if len(found) == _EXCHANGES_PER_AREA:
                break
    return tuple(found)


@cache
def exchanges(prefecture: str) -> tuple[str, tuple[str, ...]]:
    """(area code, exchanges) for a prefecture; Tokyo's for an unknown one."""
    area, place = CAPITAL_AREA_CODES.get(prefecture, CAPITAL_AREA_CODES["東京都"])
    # Geocoder data can lag behind numbering; then any valid exchange of the area will do.
    return area, _scan(area, place) or _scan(area, None)


@cache
def mobile_exchanges() -> tuple[tuple[str, str], ...]:
    return tuple((p, e) for p in MOBILE_PREFIXES for e in _scan(p, None, length=11))


def landline(rng: random.Random, prefecture: str) -> str:
    area, choices = exchanges(prefecture)
    return f"{area}-{rng.choice(choices)}-{rng.randint(0, 9999):04d}"


def fax_for(rng: random.Random, phone: str) -> str:
    """A FAX line: often the next number after the phone's, else another on the exchange."""
    area, exchange, subscriber = phone.split("-")
    if area in MOBILE_PREFIXES:
        raise ValueError("a FAX number needs a landline to follow")
    if rng.random() < 0.6:
        return f"{area}-{exchange}-{(int(subscriber) + 1) % 10000:04d}"
    return f"{area}-{exchange}-{rng.randint(0, 9999):04d}"


def mobile(rng: random.Random) -> str:
    prefix, exchange = rng.choice(mobile_exchanges())
    return f"{prefix}-{exchange}-{rng.randint(0, 9999):04d}"
