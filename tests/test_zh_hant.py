"""The 繁體中文 edition: the conversion (every trap, every phrase rule), its checks, and the generated pages."""

from __future__ import annotations

import re

import pytest
import zh_hant
from conftest import ROOT
from zh_hant_edition import generated_text, source_problems, write_edition

# The traps from the reviewer's notes, and how the edition must write them.
TRAPS = {
    "被发布": "被發布",
    "并联系": "並聯繫",
    "发卡公司": "發卡公司",
    "御准": "御准",
    "再回复": "再回覆",
    "说里群户为": "說裡群戶為",
    "“引号”和‘内引号’": "「引號」和『內引號』",
    "被告知被告": "被告知被告人",
    "司法管辖权和管辖权": "司法管轄權和司法管轄權",
}


@pytest.mark.parametrize(("simplified", "traditional"), TRAPS.items())
def test_the_traps_of_the_review_convert_as_hong_kong_readers_write_them(simplified, traditional):
    assert zh_hant.convert(simplified) == traditional


@pytest.mark.parametrize("phrase", zh_hant.phrases(), ids=lambda phrase: f"line-{phrase.line}")
def test_every_phrase_rule_has_a_reason_and_rewrites_what_it_names(phrase):
    assert phrase.reason.strip() and phrase.replacement
    plain = re.sub(r"\(\?<?[!=][^)]*\)", "", phrase.pattern.pattern)  # the pattern without its look-arounds
    assert phrase.pattern.sub(phrase.replacement, plain) == phrase.replacement


def test_code_urls_ids_case_names_and_english_stay_as_they_are():
    text = "见 [Grant v. Torstar](https://www.canlii.org/发布) { #who-can-sue } `发布` 和\n```\n发布\n```\n发布"
    converted = zh_hant.convert(text)
    assert "[Grant v. Torstar](https://www.canlii.org/发布)" in converted
    assert "{ #who-can-sue }" in converted and "`发布`" in converted and "```\n发布\n```" in converted
    assert converted.startswith("見") and converted.endswith("發布")


def test_the_checks_name_forbidden_forms_and_left_over_simplified_characters():
    assert zh_hant.check_converted("第一行\n被髮布了\n这") == [
        (2, "the Traditional text has '髮布': 发布 converted as 髮 (hair)"),
        (
            3,
            "the Traditional text still has the Simplified character '这'; add a rule to hooks/data/zh-hant-phrases.tsv",
        ),
    ]
    assert zh_hant.check_converted("御准，公里，干預") == []  # characters that are Traditional too


def test_a_traditional_character_in_a_simplified_page_is_reported_at_its_line():
    assert zh_hant.traditional_in_simplified("第一行\n这是誹谤\n`誹`") == [(2, "誹")]
    problems = source_problems("标题\n誹谤", zh_hant.convert("标题\n誹谤"), "docs/zh/x.md")
    assert [str(problem) for problem in problems] == [
        "docs/zh/x.md:2: the Traditional character '誹' is in a Simplified page; write its Simplified form "
        "(the 繁體中文 edition is converted from this page)"
    ]


def test_the_edition_is_written_from_the_simplified_pages_and_follows_their_changes(tmp_path):
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "a.md").write_text("---\ntitle: 诽谤\n---\n正文\n", encoding="utf-8")
    assert write_edition(tmp_path) == []
    written = (tmp_path / "zh-Hant" / "a.md").read_text(encoding="utf-8")
    assert written == generated_text("---\ntitle: 诽谤\n---\n正文\n", "a.md")
    assert written.startswith("---\n# Generated from docs/zh/a.md") and "title: 誹謗" in written
    mtime = (tmp_path / "zh-Hant" / "a.md").stat().st_mtime_ns
    write_edition(tmp_path)
    assert (tmp_path / "zh-Hant" / "a.md").stat().st_mtime_ns == mtime  # unchanged: not rewritten
    (tmp_path / "zh" / "a.md").unlink()
    write_edition(tmp_path)
    assert not (tmp_path / "zh-Hant" / "a.md").exists()


def test_the_real_simplified_pages_convert_without_a_problem():
    for page in sorted((ROOT / "docs" / "zh").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert source_problems(text, zh_hant.convert(text), f"docs/zh/{page.name}") == []


# --- the built edition -------------------------------------------------------------------------------------


def test_every_simplified_page_has_its_traditional_page(built_site):
    for page in sorted((ROOT / "docs" / "zh").rglob("*.md")):
        slug = "" if page.stem == "index" else f"{page.stem}/"
        html = (built_site / "zh-Hant" / slug / "index.html").read_text(encoding="utf-8")
        assert '<html lang="zh-Hant"' in html
        assert "本頁由簡體中文頁面自動轉換而來，法律用語採用香港的習慣說法。" in html
        assert "template=translation.yml" in html


def test_the_selector_lists_three_editions_and_the_sitemap_announces_them(built_site, site_url):
    html = (built_site / "zh-Hant" / "defamation" / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'hreflang="([^"]+)" class="md-select__link" lang="[^"]+">\s*([^<]+?)\s*<', html)
    assert names == [("en", "English"), ("zh", "简体中文"), ("zh-Hant", "繁體中文")]
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<loc>{re.escape(site_url)}zh-Hant/defamation/</loc>.*?</url>", sitemap, re.S)[0]
    for language, prefix in (("en", ""), ("zh", "zh/"), ("zh-Hant", "zh-Hant/"), ("x-default", "")):
        assert f'hreflang="{language}" href="{site_url}{prefix}defamation/"' in entry


def test_the_edition_has_its_own_404_search_bundle_and_strings(built_site):
    not_found = (built_site / "zh-Hant" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant"' in not_found and "快速離開本網站" in not_found
    assert (built_site / "zh-Hant" / "pagefind" / "pagefind.js").exists()
    home = (built_site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert "最後審閱" in home and "最后审阅" not in home
