"""A fixed 30-query slice of the held-out search set (bench/search-queries.yml: every 8th query), typed into
the real search box in Chromium. The threshold sits just under today's figure (27 of 30 in the top 3 since the
query is cut with the index's words, 2026-12-02; 20 before; see contrib/search.md), so a change that quietly
breaks search fails here; the full measure is the bench."""

from __future__ import annotations

import yaml
from conftest import ROOT, bench_module

search_quality = bench_module("search_quality")

SLICE = yaml.safe_load((ROOT / "bench" / "search-queries.yml").read_text(encoding="utf-8"))[::8][:30]
AT_LEAST_IN_TOP_3 = 25


def test_the_held_out_slice_finds_its_pages(browser, server):
    found, misses = 0, []
    for edition, prefix in search_quality.EDITION_PREFIX.items():
        queries = [query for query in SLICE if query["site"] == edition]
        if not queries:
            continue
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.goto(server + prefix)
        for query in queries:
            expected = prefix + ("" if query["expect"] in ("", "(home)") else query["expect"])
            pages = [search_quality.relative(href, server)[0] for href in search_quality.search(page, query["q"])]
            assert all(search_quality.edition_of(address) == edition for address in pages[:3]), pages
            if expected in pages[:3]:
                found += 1
            else:
                misses.append(f"{query['id']} {query['q']!r}: {pages[:3]}")
        context.close()
    assert len(SLICE) == 30
    assert found >= AT_LEAST_IN_TOP_3, f"{found} of 30 in the top 3; misses:\n" + "\n".join(misses)
