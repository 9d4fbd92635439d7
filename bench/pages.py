"""(b) bytes on the wire and (d) Lighthouse, for bench/run.py: the built site served by a local
gzip-compressing server, loaded by Chromium (Playwright) and by Lighthouse 12."""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from local_site import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
# The site is built for the address it is served at: absolute links (hreflang, the language selector's
# sitemap look-ups) must reach the local server, or the browser logs refused connections.
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SITE_URL = f"http://127.0.0.1:{PORT}/"
LIGHTHOUSE = "lighthouse@12.2.3"
LIGHTHOUSE_RUNS = 5  # the median of five, as Lighthouse's own guidance on variability suggests
KEY_PAGES = {"home": "", "article": "defamation/", "checklists": "checklists/", "what-to-do": "what-to-do/"}
# Every page type, in every edition (the 404 page is asked for by name: the bench's server has no 404 rule).
LIGHTHOUSE_PAGES = {
    "home": "",
    "article": "defamation/",
    "checklists": "checklists/",
    "flowchart": "what-to-do/",
    "summary": "for-your-lawyer/",
    "404": "404.html",
}
LIGHTHOUSE_EDITIONS = ("en", "zh", "zh-Hant")
OWN_ASSETS_KB = 15


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


def own_assets(site: Path, pages: dict[str, str] | None = None) -> dict:
    """gzip size of our own JS and CSS: each file as built (minified by hooks/minify_assets.py), and what each
    key page of each edition loads of ours (its two bundles from hooks/page_assets.py, lc-search.js inside), which
    is what the budget counts."""
    docs = ROOT / "docs"
    files = sorted((docs / "assets" / "javascripts").glob("*.js")) + sorted(
        (docs / "assets" / "stylesheets").glob("*.css")
    )
    built = {f.name: site / f.relative_to(docs) for f in files}
    sizes = {name: len(gzip.compress(path.read_bytes(), compresslevel=6)) for name, path in built.items()}
    per_page = {}
    for language in LIGHTHOUSE_EDITIONS:
        prefix = "" if language == "en" else f"{language}/"
        for name, path in (pages or KEY_PAGES).items():
            html_path = site / prefix / (path if path.endswith(".html") else f"{path}index.html")
            html = html_path.read_text(encoding="utf-8")
            loaded = re.findall(r'(?:href|src)="[^"]*?(assets/(?:bundles|javascripts)/lc-[\w.-]+\.(?:css|js))"', html)
            per_page[f"{language}/{name}"] = sum(
                len(gzip.compress((site / url).read_bytes(), compresslevel=6)) for url in dict.fromkeys(loaded)
            )
    return {
        "files": sizes,
        "total": sum(sizes.values()),
        "per_page": per_page,
        "per_page_max": max(per_page.values(), default=0),
        "target_kb": OWN_ASSETS_KB,
    }


def measure_pages(browser, site: Path, pages: dict[str, str]) -> dict:
    httpd, base = serve(site)
    try:
        results = {}
        for language in LIGHTHOUSE_EDITIONS:
            prefix = "" if language == "en" else f"{language}/"
            for name, path in pages.items():
                results[f"{language}/{name}"] = transferred(browser, f"{base}{prefix}{path}")
        return results
    finally:
        httpd.shutdown()
        httpd.server_close()


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


def measure_lighthouse(site: Path, runs: int = LIGHTHOUSE_RUNS) -> dict:
    binary = lighthouse_binary()
    if binary is None:
        return {"skipped": "node/npm not found"}
    httpd, base = serve(site)
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    results = {}
    try:
        for language in LIGHTHOUSE_EDITIONS:
            prefix = "" if language == "en" else f"{language}/"
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
                for _ in range(runs):
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
                tbt = [round(r["audits"]["total-blocking-time"]["numericValue"]) for r in reports]
                results[f"{language}/{name}"] = {
                    "scores": scores,
                    "tbt_ms": round(report["audits"]["total-blocking-time"]["numericValue"]),
                    "tbt_runs_ms": tbt,
                    "performance_runs": performance,
                    "not_passed": failed[:12],
                }
    finally:
        httpd.shutdown()
        httpd.server_close()
    return results
