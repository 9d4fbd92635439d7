"""Per-page assets: hooks ask for them, overrides/main.html loads them, only where they are needed."""

import re
from types import SimpleNamespace

from page_assets import bundle_path, bundle_text, require, required
from site_pages import own_files_of


def test_each_asset_is_asked_for_once_in_the_order_asked():
    page = SimpleNamespace()
    assert required(page) == []
    require(page, "lc-checklist")
    require(page, "lc-flowchart")
    require(page, "lc-checklist")
    assert required(page) == ["lc-checklist", "lc-flowchart"]


SITE_WIDE = [
    "assets/stylesheets/site.css",
    "assets/stylesheets/lc-quick-exit.css",
    "assets/stylesheets/lc-glossary.css",
    "assets/javascripts/lc-page.js",
    "assets/javascripts/lc-search.js",
    "assets/javascripts/lc-language.js",
    "assets/javascripts/lc-quick-exit.js",
    "assets/javascripts/lc-glossary.js",
]
# The summary for a lawyer's scripts, in the order its page needs them (hooks/lawyer_summary.py).
SUMMARY_SCRIPTS = ["lc-summary-dates", "lc-summary-sheet", "lc-lawyer-summary"]


def test_a_bundle_is_its_files_in_order_named_by_content():
    parts = [("assets/javascripts/a.js", "var a=1"), ("assets/javascripts/b.js", "var b=2")]
    text = bundle_text(parts, "js")
    assert text == "/* assets/javascripts/a.js */\nvar a=1;\n/* assets/javascripts/b.js */\nvar b=2;\n"
    assert bundle_path(text, "js") == bundle_path(text, "js") != bundle_path(text + " ", "js")
    assert re.fullmatch(r"assets/bundles/lc-[0-9a-f]{12}\.js", bundle_path(text, "js"))


OUR_SCRIPT = re.compile(r'<script src="([^"]*assets/(?:bundles|javascripts|vendor)/lc-[^"]*)"([^>]*)>')
MATERIAL_SCRIPT = re.compile(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


def test_every_page_loads_exactly_one_script_of_ours_before_materials(built_site):
    """One <script> of ours on every page, the search included: the bundle, before Material's bundle (its
    search module must run first), carrying the search's settings; lc-search-cut.js is imported, not linked."""
    checked = 0
    for html_path in built_site.rglob("*.html"):
        if "pagefind" in html_path.parts:
            continue
        html = html_path.read_text(encoding="utf-8")
        ours = OUR_SCRIPT.findall(html)
        assert len(ours) == 1, (html_path, [src for src, _ in ours])
        src, attributes = ours[0]
        assert "/assets/bundles/" in "/" + src and 'data-lc-bundle="' in attributes, html_path
        assert 'data-lc-cut="' in attributes and "lc-search-cut.js" not in html.replace(attributes, ""), html_path
        assert html.index(src) < MATERIAL_SCRIPT.search(html).start(), html_path
        loaded = own_files_of(built_site, html_path)
        assert [name for name in loaded if name.endswith(".js")][:2] == SITE_WIDE[3:5], html_path
        checked += 1
    assert checked >= 51


def test_every_page_loads_one_stylesheet_and_one_script_of_ours(built_site):
    """Site-wide files, then the page's own, each once; the script before Material's, the stylesheet in the head."""
    checked = 0
    for html_path in built_site.rglob("*.html"):
        if "pagefind" in html_path.parts:
            continue
        html = html_path.read_text(encoding="utf-8")
        head, body = html.split("</head>", 1)
        assert len(re.findall(r'<link rel="stylesheet" href="[^"]*assets/bundles/', head)) == 1, html_path
        assert len(re.findall(r'<script src="[^"]*assets/bundles/', body)) == 1, html_path
        ours = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]*)"', html)
        ours = [url for url in ours if "assets/" in url and "material" not in url and ".min." not in url]
        assert [url.rsplit("/", 2)[-2] for url in ours] == ["bundles", "bundles"], html_path
        assert body.index("assets/bundles/") < re.search(r"javascripts/bundle\.[0-9a-f]+\.min\.js", body).start()
        loaded = own_files_of(built_site, html_path)
        assert loaded[:3] == SITE_WIDE[:3] and len(loaded) == len(set(loaded)), html_path
        wanted = {
            "lc-checklist": 'class="lc-checklist' in body,
            "lc-flowchart": "data-lc-flowchart" in body,
            "lc-lawyer-summary": "data-lc-summary" in body,
        }
        for name, needed in wanted.items():
            assert (f"assets/stylesheets/{name}.css" in loaded) == needed, f"{html_path}: {name}.css"
            assert (f"assets/javascripts/{name}.js" in loaded) == needed, f"{html_path}: {name}.js"
            checked += needed
        summary_scripts = [f"assets/javascripts/{name}.js" for name in SUMMARY_SCRIPTS]
        if wanted["lc-lawyer-summary"]:  # the dates and the sheet come first, in this order
            assert [path for path in loaded if path in summary_scripts] == summary_scripts, html_path
        else:
            assert not set(summary_scripts) & set(loaded), html_path
        assert set(SITE_WIDE) <= set(loaded), html_path
    assert checked >= 12  # every edition: three checklist pages, the checklists page, the flowchart, the summary
