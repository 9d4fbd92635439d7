"""Every page exists in both languages with the same heading ids and the same sources."""

import re

import pytest
import yaml
from conftest import ROOT

DOCS = ROOT / "docs"
HEADING_ID = re.compile(r"^#{2,6} .*\{[^}]*#([a-z0-9-]+)[^}]*\}\s*$", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
PAGES = sorted(path.relative_to(DOCS / "en").as_posix() for path in (DOCS / "en").rglob("*.md"))


def front_matter_and_body(path):
    text = path.read_text(encoding="utf-8")
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), FENCE.sub("", body)


def test_both_languages_have_the_same_pages():
    chinese = sorted(path.relative_to(DOCS / "zh").as_posix() for path in (DOCS / "zh").rglob("*.md"))
    assert chinese == PAGES


@pytest.mark.parametrize("page", PAGES)
def test_pair_shares_heading_ids_and_sources_and_is_translated(page):
    english_meta, english_body = front_matter_and_body(DOCS / "en" / page)
    chinese_meta, chinese_body = front_matter_and_body(DOCS / "zh" / page)
    assert HEADING_ID.findall(chinese_body) == HEADING_ID.findall(english_body)
    assert [s["url"] for s in chinese_meta["sources"]] == [s["url"] for s in english_meta["sources"]]
    assert chinese_meta.get("translation") != "pending" and english_meta.get("translation") != "pending"
    assert english_meta["reviewed"] and chinese_meta["reviewed"]


@pytest.mark.parametrize("page", PAGES)
def test_every_heading_has_an_explicit_id(page):
    for language in ("en", "zh"):
        _, body = front_matter_and_body(DOCS / language / page)
        for heading in re.findall(r"^#{2,6} .*$", body, re.M):
            assert HEADING_ID.match(heading), f"docs/{language}/{page}: heading without {{ #id }}: {heading}"


@pytest.mark.parametrize("page", PAGES)
def test_chinese_paragraphs_have_no_line_breaks_between_han_characters(page):
    _, body = front_matter_and_body(DOCS / "zh" / page)
    broken = re.findall(r"[\u4e00-\u9fff，。：；、]\n[\u4e00-\u9fff]", body)
    assert broken == [], f"docs/zh/{page}: a line break inside a Chinese paragraph shows as a space"
