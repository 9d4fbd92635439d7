"""Search: English words inside a Chinese query ("lawyer 贵不贵") stand for the Chinese words our pages use.

The words are data (hooks/data/search-english-words.txt). For each Chinese edition, hooks/search_bundle.py
writes `lc-english.json` beside its bundle: {english word or phrase: "Chinese words"}, with only the Chinese
words that edition's index has, so that the file stays small. lc-search.js fetches it only for a query with Latin
letters on a Chinese edition, and searches the Chinese words beside the English ones; the
English edition does not need it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

ENGLISH_WORDS_FILE = Path(__file__).parent / "data" / "search-english-words.txt"
ENGLISH_ASSET = "lc-english.json"
_ENGLISH = re.compile(r"[a-z0-9][a-z0-9' -]*[a-z0-9]|[a-z0-9]")


def parse_english_words(text: str, name: str = ENGLISH_WORDS_FILE.name) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Lines of `english<TAB>中文 中文`; # starts a comment. A badly written line is named with its number."""
    entries = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        english, _, chinese = (part.strip() for part in line.partition("\t"))
        if not english or not chinese.split() or "\t" in chinese:
            raise ValueError(f"{name}:{number}: write the English word, a tab, then the Chinese words")
        if english != english.lower() or not _ENGLISH.fullmatch(english):
            raise ValueError(f"{name}:{number}: write {english!r} in lower case, letters, digits, ' and - only")
        if english in seen:
            raise ValueError(f"{name}:{number}: {english!r} is already on line {seen[english]}; merge the two")
        seen[english] = number
        entries.append((english, tuple(chinese.split())))
    return tuple(entries)


@cache
def english_words(path: Path = ENGLISH_WORDS_FILE) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return parse_english_words(path.read_text(encoding="utf-8"), path.name)


def english_table(indexed_text: str, entries=None) -> dict[str, str]:
    """{english: "中文 中文"} with only the Chinese words this edition's (folded) text has; an entry none of
    whose words it has is left out."""
    table = {}
    for english, chinese in english_words() if entries is None else entries:
        kept = [word for word in chinese if word in indexed_text]
        if kept:
            table[english] = " ".join(kept)
    return table


def english_asset(table: dict[str, str]) -> str:
    return json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
