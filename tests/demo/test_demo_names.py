"""The name parts: every reading is katakana, every generated name reads as its parts."""

from __future__ import annotations

import random
import re

import pytest

from kaunet_desk.demo import names
from kaunet_desk.domain import CustomerKind, to_katakana

KATAKANA = re.compile(r"^[ァ-ヶー]+$")
PART_LISTS = {
    "SURNAMES": names.SURNAMES,
    "MALE_GIVEN": names.MALE_GIVEN,
    "FEMALE_GIVEN": names.FEMALE_GIVEN,
    "COMPANY_CORES": names.COMPANY_CORES,
    "COMPANY_TRADES": names.COMPANY_TRADES,
    "SHOP_HOUSE_NAMES": names.SHOP_HOUSE_NAMES,
    "SHOP_TRADES": names.SHOP_TRADES,
}


@pytest.mark.parametrize("list_name", PART_LISTS)
def test_every_reading_is_katakana(list_name: str) -> None:
    parts = PART_LISTS[list_name]
    assert len({text for text, _ in parts}) == len(parts), "duplicate spelling"
    for text, kana in parts:
        assert KATAKANA.match(kana), (text, kana)
        # Parts spelled in kana read as themselves.
        if re.fullmatch(r"[ぁ-んァ-ヶー]+", text):
            assert to_katakana(text) == kana


def test_romaji_is_ascii_for_every_reading() -> None:
    for parts in PART_LISTS.values():
        for _, kana in parts:
            assert re.fullmatch(r"[a-z]+", names.romaji(kana)), kana


@pytest.mark.parametrize("kind", list(CustomerKind))
def test_names_read_as_their_parts(kind: CustomerKind) -> None:
    rng = random.Random(5)
    for _ in range(500):
        business = names.business_name(rng, kind)
        assert business.kind is kind
        assert KATAKANA.match(business.kana)
        has_form = any(
            business.name.startswith(f) or business.name.endswith(f) for f in names.LEGAL_FORMS
        )
        assert has_form == (kind is CustomerKind.CORPORATE)
        assert re.fullmatch(r"[a-z]+-[a-z]+", business.domain_stem)


def test_a_shop_named_after_its_owner_has_the_owner_as_contact() -> None:
    rng = random.Random(9)
    for _ in range(200):
        business = names.business_name(rng, CustomerKind.SOLE_PROPRIETOR)
        if business.owner_surname is None:
            continue
        person = names.person_name(rng, business.owner_surname)
        assert business.name.startswith(business.owner_surname[0])
        assert person.name.startswith(business.owner_surname[0] + " ")
