"""Golden HTML: a checklist through the real template and Markdown extensions.

Run with UPDATE_GOLDEN=1 to rewrite tests/golden/ after an intended change, then review the diff.
"""

import os

import jinja2
import markdown
from checklists import expand, parse, render
from conftest import ROOT
from ui_strings import strings_for

SOURCE = """Before.

<!-- checklist id="preserve-evidence" -->
### Keep the evidence { #evidence }

- [ ] Take **screenshots** with the <abbr>ID</abbr> & date. <!-- id: screenshots -->
    Why: see [help](help.md).
- [ ] Back up the chat. <!-- id: backup -->
<!-- /checklist -->

After.
"""


def rendered_html(language: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    template = env.get_template("partials/lc-checklist.html")
    context = {
        "ui": strings_for(language),
        "page_url": "https://example.org/online/",
        "qr_data_uri": "data:image/svg+xml,qr",
        "reviewed_text": "25 November 2026",
    }
    parsed = parse(SOURCE, "docs/en/online.md")
    text, problems = expand(SOURCE, parsed, {}, lambda c: render(c, template, **context), "docs/en/online.md")
    assert problems == []
    return markdown.markdown(text, extensions=["md_in_html", "attr_list", "toc"]) + "\n"


def check_golden(name: str, html: str):
    path = ROOT / "tests" / "golden" / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(html, encoding="utf-8")
    assert html == path.read_text(encoding="utf-8")


def test_checklist_html_english():
    check_golden("checklist.en.html", rendered_html("en"))


def test_checklist_html_chinese_strings():
    check_golden("checklist.zh.html", rendered_html("zh"))
