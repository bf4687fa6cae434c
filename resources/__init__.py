"""Package data: procedure definitions, schema, consent text, styles, translations, icons."""

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Absolute path of a shipped resource file or folder."""
    return Path(str(files(__name__).joinpath(*parts)))
