"""Message catalogs: extract, update, compile and check — ``python -m kaunet_desk.catalogs``.

Sources are Japanese; ``i18n/`` holds the template and the ``ja`` and ``en`` catalogs (po).
Compiled ``.mo`` files are build products written to ``kaunet_desk/locale/`` (not in git):
the bootstrap and the installer build compile them.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "i18n"
PACKAGE = Path(__file__).resolve().parent
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "kaunet_desk"
LANGUAGES = ("ja", "en")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def po_path(language: str, sources: Path = SOURCES) -> Path:
    return sources / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    catalog = Catalog(project="Kaunet Desk", domain=DOMAIN, charset="utf-8")
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, method_map=method_map, keywords=KEYWORDS
    ):
        catalog.add(message, None, [(f"kaunet_desk/{filename}", lineno)],
                    auto_comments=comments, context=context)
    return catalog


def _read(path: Path, locale: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def update() -> None:
    """Write the template and merge it into every catalog (ja: msgstr = msgid)."""
    template = extract()
    SOURCES.mkdir(parents=True, exist_ok=True)
    with (SOURCES / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True, width=100)
    for language in LANGUAGES:
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = _read(path, language) if path.exists() else Catalog(locale=language,
                                                                      domain=DOMAIN)
        # update() shares Message objects with the template: give each catalog its own.
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
        if language == "ja":  # the sources are Japanese
            for message in catalog:
                # A message turned plural comes back fuzzy from update(): still msgstr = msgid.
                if message.id and (not message.string or message.fuzzy):
                    message.string = ((message.id[0],) if isinstance(message.id, tuple)
                                      else message.id)
                    message.flags.discard("fuzzy")
        with path.open("wb") as handle:
            write_po(handle, catalog, sort_output=True, width=100, ignore_obsolete=True)


def load(language: str, sources: Path = SOURCES) -> Catalog | None:
    path = po_path(language, sources)
    return _read(path, language) if path.exists() else None


def compile_all(out: Path = LOCALE_DIR) -> list[Path]:
    written = []
    for language in LANGUAGES:
        catalog = load(language)
        if catalog is None:
            continue
        target = out / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_mo(handle, catalog)
        written.append(target)
    return written


@dataclass(frozen=True)
class Problem:
    language: str
    message: str
    reason: str


def _ids(message_id: str | tuple[str, ...]) -> tuple[str, ...]:
    return message_id if isinstance(message_id, tuple) else (message_id,)


def check(language: str, catalog: Catalog, template: Catalog) -> list[Problem]:
    """Untranslated, fuzzy, missing, or placeholders that differ from the source."""
    problems: list[Problem] = []
    for source in template:
        if not source.id:
            continue
        message = catalog.get(source.id, context=source.context)
        first = _ids(source.id)[0]
        if message is None:
            problems.append(Problem(language, first, "missing"))
            continue
        if message.fuzzy:
            problems.append(Problem(language, first, "fuzzy"))
        strings = _ids(message.string) if message.string else ()
        if not strings or not all(strings):
            problems.append(Problem(language, first, "untranslated"))
            continue
        wanted = sorted(_PLACEHOLDER.findall(_ids(source.id)[-1]))
        for text in strings:
            if sorted(_PLACEHOLDER.findall(text)) != wanted:
                problems.append(Problem(language, first, f"placeholders differ: {text!r}"))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kaunet_desk.catalogs")
    parser.add_argument("action", choices=("update", "compile", "check"))
    args = parser.parse_args(argv)
    if args.action == "update":
        update()
    elif args.action == "compile":
        for path in compile_all():
            print(path)
    else:
        template = extract()
        problems = [p for lang in LANGUAGES
                    for p in check(lang, load(lang) or Catalog(locale=lang), template)]
        for problem in problems:
            print(f"{problem.language}: {problem.reason}: {problem.message}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
