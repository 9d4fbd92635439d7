"""Translation state: the hash a Chinese page records, the states, notices, the sync script, and a small
site built with an untranslated, a pending, a current and an outdated page."""

import datetime as dt
import importlib.util
import re
import textwrap

import pytest
import yaml
from conftest import ROOT, run_build
from translations import (
    CURRENT,
    OUTDATED,
    PENDING,
    collect_statuses,
    git_date,
    notice_html,
    page_key,
    page_status,
    source_hash,
    split_front_matter,
    status_table,
)
from ui_strings import strings_for

DOCS = ROOT / "docs"
PAGES = sorted(path.relative_to(DOCS / "en").as_posix() for path in (DOCS / "en").rglob("*.md"))

ENGLISH = """---
title: Defamation
description: What it is.
reviewed: 2026-11-25
sources:
  - title: A
    url: https://example.org/a
---

## What it is { #what }

Words that harm a reputation.
"""


def load_sync_script():
    spec = importlib.util.spec_from_file_location("translation_sync", ROOT / "scripts" / "translation_sync.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def chinese(translated_from=None, extra=""):
    line = f"translated_from: {translated_from}\n" if translated_from else ""
    return f"---\ntitle: 诽谤\ndescription: 是什么。\nreviewed: 2026-11-25\n{extra}{line}---\n\n正文。\n"


# --- the hash ------------------------------------------------------------------------------------------


def test_hash_is_short_and_ignores_whitespace_review_date_and_sources():
    digest = source_hash(ENGLISH)
    assert re.fullmatch(r"[0-9a-f]{12}", digest)
    reflowed = ENGLISH.replace("\n\nWords", "\n\n\n\nWords").replace("reputation.", "reputation.   ") + "\n\n"
    assert source_hash(reflowed.replace("\n", "\r\n")) == digest
    assert source_hash(ENGLISH.replace("2026-11-25", "2027-01-02").replace("example.org/a", "example.org/b")) == digest


def test_hash_changes_with_the_body_the_title_or_the_description():
    digest = source_hash(ENGLISH)
    assert source_hash(ENGLISH.replace("harm a", "harm the")) != digest
    assert source_hash(ENGLISH.replace("title: Defamation", "title: Libel")) != digest
    assert source_hash(ENGLISH.replace("What it is.", "What it means.")) != digest


def test_front_matter_split():
    meta, body = split_front_matter(ENGLISH)
    assert meta["title"] == "Defamation" and body.startswith("\n## What it is")
    assert split_front_matter("no front matter\n") == ({}, "no front matter\n")


# --- states ---------------------------------------------------------------------------------------------


def test_states_missing_pending_current_outdated_and_unrecorded():
    digest = source_hash(ENGLISH)
    assert page_status("a.md", ENGLISH, None).state == PENDING
    assert page_status("a.md", ENGLISH, chinese(digest, "translation: pending\n")).state == PENDING
    current = page_status("a.md", ENGLISH, chinese(digest))
    assert (current.state, current.target_title, current.source_title) == (CURRENT, "诽谤", "Defamation")
    outdated = page_status("a.md", ENGLISH, chinese("0123456789ab"), dt.date(2027, 3, 4))
    assert (outdated.state, outdated.translated_from, outdated.source_updated) == (
        OUTDATED,
        "0123456789ab",
        dt.date(2027, 3, 4),
    )
    assert page_status("a.md", ENGLISH, chinese()).state == OUTDATED  # nothing recorded: cannot be trusted


def test_outdated_date_falls_back_to_the_english_review_date_outside_git(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "zh").mkdir()
    (tmp_path / "en" / "a.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "zh" / "a.md").write_text(chinese("0123456789ab"), encoding="utf-8")
    assert git_date(tmp_path / "en" / "a.md") is None
    status = collect_statuses(tmp_path)["a.md"]
    assert (status.state, status.source_updated) == (OUTDATED, dt.date(2026, 11, 25))


def test_page_key_drops_the_language_folder():
    assert page_key("zh/defamation.md") == "defamation.md"
    assert page_key("en/sub/x.md") == "sub/x.md"
    assert page_key("defamation.md") == "defamation.md"


# --- what readers see -----------------------------------------------------------------------------------


def test_status_table_lists_every_state_with_titles_in_the_reader_language():
    statuses = [
        page_status("a.md", ENGLISH, chinese(source_hash(ENGLISH))),
        page_status("b.md", ENGLISH, chinese("0123456789ab"), dt.date(2027, 3, 4)),
        page_status("c.md", ENGLISH, None),
    ]
    table = status_table(statuses, "zh", strings_for("zh"))
    assert table.splitlines()[0] == "共3个页面：1个已翻译且与英文版一致，1个可能已过时，1个尚未翻译。"
    assert "| [诽谤](a.md) | 已翻译，与英文版一致 |" in table
    assert "| [诽谤](b.md) | 已翻译，但英文版已于2027年3月4日更新，译文可能已过时 |" in table
    assert "| [Defamation](c.md) | 尚未翻译（显示英文原文） |" in table
    english = status_table(statuses, "en", strings_for("en"))
    assert "| [Defamation](b.md) | Translated, but the English page changed on 4 March 2027: may be out of date |" in (
        english
    )


def test_notices_are_bilingual_and_link_to_english_and_the_status_page():
    outdated = page_status("b.md", ENGLISH, chinese("0123456789ab"), dt.date(2027, 3, 4))
    notice = notice_html(outdated, "../translation-status/", "../../b/")
    assert '<p lang="zh">英文版已于2027年3月4日更新，本译文可能已过时。</p>' in notice
    assert '<p lang="en">The English version was updated on 4 March 2027. This translation may be out of date.</p>' in (
        notice
    )
    assert '<a href="../../b/" hreflang="en" lang="en">Read the English version</a>' in notice
    assert '<a href="../translation-status/">各页翻译状态</a>' in notice
    pending = notice_html(page_status("c.md", ENGLISH, None), "../translation-status/")
    assert "尚未翻译" in pending and "Not yet translated" in pending and "admonition info" in pending
    assert notice_html(page_status("a.md", ENGLISH, chinese(source_hash(ENGLISH))), "x/") == ""


# --- the sync script ------------------------------------------------------------------------------------


def test_sync_writes_and_replaces_the_hash_and_check_reports_behind_pages(tmp_path, capsys):
    script = load_sync_script()
    for language, text in (("en", ENGLISH), ("zh", chinese())):
        (tmp_path / language).mkdir()
        (tmp_path / language / "a.md").write_text(text, encoding="utf-8")
    assert script.main(["--check"], docs=tmp_path) == 1
    assert capsys.readouterr().out == "docs/zh/a.md: outdated\n"
    assert script.main(["a.md"], docs=tmp_path) == 0
    text = (tmp_path / "zh" / "a.md").read_text(encoding="utf-8")
    assert f"\ntranslated_from: {source_hash(ENGLISH)}\n---\n\n正文。\n" in text
    assert script.main(["--check"], docs=tmp_path) == 0
    (tmp_path / "en" / "a.md").write_text(ENGLISH + "\nMore.\n", encoding="utf-8")
    assert script.main(["docs/zh/a.md"], docs=tmp_path) == 0
    text = (tmp_path / "zh" / "a.md").read_text(encoding="utf-8")
    assert text.count("translated_from:") == 1 and source_hash(ENGLISH + "\nMore.\n") in text


def test_sync_errors_name_the_file_and_the_fix(tmp_path, capsys):
    script = load_sync_script()
    (tmp_path / "en").mkdir()
    (tmp_path / "zh").mkdir()
    (tmp_path / "en" / "a.md").write_text(ENGLISH, encoding="utf-8")
    assert script.main(["a.md"], docs=tmp_path) == 2
    assert capsys.readouterr().err == "error: docs/zh/a.md does not exist; translate the page first\n"
    (tmp_path / "zh" / "a.md").write_text("no front matter\n", encoding="utf-8")
    assert script.main(["a.md"], docs=tmp_path) == 2
    assert capsys.readouterr().err == (
        "error: docs/zh/a.md: the page has no front matter; it must start with a line '---'\n"
    )


# --- the real content -----------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_every_chinese_page_records_a_well_formed_translated_from(page):
    # A translation that is behind English is allowed (the page says so, and the test run ends with a
    # translation report); only a malformed record is an error.
    target = DOCS / "zh" / page
    if not target.exists():
        return
    status = page_status(page, (DOCS / "en" / page).read_text("utf-8"), target.read_text("utf-8"))
    if status.state != "pending":
        assert status.translated_from and re.fullmatch(r"[0-9a-f]{12}", status.translated_from), (
            f"docs/zh/{page}: translated_from must be the 12-character hash that "
            f"`python scripts/translation_sync.py {page}` writes, got {status.translated_from!r}"
        )


def test_status_page_is_in_nav_next_to_about_and_has_the_marker():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - about.md\n  - translation-status.md\n" in config
    for language in ("en", "zh"):
        assert "\n<!-- translation-status -->\n" in (DOCS / language / "translation-status.md").read_text("utf-8")


def test_real_status_pages_list_every_page(built_site):
    for prefix in ("", "zh/"):
        html = (built_site / f"{prefix}translation-status" / "index.html").read_text(encoding="utf-8")
        rows = re.findall(r"<tr>\s*<td><a href=\"([^\"]*)\"", html)
        assert len(rows) == len(PAGES), rows


# --- a small site with every state ----------------------------------------------------------------------


def page(title, body, **extra):
    meta = {
        "title": title,
        "description": f"{title}.",
        "reviewed": dt.date(2026, 11, 20),
        "sources": [{"title": "S", "url": "https://example.org/s"}],
        **extra,
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("translations")
    docs = root / "docs"
    english = {
        "index.md": page("Home", "Welcome.\n"),
        "fresh.md": page("Fresh", "## Part { #part }\n\nCurrent text.\n"),
        "changed.md": page("Changed", "## Part { #part }\n\nNew English text.\n"),
        "missing.md": page("Missing", "## Part { #part }\n\nOnly in English.\n"),
        "drafted.md": page("Drafted", "## Part { #part }\n\nEnglish original of a draft.\n"),
        "translation-status.md": page("Status", "<!-- translation-status -->\n"),
    }
    chinese_pages = {
        "index.md": page("首页", "欢迎。\n", translated_from=source_hash(english["index.md"])),
        "fresh.md": page("最新", "## 部分 { #part }\n\n当前译文。\n", translated_from=source_hash(english["fresh.md"])),
        "changed.md": page("已改", "## 部分 { #part }\n\n旧译文。\n", translated_from="0123456789ab"),
        "drafted.md": "---\ntitle: 草稿\ntranslation: pending\n---\n\n未完成的草稿。\n",
        "translation-status.md": page(
            "状态", "<!-- translation-status -->\n", translated_from=source_hash(english["translation-status.md"])
        ),
    }
    for language, pages in (("en", english), ("zh", chinese_pages)):
        (docs / language).mkdir(parents=True)
        for name, text in pages.items():
            (docs / language / name).write_text(text, encoding="utf-8")
    config = textwrap.dedent(
        f"""\
        site_name: Test
        site_url: http://example.org/
        docs_dir: docs
        theme:
          name: material
          custom_dir: {ROOT / "overrides"}
          language: en
          font: false
        plugins:
          - i18n:
              docs_structure: folder
              fallback_to_default: true
              reconfigure_material: true
              languages:
                - {{locale: en, name: English, default: true, build: true}}
                - {{locale: zh, name: 中文, build: true, theme: {{language: zh}}}}
        hooks:
          - {ROOT / "hooks" / "page_meta.py"}
          - {ROOT / "hooks" / "i18n_head.py"}
          - {ROOT / "hooks" / "translations.py"}
        markdown_extensions:
          - admonition
          - attr_list
          - tables
          - toc
        """
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run_build(root / "site", "http://example.org/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def sitemap_entry(site, loc: str) -> str:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<url>\s*<loc>{re.escape(loc)}</loc>.*?</url>", sitemap, re.S)
    assert entry, f"{loc} is not in sitemap.xml"
    return entry[0]


def html_of(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["missing", "drafted"])
def test_untranslated_pages_are_english_with_lang_en_a_bilingual_notice_and_no_chinese_hreflang(small_site, name):
    html = html_of(small_site, f"zh/{name}")
    assert '<div class="lc-untranslated" lang="en">' in html
    assert f"<h1>{name.title()}</h1>" in html
    assert "尚未翻译" in html and "Not yet translated" in html
    assert "草稿" not in html and "未完成" not in html
    entry = sitemap_entry(small_site, f"http://example.org/{name}/")
    assert 'hreflang="zh"' not in entry
    assert f'hreflang="en" href="http://example.org/{name}/"' in entry and 'hreflang="x-default"' in entry
    english = html_of(small_site, name)
    assert 'hreflang="zh" class="md-select__link"' in english  # the language selector still offers Chinese
    assert "lc-untranslated" not in english


def test_outdated_page_says_so_in_both_languages_and_current_pages_are_quiet(small_site):
    html = html_of(small_site, "zh/changed")
    assert '<p lang="zh">英文版已于2026年11月20日更新，本译文可能已过时。</p>' in html
    assert 'href="../../changed/" hreflang="en" lang="en">Read the English version</a>' in html
    assert 'hreflang="zh" href="http://example.org/zh/changed/"' in sitemap_entry(
        small_site, "http://example.org/changed/"
    )
    for quiet in ("zh/fresh", "fresh", "changed"):
        assert "lc-translation" not in html_of(small_site, quiet)


def test_status_page_lists_each_state(small_site):
    html = html_of(small_site, "zh/translation-status")
    assert "共6个页面：3个已翻译且与英文版一致，1个可能已过时，2个尚未翻译。" in html
    assert '<a href="../changed/">已改</a></td>\n<td>已翻译，但英文版已于2026年11月20日更新' in html
    assert '<a href="../missing/">Missing</a></td>\n<td>尚未翻译（显示英文原文）' in html
    assert '<a href="../drafted/">Drafted</a></td>' in html
    english = html_of(small_site, "translation-status")
    assert "6 pages: 3 translated and up to date, 1 possibly out of date, 2 not yet translated." in english


def test_sync_lists_every_unreadable_front_matter_instead_of_crashing_and_says_when_all_is_current(tmp_path, capsys):
    script = load_sync_script()
    for language, text in (("en", ENGLISH), ("zh", chinese())):
        (tmp_path / language).mkdir()
        (tmp_path / language / "a.md").write_text(text, encoding="utf-8")
    script.main(["a.md"], docs=tmp_path)
    capsys.readouterr()
    assert script.main(["--check"], docs=tmp_path) == 0
    assert capsys.readouterr().out == "All 1 pages in docs/zh/ are current with docs/en/.\n"
    (tmp_path / "en" / "b.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    (tmp_path / "zh" / "c.md").write_text("---\nreviewed: 2026-13-45\n---\n", encoding="utf-8")
    assert script.main(["--check"], docs=tmp_path) == 2
    errors = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 2)[1] for line in errors] == ["docs/en/b.md:3", "docs/zh/c.md:2"]
    assert "Traceback" not in "\n".join(errors)
