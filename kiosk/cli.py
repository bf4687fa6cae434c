"""The ``kiosk`` command: starts the screens, or runs one IT/test task.

``kiosk`` alone starts the kiosk; ``kiosk --demo`` starts it on a throw-away
data folder with a reference central service on loopback. Every other task
(queue, sync, receipts, central service, procedures) is a sub-command defined
in ``kiosk/commands/<name>.py`` by a ``register(subparsers, context)`` function.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from functools import cached_property

from kiosk import __version__
from kiosk.config import ConfigError, KioskConfig, load_config

COMMAND_MODULES = (
    "queue", "sync", "status", "central", "receipt", "demo", "procedures", "report",
    "mediators", "audit", "translations",
)


class CliContext:
    """What every sub-command shares: the configuration, read once and only when needed."""

    @cached_property
    def config(self) -> KioskConfig:
        return load_config()


def build_parser(context: CliContext) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk", description="Borne d'accompagnement des points numériques."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="démonstration : données jetables, service central local, comptes de démo")
    parser.add_argument("--kiosk", action="store_true", help="plein écran (mode borne)")
    parser.add_argument("--verbose", "-v", action="store_true", help="journal détaillé")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMANDE")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"kiosk.commands.{name}")
        module.register(subparsers, context)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    context = CliContext()
    parser = build_parser(context)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command is None:
            from kiosk import launcher  # Qt is only imported when screens are wanted

            return launcher.run(demo=args.demo, fullscreen=args.kiosk)
        handler = args.handler
        return int(handler(args, context))
    except ConfigError as exc:
        print(f"Configuration refusée — {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
