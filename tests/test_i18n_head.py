"""Unit tests for the language plumbing: absolute alternates, x-default, per-language 404 paths."""

from pathlib import Path

from i18n_head import EMPTY_SITEMAP, absolute_alternates, not_found_path, write_sitemap_stub, x_default

ALTERNATES = [
    {"name": "English", "link": "defamation/", "lang": "en"},
    {"name": "中文", "link": "/zh/defamation/", "lang": "zh"},
]


def test_alternates_become_absolute_against_site_url_with_a_path():
    result = absolute_alternates(ALTERNATES, "https://example.org/site")
    assert [alt["link"] for alt in result] == [
        "https://example.org/site/defamation/",
        "https://example.org/site/zh/defamation/",
    ]
    assert result[1]["name"] == "中文"
    assert ALTERNATES[0]["link"] == "defamation/"  # the input is not modified


def test_x_default_is_the_english_page():
    assert x_default(absolute_alternates(ALTERNATES, "https://e.org/")) == "https://e.org/defamation/"
    assert x_default([{"link": "/zh/", "lang": "zh"}]) is None


def test_404_pages_per_language():
    assert not_found_path("/s", "en") == Path("/s/404.html")
    assert not_found_path("/s", "zh") == Path("/s/zh/404.html")


def test_sitemap_stub_never_replaces_a_real_sitemap(tmp_path):
    (tmp_path / "sitemap.xml").write_text("real")
    write_sitemap_stub(str(tmp_path / "index.html"))
    assert (tmp_path / "sitemap.xml").read_text() == "real"
    write_sitemap_stub(str(tmp_path / "zh" / "defamation" / "index.html"))
    assert (tmp_path / "zh" / "defamation" / "sitemap.xml").read_text() == EMPTY_SITEMAP
