"""Per-page assets: hooks ask for them, overrides/main.html loads them, only where they are needed."""

import re
from types import SimpleNamespace

from page_assets import require, required


def test_each_asset_is_asked_for_once_in_the_order_asked():
    page = SimpleNamespace()
    assert required(page) == []
    require(page, "lc-checklist")
    require(page, "lc-flowchart")
    require(page, "lc-checklist")
    assert required(page) == ["lc-checklist", "lc-flowchart"]


def test_built_pages_load_their_own_assets_css_in_the_head_and_scripts_after_materials(built_site):
    checked = 0
    for html_path in built_site.rglob("index.html"):
        html = html_path.read_text(encoding="utf-8")
        if "pagefind" in html_path.parts:
            continue
        head, body = html.split("</head>", 1)
        wanted = {
            "lc-checklist": 'class="lc-checklist' in body,
            "lc-flowchart": "data-lc-flowchart" in body,
        }
        for name, needed in wanted.items():
            assert (f"stylesheets/{name}.css" in head) == needed, f"{html_path}: {name}.css"
            assert (f"javascripts/{name}.js" in body) == needed, f"{html_path}: {name}.js"
            if needed:
                bundle = re.search(r"javascripts/bundle\.[0-9a-f]+\.min\.js", body).start()
                assert body.index(f"javascripts/{name}.js") > bundle, f"{html_path}: {name}.js before Material's"
                checked += 1
    assert checked >= 6  # both languages: three checklist pages, the checklists page and the flowchart
