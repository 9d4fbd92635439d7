"""Search quality on queries that nobody tuned to: recall@1, recall@3 and MRR per edition and query kind.

    .venv/bin/python bench/search_quality.py                 # builds the site into a temporary folder
    .venv/bin/python bench/search_quality.py --site site     # an already built site
    .venv/bin/python bench/search_quality.py --queries bench/search-queries.yml --json out.json

The queries (bench/search-queries.yml) were written by someone who had not read the pages, from short
scenarios and the site map only. Keep them out of tuning: change the search, then measure. A second held-out
set, bench/search-holdout2-queries.yml (200 queries, another writer, 2026-12-02), and a third,
bench/search-holdout3-queries.yml (200 queries, a third writer, 2026-12-02, later), are kept out the same way;
tune on bench/search-dev-queries.yml and search-tune-queries.yml, search-tune2-, -tune3- and -tune4-queries.yml.
Each query is typed into the real search box of its edition's home page in Chromium, through lc-search.js,
exactly as a reader would; the results' addresses are read from the list the reader sees. Besides recall it counts
results from another edition in the top 3 (must be 0) and, where a query names a section, how often the
first right result links to that section, and how often to it or a section around it (its parent or a
subsection: the expected section is a guess by the query's writer from the headings, and a ### inside the
## it named, or the ## around the ### it named, is where a reader lands close to the answer).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the tests load this file by its path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from local_site import CHROMIUM, serving  # noqa: E402
from markdown_lines import unfenced_lines  # noqa: E402
from page_ids import EXPLICIT_ID, HEADING  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "bench" / "search-queries.yml"
EDITION_PREFIX = {"en": "", "zh": "zh/", "zh-Hant": "zh-Hant/"}


def build(site: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def edition_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in ("zh", "zh-Hant") else "en"


# Done when the result count line says something other than nothing, the placeholder or "loading"; the
# result addresses come back with the answer, in one round trip (each Playwright call is one).
RESULTS_SHOWN = """() => {
  const meta = document.querySelector('.md-search-result__meta').textContent;
  const waiting = ['placeholder', 'loading'].map((key) =>
    document.querySelector(`script[data-lc-${key}]`).getAttribute(`data-lc-${key}`));
  if (!meta || waiting.includes(meta)) return null;
  return Array.from(document.querySelectorAll('.md-search-result__item a.md-search-result__link'),
    (link) => link.getAttribute('href'));
}"""
CLEAR_RESULTS = """() => {
  document.querySelector('.md-search-result__list').replaceChildren();
  document.querySelector('.md-search-result__meta').textContent = '';
}"""


def search(page, query: str) -> list[str]:
    """Type a query as a reader does (Playwright's fill: focus, the text replaced, an input event) and return
    the result addresses as linked. The last results are cleared first, so an answer is never read from the
    query before. The box stays open from one query to the next: Escape to close it, pressed twice within
    1.5 s with no key between (fill presses none), is the quick exit."""
    if not page.evaluate("document.getElementById('__search').checked"):
        page.locator("label.md-search__icon, .md-header__button[for='__search']").first.click()
    page.evaluate(CLEAR_RESULTS)
    page.locator("input.md-search__input").fill(query)
    return page.wait_for_function(RESULTS_SHOWN, timeout=15000).json_value()


@functools.cache
def section_parents(address: str) -> dict[str, tuple[str, ...]]:
    """Each section id of an English page (the editions share ids) → the ids of the sections around it."""
    name = "index" if address in ("", "(home)") else address.strip("/")
    path = ROOT / "docs" / "en" / f"{name}.md"
    parents: dict[str, tuple[str, ...]] = {}
    open_sections: list[tuple[int, str]] = []
    for _, line in unfenced_lines(path.read_text(encoding="utf-8")) if path.exists() else []:
        heading = HEADING.match(line)
        explicit = heading and EXPLICIT_ID.search(heading["text"])
        if not explicit:  # hooks/page_ids.py makes every heading below the title have one
            continue
        level = len(heading["hashes"])
        while open_sections and open_sections[-1][0] >= level:
            open_sections.pop()
        parents[explicit["id"]] = tuple(section for _, section in open_sections)
        open_sections.append((level, explicit["id"]))
    return parents


def near_section(address: str, opened: str, expected: str) -> bool:
    """The expected section, one inside it or the one around it."""
    if not opened:
        return False
    parents = section_parents(address)
    return opened == expected or expected in parents.get(opened, ()) or opened in parents.get(expected, ())


def relative(href: str, server: str) -> tuple[str, str]:
    """(page address, section id) of a result link."""
    path = href.removeprefix(server)
    page, _, section = path.partition("#")
    return page, section


def measure(site: Path, queries: list[dict]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    outcomes = []
    with serving(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for edition in EDITION_PREFIX:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            page.goto(server + EDITION_PREFIX[edition])
            for query in (q for q in queries if q["site"] == edition):
                expected = EDITION_PREFIX[edition] + ("" if query["expect"] in ("", "(home)") else query["expect"])
                found = [relative(href, server) for href in search(page, query["q"])]
                pages = [address for address, _ in found]
                rank = pages.index(expected) + 1 if expected in pages else None
                outcomes.append(
                    {
                        **query,
                        "rank": rank,
                        "top": pages[:5],
                        "other_edition_in_top3": sum(edition_of(address) != edition for address in pages[:3]),
                        "section_hit": bool(rank and query.get("section") and found[rank - 1][1] == query["section"]),
                        "section_near": bool(
                            rank
                            and query.get("section")
                            and near_section(query["expect"], found[rank - 1][1], query["section"])
                        ),
                    }
                )
            context.close()
        browser.close()
    return outcomes


def summarise(outcomes: list[dict]) -> dict[str, dict]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for outcome in outcomes:
        groups[f"{outcome['site']} · {outcome['kind']}"].append(outcome)
        groups[f"{outcome['site']} · all"].append(outcome)
        if outcome["script"] == "mixed":
            groups["mixed English/Chinese"].append(outcome)
        groups["all"].append(outcome)
    table = {}
    for name, items in sorted(groups.items()):
        ranks = [item["rank"] for item in items]
        with_section = [item for item in items if item.get("section")]
        table[name] = {
            "queries": len(items),
            "recall@1": sum(rank == 1 for rank in ranks) / len(items),
            "recall@3": sum(bool(rank and rank <= 3) for rank in ranks) / len(items),
            "mrr": sum(1 / rank for rank in ranks if rank) / len(items),
            "other_edition_in_top3": sum(item["other_edition_in_top3"] for item in items),
            "section_links": (sum(item["section_hit"] for item in with_section) / len(with_section))
            if with_section
            else None,
            "section_near": (sum(item["section_near"] for item in with_section) / len(with_section))
            if with_section
            else None,
        }
    return table


def markdown(table: dict[str, dict]) -> str:
    lines = [
        "| queries | n | recall@1 | recall@3 | MRR | other edition in top 3 | opens the right section "
        "| or one around it |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, row in table.items():
        section = "–" if row["section_links"] is None else f"{row['section_links']:.0%}"
        near = "–" if row["section_near"] is None else f"{row['section_near']:.0%}"
        lines.append(
            f"| {name} | {row['queries']} | {row['recall@1']:.0%} | {row['recall@3']:.0%} | {row['mrr']:.2f} | "
            f"{row['other_edition_in_top3']} | {section} | {near} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    parser.add_argument(
        "--queries", type=Path, default=QUERIES, help="held-out by default; tune on bench/search-dev-queries.yml"
    )
    parser.add_argument("--json", type=Path, help="write every query's outcome here")
    args = parser.parse_args(argv)
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            build(site, "http://127.0.0.1:8000/")
        outcomes = measure(site, queries)
    table = summarise(outcomes)
    print(markdown(table))
    if args.json:
        args.json.write_text(json.dumps({"summary": table, "queries": outcomes}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
