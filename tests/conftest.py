"""Shared fixtures: one strict build of the real site per test run, a local server for it, and Debian's Chromium."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import importlib.util
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Debian's headless shell: Chromium's own headless build (the same Blink and V8 as the `chromium` package, and
# what Playwright runs for headless tests), which takes half the CPU of the full browser started headless.
# CHROMIUM_PATH=/usr/bin/chromium runs every browser test in the full browser instead.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/lib/chromium/chromium-headless-shell")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_build(site_dir: Path, site_url: str, config: Path = ROOT / "mkdocs.yml", generator: str = "mkdocs"):
    """Build a config strictly into site_dir; return the finished process (output captured)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", generator, "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def bench_module(name: str):
    """A module of bench/ (not a package), e.g. the search harness the browser tests share with the bench."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


class SharedSite:
    """The real site, built once per test run however many workers run the tests, and served by the main
    process on one port (the pages name their own address, so every worker must use the same one).

    The main process (pytest's, or xdist's controller) starts the server in pytest_configure over a folder
    that is still empty; the first worker that needs the site builds it there under a file lock, and the
    others wait for that build and read its outcome, so a failed build is reported once per worker, not
    rebuilt."""

    def __init__(self, folder: Path, port: int):
        self.folder, self.port = folder, port
        self.site = folder / "site"
        self.url = f"http://127.0.0.1:{port}/"

    def as_dict(self) -> dict:
        return {"folder": str(self.folder), "port": self.port}

    def build(self) -> Path:
        outcome = self.folder / "build-outcome.json"
        with open(self.folder / "build.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if not outcome.exists():
                result = run_build(self.site, self.url)
                outcome.write_text(json.dumps({"returncode": result.returncode, "stderr": result.stderr[-5000:]}))
        result = json.loads(outcome.read_text())
        assert result["returncode"] == 0, f"strict build failed:\n{result['stderr']}"
        return self.site


def shared_site(config) -> SharedSite:
    settings = config.workerinput["lc_site"] if hasattr(config, "workerinput") else config.lc_site
    return SharedSite(Path(settings["folder"]), settings["port"])


@pytest.fixture(scope="session")
def site_url(pytestconfig) -> str:
    return shared_site(pytestconfig).url


@pytest.fixture(scope="session")
def built_site(pytestconfig) -> Path:
    """The real mkdocs.yml built once, strictly, with site_url pointing at the test server."""
    return shared_site(pytestconfig).build()


@pytest.fixture(scope="session")
def server(built_site, site_url):
    return site_url


@pytest.fixture(scope="session")
def axe():
    """axe-core for Playwright (its script is read once per worker)."""
    return pytest.importorskip("axe_playwright_python.sync_playwright").Axe()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium-headless-shell")
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


PAGE_SCRIPT = re.compile(r"/assets/bundles/lc-[0-9a-f]{12}\.js$")


@contextlib.contextmanager
def page_script_held(page):
    """Our one page script (the bundle of hooks/page_assets.py: the search and every page module) held back
    while the block runs, as on a slow phone where the reader taps before it arrives; it is let through when
    the block ends. Material's bundle comes after it in the page, so it waits too, as it would on that phone."""
    held = []

    def hold(route):
        held.append(route)

    page.route(PAGE_SCRIPT, hold)
    try:
        yield held
    finally:
        for route in held:
            route.continue_()
        page.unroute(PAGE_SCRIPT)


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
    if not hasattr(config, "workerinput"):  # the main process: serve the folder the site will be built in
        folder = Path(tempfile.mkdtemp(prefix="lc-site-"))
        handler = functools.partial(QuietHandler, directory=str(folder / "site"))
        config.lc_server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=config.lc_server.serve_forever, daemon=True).start()
        config.lc_site = SharedSite(folder, config.lc_server.server_address[1]).as_dict()
    config.addinivalue_line("markers", "browser: drives Chromium (left out by `make test-fast`)")
    config.addinivalue_line("markers", "validator: runs the Nu HTML Checker on Java (left out by `make test-fast`)")
    config.addinivalue_line("markers", "xdist_group(name): keeps tests on one pytest-xdist worker (set by conftest)")
    config.addinivalue_line(
        "markers", "preview: starts `make serve` and edits files under it (left out by `make test-fast`)"
    )


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """xdist's controller tells each worker where the shared site is built and served."""
    node.workerinput["lc_site"] = node.config.lc_site


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput") and hasattr(config, "lc_server"):
        config.lc_server.shutdown()
        shutil.rmtree(config.lc_site["folder"], ignore_errors=True)


def pytest_collection_modifyitems(items):
    """Every test that uses the browser, directly or through a fixture, is marked `browser`. A test that uses
    a module-scoped fixture (a scratch build, mostly) runs on the same worker as the rest of its module, so
    `-n auto --dist loadgroup` builds that fixture once."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        if any(defs and defs[-1].scope == "module" for defs in definitions.values()):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
