"""How a document addresses its recipient: 御中 for a company or department, 様 for a person.

Japanese business writing never puts both on one addressee (「株式会社A 御中 山田様」 is
wrong): when a person is named, the company and department are their affiliation and only
the person gets 様. An honorific the clerk already typed into the ledger is dropped first,
so 「山田様」 never becomes 「山田様 様」.
"""

from __future__ import annotations

import re

from kaunet_desk.i18n import _

_TYPED_HONORIFIC = re.compile(r"\s*(御中|様|殿|各位)\s*$")


def strip_honorific(name: str) -> str:
    """The name without a trailing honorific the clerk may have typed."""
    name = name.strip()
    while True:
        stripped = _TYPED_HONORIFIC.sub("", name)
        if stripped == name:
            return name
        name = stripped


def addressee_lines(company: str, department: str = "", person: str = "") -> list[str]:
    """The recipient block as printed: one honorific, on the last line only.

    - person named → affiliation line(s) without honorific, then 「山田 太郎 様」;
    - no person → 「株式会社A 営業部 御中」 (the department, or else the company, gets 御中).
    """
    company = strip_honorific(company)
    department = strip_honorific(department)
    person = strip_honorific(person)
    if person:
        affiliation = " ".join(part for part in (company, department) if part)
        lines = [affiliation] if affiliation else []
        return [*lines, _("{name} 様").format(name=person)]
    organisation = " ".join(part for part in (company, department) if part)
    if not organisation:
        return []
    return [_("{name} 御中").format(name=organisation)]


def addressee(company: str, department: str = "", person: str = "") -> str:
    """The recipient on one line (tables, window titles)."""
    return " ".join(addressee_lines(company, department, person))
