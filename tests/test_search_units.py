"""Pure functions behind search: Traditional folding, the compact table, word spelling, page text."""

import json
from pathlib import Path

import pytest
import search_bundle
from mkdocs.plugins import PluginCollection
from search_bundle import finish_bundle, start_bundle, write_bundle
from search_fold import (
    TABLE_FILE,
    compact_table,
    fold,
    fold_asset,
    opencc_table,
    parse_table,
    table_text,
    traditional_to_simplified,
)
from search_index import is_excluded, language_relative, skip_material_index
from search_pages import (
    READER_END,
    READER_START,
    SearchRecord,
    Section,
    index_entry,
    index_file,
    index_html,
    page_text,
    section_synonyms,
    spell_han,
)
from search_synonyms import extra_words
from search_zh import load_legal_terms, segment


def test_traditional_folds_to_simplified_and_simplified_text_is_left_alone():
    assert fold("誹謗 網絡 後來 頭髮") == "诽谤 网络 后来 头发"
    assert fold("什么是诽谤？Norwich order") == "什么是诽谤？Norwich order"  # 么 is not turned into 幺


def test_the_kept_fold_table_still_matches_opencc():
    # If this fails after an OpenCC update, remake the file: python hooks/search_fold.py
    assert traditional_to_simplified() == opencc_table()
    assert TABLE_FILE.read_text(encoding="utf-8") == table_text(opencc_table())


def test_fold_table_file_round_trips_and_a_damaged_one_is_refused():
    table = {"誹": "诽", "謗": "谤"}
    assert parse_table(table_text(table)) == table
    with pytest.raises(ValueError, match="odd number of characters"):
        parse_table("# header\n誹诽謗\n")


def test_compact_table_keeps_only_characters_the_index_can_match():
    table = compact_table(traditional_to_simplified(), "诽谤")
    assert table == {"誹": "诽", "謗": "谤"}
    assert json.loads(fold_asset(table)) == "誹诽謗谤"


def test_segment_cuts_chinese_runs_with_our_terms_and_keeps_english_words():
    load_legal_terms()
    assert segment("他申请诺威奇令（Norwich order）") == "他 申请 诺威奇令 （Norwich order）"
    assert segment("Van Breda 案") == "Van Breda 案"


def test_spell_han_writes_each_chinese_word_in_ascii():
    assert spell_han("诽谤 (defamation)") == "zq8bfd8c24 (defamation)"


def test_page_text_drops_scripts_and_permalinks_and_keeps_blocks_apart():
    html = '<h2 id="a">标题<a class="headerlink" href="#a">¶</a></h2><p>第一段</p><script>x()</script><p>two</p>'
    assert page_text(html) == "标题 第一段 two"


def test_index_html_escapes_text_and_ranks_the_title_as_a_heading():
    html = index_html(SearchRecord(url="a/", title="A & B", text="<b>x</b>"), "zh")
    assert '<html lang="und">' in html and "<h1" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and 'title:A &amp; B"' in html


def test_search_synonyms_sit_in_the_section_that_uses_their_group_and_are_never_shown():
    # Pagefind counts what follows a heading for that heading's section, to the next one: synonyms written after
    # the last section were that section's, so a synonym opened the page at its last section.
    load_legal_terms()
    record = SearchRecord(
        "online/", "网上", "引言", (Section("screenshots", "截图", "保存截图"), Section("next", "下一步", "阅读清单"))
    )
    intro, by_section = section_synonyms(record)
    assert intro == "" and "截屏" in by_section["screenshots"].split() and by_section["next"] == ""
    html = index_html(record, "zh", (intro, by_section))
    screenshots, rest = html.split('<h2 id="next">')
    assert spell_han("截屏") in screenshots and spell_han("截屏") not in rest
    marked = screenshots.split(READER_START, 1)[1]  # between the marks lc-search.js cuts out of excerpts
    assert spell_han("截屏") in marked.split(READER_END, 1)[0]
    assert '<p data-pagefind-weight="0.5">' in screenshots  # below the page's own text
    _, entry = index_entry('<h2 id="screenshots">截图</h2><p>保存截图</p>', "online/", "网上", 1.0, "zh")
    assert spell_han("截屏") in entry


