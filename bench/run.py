"""Performance budget, measured (not timed tests): build time, bytes per page, a synthetic scale run, Lighthouse.

    .venv/bin/python bench/run.py                  # (a) (b) (c); about two minutes
    .venv/bin/python bench/run.py --lighthouse     # and (d), if node and npm are installed
    .venv/bin/python bench/run.py --quick          # one build per measure, scale 10 and 100 only

(a) the real site built with our hooks and without them (a copy of mkdocs.yml with `hooks:` removed);
(b) the built site served by a local gzip-compressing server, bytes transferred for key pages in both
    languages as Chromium loads them, and the gzip size of our own JS and CSS;
(c) 10, 100 and 500 generated pages per language in a temporary docs tree: build time and bytes per page;
(d) Lighthouse 12 (mobile) for home, an article, the checklists and the flowchart page in both languages.
Results go to bench/results/latest.json and bench/results/latest.md; contrib/performance.md quotes them.
Nothing is fetched from the network except npm's lighthouse package for (d).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# The site is built for the address it is served at: absolute links (hreflang, the language selector's
# sitemap look-ups) must reach the local server, or the browser logs refused connections.
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SITE_URL = f"http://127.0.0.1:{PORT}/"
LIGHTHOUSE = "lighthouse@12.2.3"
LIGHTHOUSE_RUNS = 5  # the median of five, as Lighthouse's own guidance on variability suggests
KEY_PAGES = {"home": "", "article": "defamation/", "checklists": "checklists/", "what-to-do": "what-to-do/"}
LIGHTHOUSE_PAGES = {"home": "", "article": "defamation/", "checklists": "checklists/", "flowchart": "what-to-do/"}
TARGETS = {"hooks_ratio": 1.15, "article_kb": 150, "own_assets_kb": 15}


# -- configuration copies ------------------------------------------------------------------------------------


def config_copy(
    text: str, docs_dir: Path | None = None, hooks: bool = True, nav: bool = True, drop_hook: str | None = None
) -> str:
    """mkdocs.yml rewritten to work from another folder: absolute paths, optionally without hooks (all, or
    the one named by drop_hook) or without nav."""
    lines = text.splitlines()
    out: list[str] = []
    skipping = False
    section = ""
    for line in lines:
        top_key = re.match(r"^([A-Za-z_]+):", line)
        if top_key:
            section = top_key[1]
            skipping = (section == "hooks" and not hooks) or (section == "nav" and not nav)
        if skipping:
            continue
        if section == "watch":
            line = re.sub(r"^(\s+- )(?!/)(\S+)$", lambda m: f"{m[1]}{ROOT / m[2]}", line)
        if drop_hook and re.match(rf"^\s+- hooks/{re.escape(drop_hook)}$", line):
            continue
        if re.match(r"^\s+- hooks/", line):
            line = re.sub(r"- hooks/", f"- {ROOT / 'hooks'}/", line)
        out.append(line)
    result = "\n".join(out) + "\n"
    result = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {docs_dir or ROOT / 'docs'}", result)
    result = re.sub(r"(?m)^(\s+custom_dir:) .*$", rf"\1 {ROOT / 'overrides'}", result)
    return result


def build(config: Path, site_dir: Path) -> float:
    """One strict build; its wall-clock time in seconds. Raises with MkDocs' output if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"build of {config} failed:\n{result.stderr[-4000:]}")
    return elapsed


