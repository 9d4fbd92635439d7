"""Unit tests for the language plumbing: no hreflang links in page heads, per-language 404 paths."""

import re
from pathlib import Path

from i18n_head import drop_hreflang, not_found_path

HEAD = (
    '<link rel="canonical" href="https://e.org/defamation/">\n'
    '    <link rel="alternate" href="https://e.org/defamation/" hreflang="en">\n'
    '    <link rel="alternate" href="https://e.org/zh/defamation/" hreflang="zh">\n'
    '<a href="../zh/defamation/" hreflang="zh" class="md-select__link">简体中文</a>'
)


def test_hreflang_links_leave_the_head_but_the_language_selector_stays():
    result = drop_hreflang(HEAD)
    assert 'rel="alternate"' not in result
    assert '<link rel="canonical" href="https://e.org/defamation/">' in result
    assert '<a href="../zh/defamation/" hreflang="zh" class="md-select__link">' in result


def test_404_pages_per_language():
    assert not_found_path("/s", "en") == Path("/s/404.html")
    assert not_found_path("/s", "zh") == Path("/s/zh/404.html")


def test_the_logo_has_the_reader_s_alt_text_and_its_size():
    from i18n_head import in_reader_language

    output = in_reader_language('<a class="md-logo"><img src="../assets/images/favicon.svg" alt="logo"></a>', "zh")
    assert re.search(r'<img src="[^"]+" alt="[^"]*[\u4e00-\u9fff][^"]*" width="24" height="24">', output)


def test_every_built_page_s_logo_is_sized(built_site):
    for path in built_site.rglob("*.html"):
        for image in re.findall(r"<img [^>]*favicon\.svg[^>]*>", path.read_text(encoding="utf-8")):
            assert 'width="24" height="24"' in image, f"{path}: {image}"