def test_language_relative_urls_and_exclusion():
    assert language_relative("zh/scams/", "zh/") == "scams/"
    assert language_relative("zh/", "zh/") == "./"
    assert language_relative("scams/", "") == "scams/"
    assert is_excluded({"search": {"exclude": True}}) and not is_excluded({})


def test_index_file_gives_pagefind_the_url_back():
    assert index_file("./") == "index.html"
    assert index_file("scams/") == "scams/index.html"
    assert index_file("a/b/") == "a/b/index.html"
    assert index_file("page.html") == "page.html"


def test_write_bundle_indexes_each_page_under_its_url(tmp_path):
    records = [SearchRecord(url="./", title="Home", text="start here"), SearchRecord("scams/", "Scams", "blackmail")]
    write_bundle(records, "en", tmp_path / "pagefind")
    bundle = tmp_path / "pagefind"
    assert (bundle / "pagefind.js").exists() and (bundle / "lc-fold.json").exists()
    assert not (bundle / "pagefind-ui.js").exists()  # Pagefind's own interface is not shipped
    import gzip

    fragments = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in bundle.glob("fragment/*")]
    assert any('"url":"/scams/"' in text and "blackmail" in text for text in fragments)
    assert any('"url":"/"' in text for text in fragments)


def test_pages_cut_per_language_become_that_language_s_bundle_with_its_tables(tmp_path):
    page = "<h2 id='x'>诽谤</h2><p>网络上的诽谤</p>"
    search_bundle.forget_pages("zh")
    search_bundle.cut_pages("en", [("<p>defamation</p>", "./", "Home", 1.0, "en")])
    search_bundle.cut_pages("zh", [(page, "defamation/", "诽谤", 1.0, "zh")])
    assert search_bundle.start_language_bundle("zh", str(tmp_path / "zh")) == 1  # the English page is not in it
    assert search_bundle.start_language_bundle("en", str(tmp_path / "en")) == 1
    done = search_bundle.finish_language_bundles()
    assert [(language, pages) for language, pages, _ in done] == [("zh", 1), ("en", 1)]
    for name in ("pagefind.js", "lc-fold.json", "lc-phrases.json"):
        assert (tmp_path / "zh" / name).exists()
    assert search_bundle.CUT == {} and search_bundle.RUNS == []


def test_a_failed_build_stops_the_pagefind_runs_under_way(tmp_path):
    search_bundle.cut_pages("en", [("<p>defamation</p>", "./", "Home", 1.0, "en")])
    search_bundle.start_language_bundle("en", str(tmp_path / "en"))
    scratch = Path(search_bundle.RUNS[0].scratch.name)
    search_bundle.abandon_bundles()
    assert search_bundle.RUNS == [] and search_bundle.CUT == {} and not scratch.exists()


def test_a_failing_pagefind_run_is_an_error_naming_pagefind(tmp_path, monkeypatch):
    import pagefind_bin

    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'cannot write the bundle' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(pagefind_bin, "get_executable", lambda: broken)
    run = start_bundle([SearchRecord("a/", "A", "text")], "en", tmp_path / "bundle")
    with pytest.raises(RuntimeError, match="Pagefind exited with 3: cannot write the bundle"):
        finish_bundle(run)
    assert not Path(run.scratch.name).exists()  # the scratch pages are cleaned up all the same


def test_material_keeps_its_search_box_but_builds_no_index_of_its_own():
    class Search:
        def on_page_context(self, context, **kwargs): ...

        def on_post_build(self, **kwargs): ...

        def on_config(self, config): ...

    class Other:
        def on_post_build(self, **kwargs): ...

    plugins = PluginCollection()
    plugins["material/search"] = search = Search()
    plugins["other"] = other = Other()
    skip_material_index(plugins)
    assert plugins.events["page_context"] == [] and plugins.events["post_build"] == [other.on_post_build]
    assert plugins.events["config"] == [search.on_config]  # the box still gets its configuration
    skip_material_index(PluginCollection())  # no search plugin: nothing to do


def test_a_synonym_inside_a_longer_word_of_its_group_is_still_added():
    # The index holds 诉讼费用 as one word, so a page that writes it has no 讼费 for a search to find.
    groups = (("诉讼费用", "讼费"), ("截图", "截图片"))
    assert extra_words("败诉一方支付诉讼费用", groups).split() == ["讼费"]
    assert extra_words("诉讼费用，也叫讼费", groups) == ""
    assert extra_words("截图片", groups).split() == ["截图"]
