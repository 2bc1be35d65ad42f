"""Who sends the documents, and how dates are written on them.

One frozen dataclass with defaults; the app fills it from its settings, the command line
from ``--settings FILE.toml`` (keys = field names). The defaults are placeholders a branch
replaces with its own name and numbers.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from kaunet_desk.formatting import DateStyle
from kaunet_desk.reports.registration_number import normalize_registration_number


@dataclass(frozen=True)
class ReportSettings:
    # The sender of FAXes: the dealer's branch.
    dealer_name: str = "まとめてオフィス販売株式会社"
    branch_name: str = "本店"
    postal_code: str = "100-0000"
    address: str = "東京都千代田区（住所を設定してください）"
    phone: str = "03-0000-0000"
    fax: str = "03-0000-0001"
    clerk_name: str = ""
    # The issuer of the KDDI invoice the preview imitates (適格請求書: name + 登録番号).
    # KDDI株式会社's 法人番号 9011101031552 (its check digit is valid) — confirm on the
    # 国税庁 インボイス公表サイト before relying on it; an empty value prints 「未設定」.
    issuer_name: str = "KDDI株式会社"
    issuer_registration_number: str = "T9011101031552"
    # 西暦 or 和暦 on every date of every report.
    date_style: DateStyle = DateStyle.GREGORIAN
    # Days the customer gets to return the dealer-change FAX when no request gives a deadline.
    fax_return_days: int = 14
    # The overdue-FAX list also shows forms due within this many days.
    fax_due_soon_days: int = 7

    def __post_init__(self) -> None:
        if self.issuer_registration_number:
            object.__setattr__(
                self,
                "issuer_registration_number",
                normalize_registration_number(self.issuer_registration_number),
            )
        object.__setattr__(self, "date_style", DateStyle(self.date_style))
        for name in ("fax_return_days", "fax_due_soon_days"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a whole number of days ≥ 0, got {value!r}")

    @property
    def sender_name(self) -> str:
        return " ".join(part for part in (self.dealer_name, self.branch_name) if part)

    def with_values(self, **values: object) -> ReportSettings:
        return replace(self, **values)  # type: ignore[arg-type]


def load_report_settings(path: Path) -> ReportSettings:
    """Settings from a TOML file whose keys are the field names; unknown keys are refused."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    known = {f.name for f in fields(ReportSettings)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"{path}: unknown settings {', '.join(unknown)}")
    return ReportSettings(**data)
