"""Search transfer bench: a synthetic site of N pages per language, what each search route downloads.

    .venv/bin/python bench/search_bench.py            # 500 pages per language (about two minutes)
    .venv/bin/python bench/search_bench.py --pages 50
    .venv/bin/python bench/search_bench.py --no-material   # route B (and B1) only

Route A: Material's lunr search (the same site built without hooks/search_index.py, which otherwise
stops Material's index) with the index split per language and written compactly (no ASCII escapes):
its first query downloads the whole language index plus the search worker.
Route B: our per-language Pagefind bundle (hooks/search_index.py) behind Material's box, measured in
Chromium through lc-search.js: bytes on page load, on the first query and on each later query.
Route B1 (only if `pagefind_bin_extended` is installed): Pagefind's extended build run over the
finished HTML as it is, queried through Pagefind's own API.
Everything stays on 127.0.0.1; nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from local_site import CHROMIUM, serving

ROOT = Path(__file__).resolve().parent.parent
QUERIES = {
    "en": ["defamation", "screenshots", "Norwich order", "limitation period", "extortion"],
    "zh": ["诽谤", "截图", "诺威奇令", "誹謗", "Norwich 令"],
}
WORKER = "assets/javascripts/workers"


def sentences(language: str) -> list[str]:
    """Real sentences of the site in one language, the raw material of the synthetic pages."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / language).glob("*.md")))
    text = re.sub(r"^---.*?^---$", "", text, flags=re.S | re.M)
    parts = re.split(r"(?<=[.!?。！？])\s*", re.sub(r"[#*>\[\]()`|{}]", " ", text))
    return [part.strip() for part in parts if len(part.strip()) > 8]


