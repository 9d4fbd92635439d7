"""The site's own interface strings, one data file for both languages, English as the fallback."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

STRINGS_FILE = Path(__file__).parent / "data" / "ui-strings.yml"
FALLBACK_LANGUAGE = "en"


@cache
def load_strings(path: Path = STRINGS_FILE) -> dict[str, dict[str, str]]:
    """Read the strings file: {key: {language: text}}."""
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def strings_for(language: str, table: dict[str, dict[str, str]] | None = None) -> dict[str, str]:
    """All strings in one language, each falling back to English where it is not translated."""
    table = load_strings() if table is None else table
    return {key: texts.get(language) or texts[FALLBACK_LANGUAGE] for key, texts in table.items()}
