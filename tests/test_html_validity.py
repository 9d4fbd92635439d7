"""Every built page is valid HTML by the W3C Nu HTML Checker: no errors and no empty heading. Other warnings
are reported, never fail.

One run of vnu over all the pages of the session's one build (conftest.py's built_site). Marked
`validator`: `make test` installs the checker and runs it; `make test-fast` leaves it out.
"""

from __future__ import annotations

import warnings

import pytest
from html_validity import check_html
from site_pages import site_pages

pytestmark = pytest.mark.validator

BAD_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A page with mistakes</title></head>
<body>
<input type="checkbox" id="__drawer" autocomplete="off">
<label for="__drawer" tabindex="">Menu</label>
<h3></h3>
<p>An unclosed <b>paragraph</p>
</body>
</html>
"""
GOOD_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A valid page</title></head>
<body>
<form id="__toggles" autocomplete="off" hidden></form>
<input type="checkbox" id="__drawer" form="__toggles">
<label for="__drawer" tabindex="-1">Menu</label>
<h3>A heading</h3>
</body>
</html>
"""


def test_every_built_page_has_no_html_error(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert sorted(page.relative_to(built_site).as_posix() for page in pages) == sorted(site_pages())
    findings = check_html(pages, root=built_site)
    if findings.empty_headings or findings.warnings:
        warnings.warn(f"Nu HTML Checker, {len(pages)} pages:\n{findings.summary()}", stacklevel=1)
    assert not findings.errors, f"{len(findings.errors)} HTML errors:\n" + "\n".join(findings.errors)
    # A heading a script fills in must still have text in the page as built (screen readers, no JavaScript).
    assert not findings.empty_headings, "\n".join(findings.empty_headings)


def test_the_check_names_each_error_with_its_page_and_line(tmp_path):
    (tmp_path / "bad.html").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "good.html").write_text(GOOD_PAGE, encoding="utf-8")
    findings = check_html([tmp_path / "bad.html", tmp_path / "good.html"], root=tmp_path)
    assert any(e.startswith("bad.html:5: Attribute “autocomplete” is only allowed") for e in findings.errors)
    assert any(e.startswith("bad.html:6: Bad value “” for attribute “tabindex”") for e in findings.errors)
    assert any(e.startswith("bad.html:8: ") for e in findings.errors)  # the <b> left open
    assert not [e for e in findings.errors if e.startswith("good.html")]
    assert findings.empty_headings == ["bad.html:7: Empty heading."]  # a warning for vnu; a failure for us