def median_build(config: Path, site_dir: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        shutil.rmtree(site_dir, ignore_errors=True)
        times.append(build(config, site_dir))
    return statistics.median(times)


# -- (a) hooks overhead --------------------------------------------------------------------------------------


def measure_hooks(work: Path, runs: int) -> dict:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    with_hooks, without = work / "with-hooks.yml", work / "without-hooks.yml"
    with_hooks.write_text(config_copy(text), encoding="utf-8")
    without.write_text(config_copy(text, hooks=False), encoding="utf-8")
    # Alternate the two so that a slow spell of the machine (a shared VM) falls on both alike.
    times_with, times_without = [], []
    for _ in range(runs):
        times_with.append(median_build(with_hooks, work / "site-with", 1))
        times_without.append(median_build(without, work / "site-without", 1))
    seconds_with, seconds_without = statistics.median(times_with), statistics.median(times_without)
    # Leave one hook out at a time: what each one costs (a hook another depends on may fail the build alone).
    each = {}
    for name in re.findall(r"(?m)^\s+- hooks/(\S+\.py)$", text):
        config = work / f"without-{name}.yml"
        config.write_text(config_copy(text, drop_hook=name), encoding="utf-8")
        try:
            each[name] = round(seconds_with - median_build(config, work / "site-one", min(runs, 3)), 2)
        except RuntimeError:
            each[name] = None
    return {
        "runs": runs,
        "each_with_s": [round(t, 2) for t in times_with],
        "each_without_s": [round(t, 2) for t in times_without],
        "with_hooks_s": round(seconds_with, 2),
        "without_hooks_s": round(seconds_without, 2),
        "ratio": round(seconds_with / seconds_without, 3),
        "target_ratio": TARGETS["hooks_ratio"],
        "cost_of_each_hook_s": each,
        "site": str(work / "site-with"),
    }


# -- (b) bytes on the wire -----------------------------------------------------------------------------------


class GzipHandler(SimpleHTTPRequestHandler):
    """A static server that gzips every response whose client accepts it, as a web host would."""

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", PORT), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, SITE_URL


def transferred(browser, url: str) -> dict:
    """What a fresh mobile browser downloads for one page: request count, encoded bytes, and by type."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    total, by_type = 0, {}
    for request in responses:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        by_type[request.resource_type] = by_type.get(request.resource_type, 0) + size
    context.close()
    return {"requests": len(responses), "bytes": total, "by_type": by_type}


def own_assets(site: Path) -> dict:
    """gzip size of each of our own JS and CSS files as built (minified by hooks/minify_assets.py): what
    a reader's browser downloads at most."""
    docs = ROOT / "docs"
    files = sorted((docs / "assets" / "javascripts").glob("*.js")) + sorted(
        (docs / "assets" / "stylesheets").glob("*.css")
    )
    built = {f.name: site / f.relative_to(docs) for f in files}
    sizes = {name: len(gzip.compress(path.read_bytes(), compresslevel=6)) for name, path in built.items()}
    return {"files": sizes, "total": sum(sizes.values()), "target_kb": TARGETS["own_assets_kb"]}


def measure_pages(browser, site: Path, pages: dict[str, str]) -> dict:
    httpd, base = serve(site)
    try:
        results = {}
        for language in ("en", "zh"):
            prefix = "" if language == "en" else "zh/"
            for name, path in pages.items():
                results[f"{language}/{name}"] = transferred(browser, f"{base}{prefix}{path}")
        return results
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- (c) synthetic scale -------------------------------------------------------------------------------------

SECTION_EN = """
## Section {n} {{ #section-{n} }}

A person in Ontario who is defamed on WeChat can keep screenshots, write down dates and ask a lawyer.
This generated paragraph has the length of a real one, so that the build and the page weigh what a
real page would. See [the glossary](../glossary.md) and [what to do](../what-to-do.md).

- Keep the evidence: the message, the sender's name, the group and the time.
- Note the deadlines, which can be short.
"""
SECTION_ZH = """
## 第{n}节 {{ #section-{n} }}

在安大略省被人在微信上诽谤的人，可以保存截图、记下日期，并咨询律师。这一段是生成的文字，长度与真实段落相当，使构建时间和页面大小与真实页面接近。请参阅[术语表](../glossary.md)和[下一步怎么做](../what-to-do.md)。

- 保存证据：消息、发送者的名字、群名和时间。
- 留意期限，期限可能很短。
"""


def generated_page(language: str, number: int) -> str:
    title = f"Generated page {number}" if language == "en" else f"生成的页面 {number}"
    description = "A generated page for the scale benchmark." if language == "en" else "用于规模测试的生成页面。"
    sections = "".join((SECTION_EN if language == "en" else SECTION_ZH).format(n=n) for n in range(1, 6))
    return (
        f"---\ntitle: {title}\ndescription: {description}\nreviewed: 2026-11-25\nsources:\n"
        f"  - title: Libel and Slander Act\n    url: https://www.ontario.ca/laws/statute/90l12\n---\n\n"
        f"# {title}\n{sections}"
    )


def measure_scale(browser, work: Path, counts: list[int]) -> list[dict]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    rows = []
    for count in counts:
        docs = work / f"docs-{count}"
        shutil.copytree(ROOT / "docs", docs)
        for language in ("en", "zh"):
            folder = docs / language / "generated"
            folder.mkdir()
            for number in range(1, count + 1):
                (folder / f"page-{number:04d}.md").write_text(generated_page(language, number), encoding="utf-8")
        config = work / f"scale-{count}.yml"
        config.write_text(config_copy(text, docs_dir=docs, nav=False), encoding="utf-8")
        site = work / f"site-{count}"
        seconds = build(config, site)
        html = [p.stat().st_size for p in (site / "generated").rglob("index.html")]
        html_gzip = [len(gzip.compress(p.read_bytes(), 6)) for p in (site / "generated").rglob("index.html")]
        page = measure_pages(browser, site, {"generated": "generated/page-0001/"})
        site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        rows.append(
            {
                "pages_per_language": count,
                "build_s": round(seconds, 2),
                "html_kb_mean": round(statistics.mean(html) / 1024, 1),
                "html_gzip_kb_mean": round(statistics.mean(html_gzip) / 1024, 1),
                "transferred_kb_en": round(page["en/generated"]["bytes"] / 1024, 1),
                "transferred_kb_zh": round(page["zh/generated"]["bytes"] / 1024, 1),
                "site_mb": round(site_bytes / 1024 / 1024, 1),
            }
        )
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(docs, ignore_errors=True)
    return rows


# -- (d) Lighthouse ------------------------------------------------------------------------------------------


def lighthouse_binary() -> Path | None:
    """bench/node_modules/.bin/lighthouse, installed from npm with an exact version if node and npm exist."""
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if binary.exists():
        return binary
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    subprocess.run(
        ["npm", "install", "--prefix", str(BENCH), "--no-save", "--no-audit", "--no-fund", "-E", LIGHTHOUSE],
        check=True,
        capture_output=True,
    )
    return binary if binary.exists() else None


def measure_lighthouse(site: Path) -> dict:
    binary = lighthouse_binary()
    if binary is None:
        return {"skipped": "node/npm not found"}
    httpd, base = serve(site)
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    results = {}
    try:
        for language in ("en", "zh"):
            prefix = "" if language == "en" else "zh/"
            for name, path in LIGHTHOUSE_PAGES.items():
                command = [
                    str(binary),
                    f"{base}{prefix}{path}",
                    "--quiet",
                    "--output=json",
                    "--output-path=stdout",
                    "--form-factor=mobile",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    "--chrome-flags=--headless=new --no-sandbox",
                ]
                # Lighthouse's simulated slow phone magnifies a busy moment of this shared machine into
                # several points of performance: the median of LIGHTHOUSE_RUNS runs is reported.
                reports = []
                for _ in range(LIGHTHOUSE_RUNS):
                    run = subprocess.run(command, env=env, capture_output=True, text=True)
                    if run.returncode == 0:
                        reports.append(json.loads(run.stdout))
                if not reports:
                    results[f"{language}/{name}"] = {"error": run.stderr[-500:]}
                    continue
                reports.sort(key=lambda report: report["categories"]["performance"]["score"])
                report = reports[len(reports) // 2]
                scores = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
                failed = [
                    audit_id
                    for audit_id, audit in report["audits"].items()
                    if audit.get("score") is not None
                    and audit["score"] < 1
                    and audit.get("scoreDisplayMode") in ("binary", "metricSavings")
                ]
                performance = [round(r["categories"]["performance"]["score"] * 100) for r in reports]
                results[f"{language}/{name}"] = {
                    "scores": scores,
                    "performance_runs": performance,
                    "not_passed": failed[:12],
                }
    finally:
        httpd.shutdown()
        httpd.server_close()
    return results


# -- report --------------------------------------------------------------------------------------------------


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def render(results: dict) -> str:
    lines = [f"Measured {results['when']} on {results['machine']}.", ""]
    hooks = results.get("hooks")
    if hooks:
        verdict = "within" if hooks["ratio"] <= hooks["target_ratio"] else "OVER"
        lines += [
            f"### (a) Build time, real site (median of {hooks['runs']} strict builds each, alternating)",
            "",
            "| with our hooks | without hooks | ratio | target |",
            "|---:|---:|---:|---:|",
            f"| {hooks['with_hooks_s']} s | {hooks['without_hooks_s']} s | {hooks['ratio']} ({verdict}) "
            f"| ≤ {hooks['target_ratio']} |",
            "",
            "Seconds saved by leaving out one hook at a time (build time with all hooks minus without that one; "
            "noise is about ±0.3 s): "
            + ", ".join(
                f"{name} {'build fails without it' if cost is None else cost}"
                for name, cost in hooks["cost_of_each_hook_s"].items()
            )
            + ".",
            "",
        ]
    pages = results.get("pages")
    if pages:
        lines += [
            "### (b) Bytes transferred per page (gzip, fresh browser, everything the page loads)",
            "",
            "| page | requests | total KB | document | script | stylesheet | other |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for name, row in pages.items():
            by = row["by_type"]
            other = row["bytes"] - sum(by.get(k, 0) for k in ("document", "script", "stylesheet"))
            lines.append(
                f"| {name} | {row['requests']} | {kb(row['bytes'])} | {kb(by.get('document', 0))} | "
                f"{kb(by.get('script', 0))} | {kb(by.get('stylesheet', 0))} | {kb(other)} |"
            )
        own = results["own_assets"]
        lines += [
            "",
            f"Target: ≤ {TARGETS['article_kb']} KB per article page. Our own JS + CSS (gzip, all files, whether or "
            f"not a page loads them): {kb(own['total'])} KB (target ≤ {own['target_kb']} KB): "
            + ", ".join(f"{name} {kb(size)}" for name, size in own["files"].items()),
            "",
        ]
    scale = results.get("scale")
    if scale:
        lines += [
            "### (c) Synthetic scale (generated pages per language, plus the real pages; one strict build each)",
            "",
            "| pages / language | build s | HTML KB / page | gzip KB / page | transferred KB (en / zh) | site MB |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for row in scale:
            lines.append(
                f"| {row['pages_per_language']} | {row['build_s']} | {row['html_kb_mean']} | "
                f"{row['html_gzip_kb_mean']} | {row['transferred_kb_en']} / {row['transferred_kb_zh']} | "
                f"{row['site_mb']} |"
            )
        lines.append("")
    lighthouse = results.get("lighthouse")
    if lighthouse:
        lines += [f"### (d) Lighthouse 12, mobile (median of {LIGHTHOUSE_RUNS} runs by performance)", ""]
        if "skipped" in lighthouse:
            lines.append(f"Skipped: {lighthouse['skipped']}.")
        else:
            lines += [
                "| page | perf (each run) | a11y | best practices | SEO | audits not passed |",
                "|---|---:|---:|---:|---:|---|",
            ]
            for name, row in lighthouse.items():
                if "error" in row:
                    lines.append(f"| {name} | error: {row['error'][:80]} | | | | |")
                    continue
                s = row["scores"]
                lines.append(
                    f"| {name} | {s.get('performance')} ({', '.join(map(str, row.get('performance_runs', [])))}) "
                    f"| {s.get('accessibility')} | {s.get('best-practices')} | "
                    f"{s.get('seo')} | {', '.join(row['not_passed']) or '–'} |"
                )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse 12 (installs it with npm)")
    parser.add_argument("--quick", action="store_true", help="one build per measure; scale 10 and 100 only")
    parser.add_argument("--scale", type=int, nargs="*", help="pages per language for (c), default 10 100 500")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    runs = 1 if args.quick else 7
    counts = args.scale if args.scale is not None else ([10, 100] if args.quick else [10, 100, 500])
    RESULTS.mkdir(exist_ok=True)
    results: dict = {
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
    }
    with tempfile.TemporaryDirectory(prefix="lc-bench-") as tmp, sync_playwright() as playwright:
        work = Path(tmp)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        print("(a) building with and without hooks…", file=sys.stderr)
        results["hooks"] = measure_hooks(work, runs)
        site = Path(results["hooks"].pop("site"))
        print("(b) bytes per page…", file=sys.stderr)
        results["pages"] = measure_pages(browser, site, KEY_PAGES)
        results["own_assets"] = own_assets(site)
        if counts:
            print(f"(c) scale run at {counts} pages per language…", file=sys.stderr)
            results["scale"] = measure_scale(browser, work, counts)
        browser.close()
        if args.lighthouse:
            print("(d) Lighthouse…", file=sys.stderr)
            results["lighthouse"] = measure_lighthouse(site)
    report = render(results)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "latest.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
