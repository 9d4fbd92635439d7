"""Performance budget, measured (not timed tests): build time, bytes per page, a synthetic scale run, Lighthouse.

    .venv/bin/python bench/run.py                  # (a) (b) (c); about 15 minutes on the shared 2-CPU machine
    .venv/bin/python bench/run.py --quick          # 2 rounds, scale 100 only
    .venv/bin/python bench/run.py --only a         # one measure: a, b or c (b builds once for itself)
    .venv/bin/python bench/run.py --scale 100 500 1000 --scale-rounds 2
    .venv/bin/python bench/run.py --lighthouse     # and (d), if node and npm are installed

(a) the real site built with our hooks (A), without them (B, baseline 1) and as the plain stack (C,
    baseline 2), in rounds ordered ABC, CBA, ABC…; per round the ratios A/B and A/C of wall time and of CPU
    time (user + sys of the build and its helper processes), and the load average before each build;
(b) the built site served by a local gzip-compressing server, bytes transferred for key pages in both
    languages as Chromium loads them, and the gzip size of our own JS and CSS;
(c) N generated pages per edition in a nested navigation (10 sections × 5 subsections), with hooks and
    without, interleaved the same way;
(d) Lighthouse 12 (mobile) for home, an article, the checklists and the flowchart page in both languages.
The method is in bench/README.md. Results go to bench/results/latest.json and latest.md (a run of only
some measures keeps the others from the last run); contrib/performance.md quotes them. Nothing is fetched
from the network except npm's lighthouse package for (d).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from builds import build_real_site, measure_real_site  # noqa: E402
from pages import CHROMIUM, KEY_PAGES, LIGHTHOUSE_PAGES, SITE_URL, measure_lighthouse, measure_pages, own_assets  # noqa: E402
from report import render  # noqa: E402
from scale import measure_scale  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 rounds for (a); scale 100 pages only")
    parser.add_argument("--only", choices=("a", "b", "c"), nargs="*", help="run only these measures")
    parser.add_argument("--rounds", type=int, help="rounds for (a); default 9 (2 with --quick)")
    parser.add_argument("--scale", type=int, nargs="*", help="pages per edition for (c), default 100 500")
    parser.add_argument("--scale-rounds", type=int, default=3, help="rounds per size for (c), default 3")
    parser.add_argument("--plain-scale", action="store_true", help="(c) also builds the plain stack")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse 12 (installs it with npm)")
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs a page (the median is kept)")
    return parser.parse_args(argv)


def previous_results() -> dict:
    """The last run's results, kept for the measures this run leaves out (not those in an older format)."""
    path = RESULTS / "latest.json"
    previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if "ratios" not in previous.get("hooks", {"ratios": 1}):
        previous.pop("hooks")
    if previous.get("scale") and "ratios" not in previous["scale"][0]:
        previous.pop("scale")
    return previous


def measure_browser(site: Path) -> dict:
    """(b), with one Chromium for all pages."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            return {"pages": measure_pages(browser, site, KEY_PAGES), "own_assets": own_assets(site, LIGHTHOUSE_PAGES)}
        finally:
            browser.close()


def run(args: argparse.Namespace, work: Path) -> dict:
    only = set(args.only or ("a", "b", "c"))
    results: dict = {}
    site = None
    if "a" in only:
        rounds = args.rounds or (2 if args.quick else 9)
        print(f"(a) real site, {rounds} rounds…", file=sys.stderr)
        results["hooks"], site = measure_real_site(work, rounds)
    elif "b" in only or args.lighthouse:
        site = build_real_site(work)
    if "b" in only:
        print("(b) bytes per page…", file=sys.stderr)
        results.update(measure_browser(site))
    if "c" in only:
        counts = args.scale if args.scale is not None else ([100] if args.quick else [100, 500])
        results["scale"] = measure_scale(work, counts, 2 if args.quick else args.scale_rounds, args.plain_scale)
    if args.lighthouse:
        print("(d) Lighthouse…", file=sys.stderr)
        results["lighthouse"] = measure_lighthouse(site, args.lighthouse_runs)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["SITE_URL"] = SITE_URL  # built for the address (b) serves it at
    RESULTS.mkdir(exist_ok=True)
    results = {**previous_results(), "when": time.strftime("%Y-%m-%d %H:%M")}
    results["machine"] = f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    with tempfile.TemporaryDirectory(prefix="lc-bench-") as tmp:
        results.update(run(args, Path(tmp)))
    report = render(results)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
