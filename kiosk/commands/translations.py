"""``kiosk translations coverage|missing``: what a citizen would still read in French.

``missing --add`` appends each missing core text, with an empty translation, to
the file where its translation belongs: a translator fills the blanks (an empty
translation counts as missing). The screens' strings are filled in
``resources/translations/kiosk_<lang>.ts`` (Qt Linguist, or by hand) after
``scripts/update_translations.sh``.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from typing import Any

import yaml

from kiosk.i18n_texts import TRANSLATED_LANGUAGES
from kiosk.translation_coverage import Missing, core_coverage, screen_coverage
from resources import resource_path


def register(subparsers: Any, context: Any) -> None:
    parser = subparsers.add_parser("translations", help="textes pas encore traduits (en, ar)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    coverage = actions.add_parser("coverage", help="part traduite, par langue")
    coverage.set_defaults(handler=_coverage)
    missing = actions.add_parser("missing", help="les textes sans traduction et leur fichier")
    missing.add_argument("--lang", choices=TRANSLATED_LANGUAGES, action="append",
                         help="une langue (par défaut : toutes)")
    missing.add_argument("--add", action="store_true",
                         help="ajouter les textes manquants, traduction vide, dans leur fichier")
    missing.set_defaults(handler=_missing)


def _coverage(args: argparse.Namespace, context: Any) -> int:
    complete = True
    for language in TRANSLATED_LANGUAGES:
        for part, found in (("textes", core_coverage(language)), ("écrans", screen_coverage(language))):
            print(f"{language} {part}: {found.percent:.1f} % "
                  f"({found.total - len(found.missing)}/{found.total})")
            complete &= not found.missing
    return 0 if complete else 1


def _missing(args: argparse.Namespace, context: Any) -> int:
    count = 0
    for language in args.lang or TRANSLATED_LANGUAGES:
        missing = [*core_coverage(language).missing, *screen_coverage(language).missing]
        by_file: dict[str, list[Missing]] = defaultdict(list)
        for item in missing:
            by_file[item.file].append(item)
        for file, items in sorted(by_file.items()):
            print(f"# resources/{file} ({len(items)})")
            for item in items:
                print(f"{item.source}\t{item.text}")
            if args.add and file.endswith(".yaml"):
                _append_blanks(file, [item.text for item in items])
        count += len(missing)
    return 1 if count else 0


def _append_blanks(file: str, texts: list[str]) -> None:
    path = resource_path(file)
    path.parent.mkdir(parents=True, exist_ok=True)
    blanks = yaml.safe_dump({text: "" for text in dict.fromkeys(texts)}, allow_unicode=True,
                            sort_keys=False, width=1000)
    with path.open("a", encoding="utf-8") as out:
        out.write(blanks)
