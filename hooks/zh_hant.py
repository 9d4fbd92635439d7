"""Simplified → Traditional Chinese for the 繁體中文 edition: OpenCC's characters, then our reviewed phrases.

The conversion has three steps:
1. OpenCC's `s2tw` configuration. It works at the character level and gives the usual Traditional
   forms (說 裡 群 戶 為). `s2twp` is never used: its vocabulary layer rewrites legal meaning, for
   example 发布 → 釋出.
2. The phrase table `hooks/data/zh-hant-phrases.tsv`. It fixes conversion traps and uses Hong Kong
   legal terms. Each entry gives its reason; a reviewer reads them.
3. Chinese quotation marks “” ‘’ become 「」 『』.

Only Han characters and Chinese quotation marks change, so code, URLs, ids, case names and English
stay as they are. Fenced and inline code are not converted at all. `check_converted` reports
forbidden forms and Simplified characters that are left over. `traditional_in_simplified` reports a
Traditional character that has slipped into a Simplified page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
PHRASES_FILE = DATA / "zh-hant-phrases.tsv"
CHECKS_FILE = DATA / "zh-hant-checks.tsv"
OPENCC_CONFIG = "s2tw"
QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
HAN = re.compile(r"[\u3400-\u9fff]")
# Kept exactly as written: fenced code, inline code, link targets and bare web addresses.
CODE = re.compile(r"(?ms)^(?P<fence>\s*(`{3,}|~{3,})).*?^(?P=fence)|`[^`\n]+`|\]\([^)\n]*\)|https?://[^\s)>\]]+")


@dataclass(frozen=True)
class Phrase:
    pattern: re.Pattern
    replacement: str
    reason: str
    line: int


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            rows.append((number, line.split("\t")))
    return rows


@cache
def phrases(path: Path = PHRASES_FILE) -> tuple[Phrase, ...]:
    """The reviewed phrase table, in file order (earlier rules run first)."""
    table = []
    for number, cells in _rows(path):
        if len(cells) != 3 or not all(cell.strip() for cell in cells):
            raise ValueError(f"{path.name}:{number}: write pattern<TAB>replacement<TAB>why")
        table.append(Phrase(re.compile(cells[0]), cells[1], cells[2], number))
    return tuple(table)


@cache
def checks(path: Path = CHECKS_FILE) -> tuple[dict[str, str], frozenset[str]]:
    """({forbidden form: why}, characters that look Simplified but are also standard Traditional)."""
    bad, also = {}, set()
    for number, cells in _rows(path):
        if cells[0] == "bad" and len(cells) == 3:
            bad[cells[1]] = cells[2]
        elif cells[0] == "also" and len(cells) >= 2:
            also.update(cells[1])
        else:
            raise ValueError(f"{path.name}:{number}: write bad<TAB>form<TAB>why, or also<TAB>characters")
    return bad, frozenset(also)


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def _convert_prose(text: str) -> str:
    converted = _converter(OPENCC_CONFIG).convert(text)
    for phrase in phrases():
        converted = phrase.pattern.sub(phrase.replacement, converted)
    return converted.translate(QUOTES)


def convert(text: str) -> str:
    """Simplified Chinese (Markdown) as the Traditional edition shows it; code is left as written."""
    if not HAN.search(text) and not any(mark in text for mark in "“”‘’"):
        return text
    parts, last = [], 0
    for match in CODE.finditer(text):
        parts.append(_convert_prose(text[last : match.start()]))
        parts.append(match.group(0))
        last = match.end()
    parts.append(_convert_prose(text[last:]))
    return "".join(parts)


@cache
def _is_simplified_only(char: str) -> bool:
    """A character that s2tw changes and that is not also a standard Traditional character."""
    return _converter(OPENCC_CONFIG).convert(char) != char and char not in checks()[1]


@cache
def _is_traditional_only(char: str) -> bool:
    """A character that t2s changes and that s2tw would never write back: Traditional, not Simplified."""
    return _converter("t2s").convert(char) != char


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_converted(converted: str) -> list[tuple[int, str]]:
    """(line, message) for every forbidden form and every Simplified character left in Traditional text."""
    found = []
    bad, _ = checks()
    for form, why in bad.items():
        for match in re.finditer(re.escape(form), converted):
            found.append((_line_of(converted, match.start()), f"the Traditional text has {form!r}: {why}"))
    without_code = CODE.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), converted)
    # Each distinct character is asked once; a page with none left over (nearly every page) is not walked.
    left_over = {char for char in set(without_code) if HAN.match(char) and _is_simplified_only(char)}
    for match in HAN.finditer(without_code) if left_over else ():
        if match.group(0) in left_over:
            message = (
                f"the Traditional text still has the Simplified character {match.group(0)!r}; "
                "add a rule to hooks/data/zh-hant-phrases.tsv"
            )
            found.append((_line_of(converted, match.start()), message))
    return sorted(set(found))


def traditional_in_simplified(text: str) -> list[tuple[int, str]]:
    """(line, character) for each Traditional character in a Simplified page, outside code."""
    without_code = CODE.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    traditional = {char for char in set(without_code) if HAN.match(char) and _is_traditional_only(char)}
    return [
        (_line_of(text, match.start()), match.group(0))
        for match in (HAN.finditer(without_code) if traditional else ())
        if match.group(0) in traditional
    ]
