"""English pages stay at about a grade-8 reading level (Flesch-Kincaid, measured by scripts/readability.py)."""

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from readability import TARGET_GRADE, measure, prose  # noqa: E402

PAGES = sorted((ROOT / "docs" / "en").rglob("*.md"))


def test_prose_drops_markup_and_keeps_link_text():
    markdown = "---\ntitle: x\n---\n## Deadlines { #deadlines }\n\nSee [the Act](https://e.org/a), s. 5.\n<!-- id: a -->\n```\ncode\n```\n"
    assert prose(markdown).split() == ["Deadlines", "See", "the", "Act,", "s", "5."]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_every_english_page_reads_at_about_grade_eight(path):
    reading = measure(path)
    assert reading.grade <= TARGET_GRADE, f"{reading.page}: Flesch-Kincaid grade {reading.grade}; use shorter sentences"
