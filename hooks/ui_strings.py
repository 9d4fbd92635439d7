"""The site's own interface strings, one data file for both languages, English as the fallback."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
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
    if language != written_language(language):
        return _converted_strings_of_file(language)
    return tuple(strings_for(language, load_strings()).items())


def converted_cache(language: str, path: Path = STRINGS_FILE) -> Path:
    """Where a generated edition's strings, converted, are kept between builds: named after what the
    conversion depends on (this file's code, the strings, the converter's code, phrase table and OpenCC)."""
    import opencc
    import zh_hant

    digest = hashlib.sha256(f"{language}\0{getattr(opencc, '__version__', '')}\0".encode())
    for source in (Path(__file__), path, Path(zh_hant.__file__), zh_hant.PHRASES_FILE):
        digest.update(source.read_bytes())
    return Path(tempfile.gettempdir()) / f"lc-ui-strings-{digest.hexdigest()[:16]}.json"


def _converted_strings_of_file(language: str) -> tuple[tuple[str, str], ...]:
    """strings_for a generated edition, converted once and then read back (OpenCC takes 0.07 s to start,
    and nothing else in a build whose Traditional pages are up to date needs it)."""
    cached = converted_cache(language)
    try:
        return tuple((key, text) for key, text in json.loads(cached.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass
    strings = tuple(strings_for(language, load_strings()).items())
    try:  # written aside and moved into place: a build running at the same time never reads half of it
        fd, scratch = tempfile.mkstemp(dir=cached.parent, prefix=cached.stem, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(strings, handle, ensure_ascii=False)
        os.replace(scratch, cached)
    except OSError:
        pass  # kept for this build only
    return strings
