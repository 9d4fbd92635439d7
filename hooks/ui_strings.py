"""The site's own interface strings, one data file for both languages, English as the fallback."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from front_matter import SAFE_LOADER
from languages import written_language

STRINGS_FILE = Path(__file__).parent / "data" / "ui-strings.yml"
FALLBACK_LANGUAGE = "en"


@cache
def load_strings(path: Path = STRINGS_FILE) -> dict[str, dict[str, str]]:
    """Read the strings file: {key: {language: text}}."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=SAFE_LOADER)


def strings_for(language: str, table: dict[str, dict[str, str]] | None = None) -> dict[str, str]:
    """All strings in one language, each falling back to English where it is not translated.

    A generated edition (zh-Hant) takes its own string where the file has one, else the converted
    string of the language it is made from."""
    if table is None:
        return dict(_strings_of_file(language))  # every page asks: worked out once per language
    table = load_strings() if table is None else table
    source = written_language(language)
    if source != language:
        import zh_hant

        return {
            key: texts.get(language) or zh_hant.convert(texts.get(source) or texts[FALLBACK_LANGUAGE])
            for key, texts in table.items()
        }
    return {key: texts.get(language) or texts[FALLBACK_LANGUAGE] for key, texts in table.items()}


@cache
def _strings_of_file(language: str) -> tuple[tuple[str, str], ...]:
    return tuple(strings_for(language, load_strings()).items())