def make_project(target: Path, pages: int, our_search: bool = True) -> Path:
    """A copy of the project with `pages` synthetic pages per language; without our search hook (and so
    with Material's own merged index, which that hook stops) when our_search is False."""
    for name in ("mkdocs.yml", "docs", "overrides", "hooks"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    if not our_search:
        config = target / "mkdocs.yml"
        text = re.sub(r"(?m)^\s+- hooks/search_index\.py\n", "", config.read_text(encoding="utf-8"))
        config.write_text(text, encoding="utf-8")
    rng = random.Random(2026)
    for language in ("en", "zh"):
        pool = sentences(language)
        folder = target / "docs" / language / "bench"
        folder.mkdir()
        for number in range(pages):
            body = "\n\n".join(" ".join(rng.sample(pool, 6)) for _ in range(8))
            title = f"Bench page {number}" if language == "en" else f"测试页面 {number}"
            (folder / f"p{number}.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    return target


def build(project: Path, site: Path, site_url: str) -> float:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    start = time.monotonic()
    # Not --strict: the synthetic pages are deliberately left out of the navigation.
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    return time.monotonic() - start


def route_a(site: Path) -> dict:
    """Material's merged index split per language and written compactly: what a first query loads."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    worker = sum(path.stat().st_size for path in (site / WORKER).glob("search.*.min.js"))
    out = {"merged_index_bytes": (site / "search" / "search_index.json").stat().st_size, "worker_bytes": worker}
    for language in ("en", "zh"):
        docs = [doc for doc in index["docs"] if doc["location"].startswith("zh/") == (language == "zh")]
        compact = json.dumps({"config": index["config"], "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        size = len(compact.encode("utf-8"))
        out[language] = {"docs": len(docs), "index_bytes": size, "first_query_bytes": size + worker}
    return out


def measure_ui(page, url: str, queries: list[str]) -> dict:
    """Bytes fetched through lc-search.js: on load, then per query, typed into Material's box."""
    sizes: list[int] = []
    wire: list[int] = []

    def on_response(response):
        with contextlib.suppress(Exception):  # redirects and aborted requests have no body
            body = response.body()
            sizes.append(len(body))
            # What a host that gzips its responses (GitHub Pages does) sends; Pagefind's own files are
            # already gzipped, so they gain nothing.
            wire.append(min(len(body), len(gzip.compress(body, 6))))
            if os.environ.get("BENCH_VERBOSE"):
                print(f"  {len(response.body()):>7} {response.url}", file=sys.stderr)

    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.on("response", on_response)
    page.wait_for_timeout(200)
    out = {"on_load_bytes": sum(sizes), "queries": []}
    sizes.clear()
    wire.clear()
    # Opening the box starts Pagefind's loader: counted with the first query, however soon it arrives.
    page.locator("label.md-search__icon, .md-header__button[for='__search']").first.click()
    field = page.locator("input.md-search__input")
    for number, query in enumerate(queries):
        if number:
            sizes.clear()
            wire.clear()
        field.fill(query)
        field.press("End")
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        out["queries"].append({"query": query, "bytes": sum(sizes), "gzip_served_bytes": sum(wire)})
    page.remove_listener("response", on_response)
    return out


def measure_api(page, url: str, base: str, language: str, queries: list[str]) -> dict:
    """Bytes fetched by Pagefind's own API (route B1), first query and later ones."""
    sizes: list[int] = []
    page.goto(url)
    page.on("response", lambda response: sizes.append(len(response.body())) if "pagefind" in response.url else None)
    out = []
    for query in queries:
        sizes.clear()
        count = page.evaluate(
            """async ([base, language, query]) => {
                window.pf = window.pf || await import(base + "pagefind.js");
                await window.pf.options({basePath: base, language, noWorker: true});
                const found = await window.pf.search(query);
                await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
                return found.results.length; }""",
            [base, language, query],
        )
        page.wait_for_timeout(300)
        out.append({"query": query, "bytes": sum(sizes), "results": count})
    return {"queries": out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="synthetic pages per language")
    parser.add_argument("--no-material", action="store_true", help="skip route A (Material's build): half the time")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, serving(Path(tmp) / "site") as url:
        work = Path(tmp)
        (work / "project").mkdir()
        project = make_project(work / "project", args.pages)
        seconds = build(project, work / "site", url)
        report = {"pages_per_language": args.pages, "build_seconds": round(seconds, 1)}
        if not args.no_material:
            (work / "material").mkdir()
            build(make_project(work / "material", args.pages, our_search=False), work / "site-material", url)
            report["A_material"] = route_a(work / "site-material")
        bundle = {lang: work / "site" / prefix / "pagefind" for lang, prefix in (("en", ""), ("zh", "zh"))}
        report["B_ours_disk_bytes"] = {
            lang: sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) for lang, path in bundle.items()
        }
        # The Chinese words and their page counts (hooks/search_words.py), fetched with the first Chinese query.
        # In shards by first character (lc-words-NN.json): all of them, and the largest one.
        report["B_ours_words_bytes"] = {}
        for lang, path in bundle.items():
            shards = [body.read_bytes() for body in sorted(path.glob("lc-words*.json"))]
            report["B_ours_words_bytes"][lang] = {
                "files": len(shards),
                "raw": sum(map(len, shards)),
                "gzip": sum(len(gzip.compress(body, 6)) for body in shards),
                "largest_gzip": max((len(gzip.compress(body, 6)) for body in shards), default=0),
            }
        extended = None
        try:
            import pagefind_bin_extended

            extended = pagefind_bin_extended.get_executable()
        except ImportError:
            report["B1_pagefind_extended"] = "skipped: pip install pagefind-bin-extended==1.5.2 to measure it"
        if extended:
            command = [str(extended), "--site", str(work / "site"), "--output-subdir", "_pf_ext"]
            command += ["--root-selector", "article.md-content__inner"]
            subprocess.run(command, check=True, capture_output=True)
            ext = work / "site" / "_pf_ext"
            disk = sum(p.stat().st_size for p in ext.rglob("*") if p.is_file())
            report["B1_pagefind_extended"] = {"disk_bytes": disk}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            context = browser.new_context(viewport={"width": 390, "height": 844})
            for language, start in (("en", ""), ("zh", "zh/bench/p1/")):
                page = context.new_page()
                report.setdefault("B_ours", {})[language] = measure_ui(page, url + start, QUERIES[language])
                page.close()
                if extended:
                    page = context.new_page()
                    measured = measure_api(page, url + start, url + "_pf_ext/", language, QUERIES[language])
                    report["B1_pagefind_extended"][language] = measured
                    page.close()
            browser.close()
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
