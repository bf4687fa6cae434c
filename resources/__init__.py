"""Package data: procedure definitions, schema, consent text, styles, translations, icons."""

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Absolute path of a shipped resource file or folder (the package is installed as files,
    never zipped: Qt opens its fonts, icons and translations by path)."""
    return _HERE.joinpath(*parts)
