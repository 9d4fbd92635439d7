"""Build tests: the real site, built strictly, inspected as HTML."""

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, run_build

PAGES = sorted(path.relative_to(ROOT / "docs" / "en") for path in (ROOT / "docs" / "en").rglob("*.md"))


def page_html(site: Path, language: str, source: Path) -> str:
    prefix = "" if language == "en" else f"{language}/"
    folder = "" if source.stem == "index" else f"{source.with_suffix('').as_posix()}/"
    return (site / f"{prefix}{folder}index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("source", PAGES, ids=str)
@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_page_is_built_in_both_languages_with_its_lang_and_alternates(built_site, site_url, language, source):
    html = page_html(built_site, language, source)
    assert f'<html lang="{language}"' in html
    # hreflang lives in the sitemap (hooks/i18n_head.py): a head link would make Material fetch a sitemap
    assert 'rel="alternate"' not in html.split("</head>")[0]
    slug = "" if source.stem == "index" else f"{source.stem}/"
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    prefix = "" if language == "en" else f"{language}/"
    entry = re.search(rf"<url>\s*<loc>{re.escape(site_url + prefix + slug)}</loc>.*?</url>", sitemap, re.S)
    assert entry, f"{prefix}{slug} is not in sitemap.xml"
    assert f'hreflang="en" href="{site_url}{slug}"' in entry[0]
    assert f'hreflang="zh" href="{site_url}zh/{slug}"' in entry[0]
    assert f'hreflang="x-default" href="{site_url}{slug}"' in entry[0]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_content_pages_show_review_date_notice_sources_and_description(built_site, language):
    html = page_html(built_site, language, Path("index.md"))
    notice = {"en": "General information, not legal advice.", "zh": "一般信息，并非法律意见。"}[language]
    reviewed = {"en": "Last reviewed", "zh": "最后审阅"}[language]
    assert notice in html
    assert re.search(rf'{reviewed}\s*<time datetime="\d{{4}}-\d\d-\d\d">', html)
    assert 'class="lc-sources"' in html and "https://lso.ca/public-resources/access-to-legal-services" in html
    description = re.search(r'<meta name="description" content="([^"]+)"', html).group(1)
    assert description and description != "stub"


def test_a_404_page_per_language(built_site):
    english = (built_site / "404.html").read_text(encoding="utf-8")
    chinese = (built_site / "zh" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
    assert '<html lang="zh"' in chinese


THIRD_PARTY = re.compile(
    r"""(?:src|href)\s*=\s*["'](?:https?:)?//(?!127\.0\.0\.1)[^"']+["']|@import\s+url\(\s*["']?https?://|"""
    r"""fonts\.googleapis|fonts\.gstatic|unpkg\.com|cdn\.jsdelivr|googletagmanager|google-analytics"""
)
# Outbound links a reader chooses to follow are fine; what matters is what a page loads by itself.
LOADING_TAGS = re.compile(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", re.I)


def test_no_built_file_would_fetch_from_another_host(built_site):
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            for tag in LOADING_TAGS.findall(text):
                if 'rel="alternate"' in tag or "rel=alternate" in tag or 'rel="canonical"' in tag:
                    continue
                if THIRD_PARTY.search(tag):
                    offenders.append(f"{path.relative_to(built_site)}: {tag}")
        elif path.suffix == ".css" and re.search(
            r"@import\s+url\(\s*[\"']?https?://|fonts\.googleapis", path.read_text(encoding="utf-8")
        ):
            offenders.append(str(path.relative_to(built_site)))
    assert offenders == []


def test_search_index_splits_chinese_into_words(built_site):
    # Each language has its own Pagefind bundle; Chinese words reach it cut by jieba, spelled in ASCII.
    import gzip

    from search_pages import spell_han

    fragments = sorted((built_site / "zh" / "pagefind" / "fragment").glob("*.pf_fragment"))
    text = "".join(gzip.decompress(path.read_bytes()).decode("utf-8", "replace") for path in fragments)
    assert f" {spell_han('截图')} " in text  # from the middle of "您自己的截图很快可能就是唯一的副本"
    assert f" {spell_han('诺威奇令')}" in text  # a legal term from our dictionary stays whole
    english = (built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert '"en"' in english and "und" not in english
    assert (built_site / "zh" / "pagefind" / "lc-fold.json").exists()


def test_the_fold_table_reaches_the_synonyms_and_the_regional_words(built_site):
    # The fold table ships only the characters a query can match: the pages', and also the search synonyms' (群组 is
    # indexed where a page says 群聊, though no page writes 组) and the regional words' keys (閂咗 is kept as 闩咗).
    pairs = json.loads((built_site / "zh-Hant" / "pagefind" / "lc-fold.json").read_text(encoding="utf-8"))
    table = dict(zip(pairs[::2], pairs[1::2], strict=True))
    assert table["組"] == "组" and table["閂"] == "闩" and table["誹"] == "诽"


def test_each_bundle_has_its_chinese_words_with_page_counts_and_its_stop_words(built_site):
    # lc-words-NN.json: every Chinese word of the edition's index, with how many of its pages have it, in
    # WORD_SHARDS files by first character (hooks/search_words.py); lc-search-cut.js cuts queries with them, and a
    # query fetches only its own characters' files.
    import gzip

    from search_words import WORD_SHARDS, read_shards, rounded, shard_name, shard_of

    for edition in ("zh", "zh-Hant"):
        bundle = built_site / edition / "pagefind"
        assert not (bundle / "lc-words.json").exists()  # the whole vocabulary in one file is no longer shipped
        texts = [(bundle / shard_name(n)).read_text(encoding="utf-8") for n in range(WORD_SHARDS)]
        pages, df = read_shards(texts)
        assert pages == len(list((bundle / "fragment").glob("*.pf_fragment")))  # one fragment per page indexed
        # A legal term whole, a topic word on some pages, a grammar word on all (counts rounded to a power of two).
        assert df["诺威奇令"] >= 1 and 1 <= df["截图"] < pages and df["的"] == rounded(pages)
        assert all(1 <= count <= pages for count in df.values())
        assert "诺威奇令" in texts[shard_of("诺威奇令")] and "诺威奇令" not in texts[(shard_of("诺威奇令") + 1) % 64]
        assert not any("誹" in text for text in texts)  # the index holds folded text: Simplified in both editions
        sizes = [len(gzip.compress(text.encode("utf-8"))) for text in texts]
        assert sum(sizes) < 24_000 and max(sizes) < 1_500, "lc-words-NN.json have grown: see contrib/search.md"
        stop = json.loads((bundle / "lc-stop.json").read_text(encoding="utf-8"))["stop"].split()
        assert {"吗", "怎么办", "what", "my"} <= set(stop) and "谁" not in stop
    english = built_site / "pagefind"
    english = read_shards((english / shard_name(n)).read_text(encoding="utf-8") for n in range(WORD_SHARDS))[1]
    assert "诽谤" in english  # the English pages name the Chinese terms too


def test_material_builds_no_whole_site_index_of_its_own(built_site):
    # lc-search.js never downloads it; static-i18n still writes an empty one, which no page asks for.
    merged = built_site / "search" / "search_index.json"
    assert not merged.exists() or json.loads(merged.read_text(encoding="utf-8"))["docs"] == []
    assert 'for="__search"' in (built_site / "index.html").read_text(encoding="utf-8")  # the box stays


def copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    return project


def test_a_problem_only_the_helpers_html_check_finds_still_fails_the_build_once_and_leaves_no_site(tmp_path):
    # hooks/content_safety.py hands each page's HTML to the helper process and collects what it found at
    # the end of the build: the one problem must still fail it, at its file and line, counted under its
    # edition, with nothing left to publish.
    project = copy_project(tmp_path)
    page = project / "docs" / "zh" / "help.md"
    page.write_text(
        page.read_text(encoding="utf-8").rstrip("\n") + '\n\n<iframe src="https://example.com/"></iframe>\n'
    )
    line = page.read_text(encoding="utf-8").count("\n")
    site = tmp_path / "site"
    result = run_build(site, "http://127.0.0.1:1/", config=project / "mkdocs.yml")
    assert result.returncode != 0 and not site.exists()
    message = f"docs/zh/help.md:{line}: <iframe> is not allowed in a page: it shows another site's page"
    assert result.stderr.count(message) == 1, result.stderr[-3000:]
    assert "1 problem in all editions (zh: 1)" in result.stderr


def test_properdocs_builds_the_same_site(tmp_path, site_url):
    pytest.importorskip("properdocs")
    result = run_build(tmp_path / "site", site_url, generator="properdocs")
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "site" / "zh" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html and "一般信息，并非法律意见。" in html


def test_a_draft_marked_pending_is_not_checked_against_english_and_readers_see_english(tmp_path):
    # A translator marks a page `translation: pending` while the draft is half done: its checklist and
    # flowchart may not match English yet. The strict build passes; the page shows the English version.
    project = copy_project(tmp_path)
    for name in ("what-to-do.md", "online.md"):
        page = project / "docs" / "zh" / name
        text = page.read_text(encoding="utf-8").replace("\nreviewed:", "\ntranslation: pending\nreviewed:", 1)
        text = text.replace("- [是，现在有人身处危险](#emergency)\n", "")  # an answer not translated yet
        text = re.sub(r"\n- \[ \] [^\n]*<!-- id: context -->", "", text)  # nor a checklist item
        page.write_text(text, encoding="utf-8")
    result = run_build(tmp_path / "site", "http://127.0.0.1:1/", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    flowchart = (tmp_path / "site" / "zh" / "what-to-do" / "index.html").read_text(encoding="utf-8")
    island = re.search(r'<script type="application/json" id="lc-fc-data">(.*?)</script>', flowchart, re.S)
    nodes = json.loads(island.group(1))["nodes"]
    assert any(answer["target"] == "emergency" for node in nodes.values() for answer in node["answers"])
    assert "Are you being threatened, asked for money, or is anyone in danger?" in flowchart  # English shows
    online = (tmp_path / "site" / "zh" / "online" / "index.html").read_text(encoding="utf-8")
    assert 'data-lc-item="context"' in online
