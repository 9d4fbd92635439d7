"""Every Chinese page that is current with English has its heading ids and sources. A page may be missing
from docs/zh/ or marked `translation: pending` (CONTRIBUTING.md): readers then see English, honestly."""

import re

import pytest
import yaml
from conftest import ROOT
from translations import CURRENT, page_status

DOCS = ROOT / "docs"
HEADING_ID = re.compile(r"^#{2,6} .*\{[^}]*#([a-z0-9-]+)[^}]*\}\s*$", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
PAGES = sorted(path.relative_to(DOCS / "en").as_posix() for path in (DOCS / "en").rglob("*.md"))


def front_matter_and_body(path):
    text = path.read_text(encoding="utf-8")
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), FENCE.sub("", body)


def test_every_chinese_page_has_an_english_original():
    chinese = sorted(path.relative_to(DOCS / "zh").as_posix() for path in (DOCS / "zh").rglob("*.md"))
    assert sorted(set(chinese) - set(PAGES)) == [], "a page in docs/zh/ needs its English page in docs/en/"


@pytest.mark.parametrize("page", PAGES)
def test_a_current_translation_shares_heading_ids_and_sources(page):
    english_text, chinese_path = (DOCS / "en" / page).read_text("utf-8"), DOCS / "zh" / page
    english_meta, english_body = front_matter_and_body(DOCS / "en" / page)
    assert english_meta.get("translation") != "pending", f"docs/en/{page}: only translations can be pending"
    if not chinese_path.exists() or page_status(page, english_text, chinese_path.read_text("utf-8")).state != CURRENT:
        return  # shown in English, or behind: the translation report lists it
    chinese_meta, chinese_body = front_matter_and_body(chinese_path)
    assert HEADING_ID.findall(chinese_body) == HEADING_ID.findall(english_body)
    assert [s["url"] for s in chinese_meta["sources"]] == [s["url"] for s in english_meta["sources"]]
    assert english_meta["reviewed"] and chinese_meta["reviewed"]


@pytest.mark.parametrize("page", PAGES)
def test_every_heading_has_an_explicit_id(page):
    for language in ("en", "zh"):
        if not (DOCS / language / page).exists():
            continue
        _, body = front_matter_and_body(DOCS / language / page)
        for heading in re.findall(r"^#{2,6} .*$", body, re.M):
            assert HEADING_ID.match(heading), f"docs/{language}/{page}: heading without {{ #id }}: {heading}"


@pytest.mark.parametrize("page", PAGES)
def test_chinese_paragraphs_have_no_line_breaks_between_han_characters(page):
    if not (DOCS / "zh" / page).exists():
        return
    _, body = front_matter_and_body(DOCS / "zh" / page)
    broken = re.findall(r"[\u4e00-\u9fff，。：；、]\n[\u4e00-\u9fff]", body)
    assert broken == [], f"docs/zh/{page}: a line break inside a Chinese paragraph shows as a space"
