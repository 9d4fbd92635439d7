"""Shared fixtures: one strict build of the real site, a local server for it, and Debian's Chromium."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_build(site_dir: Path, site_url: str, config: Path = ROOT / "mkdocs.yml", generator: str = "mkdocs"):
    """Build a config strictly into site_dir; return the finished process (output captured)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", generator, "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site_url(site_port) -> str:
    return f"http://127.0.0.1:{site_port}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_url) -> Path:
    """The real mkdocs.yml built once, strictly, with site_url pointing at the test server."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(site_dir, site_url)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-5000:]}"
    return site_dir


@pytest.fixture(scope="session")
def server(built_site, site_port, site_url):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site_url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser context and page; console errors and failed requests are collected on it."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-CA")
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()


def translation_report(docs: Path = ROOT / "docs") -> list[str]:
    """One line per Chinese page that is behind English, pending or missing (empty when all are current)."""
    from translation_report import report_lines

    return report_lines(docs)


def pytest_terminal_summary(terminalreporter):
    """End every test run with the translation report: behind pages are for translators, not a failure."""
    lines = translation_report()
    terminalreporter.section("translation report")
    terminalreporter.write_line("\n".join(lines) if lines else "every Chinese page is current with English")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write("## Translation report\n\n")
            handle.write("```text\n" + "\n".join(lines) + "\n```\n" if lines else "Every Chinese page is current.\n")


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium (left out by `make test-fast`)")
    config.addinivalue_line("markers", "validator: runs the Nu HTML Checker on Java (left out by `make test-fast`)")
    config.addinivalue_line(
        "markers", "preview: starts `make serve` and edits files under it (left out by `make test-fast`)"
    )


def pytest_collection_modifyitems(items):
    """Every test that uses the browser, directly or through a fixture, is marked `browser`."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
