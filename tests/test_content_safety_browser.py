"""The Content-Security-Policy as Chromium enforces it: the real pages break none of it with every feature
in use (each page on load: tests/test_every_page_browser.py), attacks that the build's allowlist would stop are blocked by the browser too when that check is
switched off, and a build whose site_url names another origin still makes no request there."""

from __future__ import annotations

import contextlib
import functools
import re
import threading
import urllib.request
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import QuietHandler, free_port, run_build
from test_bad_inputs import CASES, apply
from test_build import copy_project

COLLECT_VIOLATIONS = """
window.lcViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.lcViolations.push(event.effectiveDirective + " " + (event.blockedURI || "inline"));
});
"""
# The attacks that would run or load something in a browser if they reached the site.
ATTACKS = [case for case in CASES if case["stopped_by"] in ("csp", "both")]


@contextlib.contextmanager
def serving(directory: Path):
    port = free_port()
    httpd = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        httpd.shutdown()


def new_page(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script(COLLECT_VIOLATIONS)
    page = context.new_page()
    page.requested = []
    context.on("request", lambda request: page.requested.append(request.url))
    return context, page


def violations(page) -> list[str]:
    return page.evaluate("window.lcViolations")


def test_every_built_page_carries_the_policy_and_no_referrer(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        head = html.split("</head>")[0]
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert policy, path
        directives = dict(part.strip().split(" ", 1) for part in policy[1].split(";"))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert directives["frame-src"] == "'none'" and directives["base-uri"] == "'self'"
        assert directives["img-src"] == "'self' data:" and directives["form-action"] == "'self'"
        sources = directives["script-src"].split()
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
        assert '<meta name="referrer" content="no-referrer">' in head
        assert head.index("Content-Security-Policy") < head.find("<script")


@pytest.mark.parametrize("language", ["", "zh/", "zh-Hant/"])
def test_every_feature_in_use_breaks_no_rule_of_the_policy(browser, server, language):
    context, page = new_page(browser)
    page.goto(f"{server}{language}checklists/")
    page.locator("input.lc-checklist__box").first.check()
    page.locator("label.md-search__icon, .md-header__button[for='__search']").first.click()
    field = page.locator("input.md-search__input")
    field.fill("WeChat" if not language else "诽谤")
    field.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    page.goto(f"{server}{language}what-to-do/")
    page.locator("[data-lc-flowchart] .lc-fc__answer").first.click()
    page.goto(f"{server}{language}defamation/")
    glossary = page.locator("a.lc-term").first
    if glossary.count():
        glossary.click()
    with page.expect_navigation():
        page.locator(".md-select__link:not([hreflang='en'])").first.dispatch_event("click")
    page.wait_for_load_state("load")
    assert violations(page) == []
    assert all(urlsplit(url).netloc == urlsplit(server).netloc for url in page.requested if url.startswith("http"))
    context.close()


@pytest.fixture(scope="module")
def attacked_site(tmp_path_factory):
    """The corpus's attacks built into a scratch copy with the allowlist check switched off."""
    tmp_path = tmp_path_factory.mktemp("attacked")
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/content_safety.py\n", ""))
    for case in ATTACKS:
        apply(project, case)
    result = run_build(tmp_path / "site", "http://127.0.0.1:1/", config=config)
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp_path / "site"


def page_of(case: dict) -> str:
    language, _, name = case["file"].removeprefix("docs/").partition("/")
    slug = "" if name == "index.md" else name.removesuffix(".md") + "/"
    return ("" if language == "en" else f"{language}/") + slug


@pytest.mark.parametrize("case", ATTACKS, ids=[case["id"] for case in ATTACKS])
def test_the_browser_blocks_each_attack_when_the_build_check_is_off(browser, attacked_site, case):
    with serving(attacked_site) as address:
        context, page = new_page(browser)
        page.goto(address + page_of(case))
        page.wait_for_load_state("load")
        for selector in ("[onmouseover]", "[onclick]", "a[href^='javascript' i]", "a[href^='JaVaScRiPt']"):
            for element in page.locator(selector).all():
                with contextlib.suppress(Exception):
                    element.hover(timeout=2000)
                    element.click(timeout=2000, no_wait_after=True)
        # A blocked javascript: link reports its violation after the click returns: wait for the report.
        with contextlib.suppress(Exception):
            page.wait_for_function("window.lcViolations.length > 0", timeout=5000)
        assert page.evaluate("typeof window.lcPwned") == "undefined"
        foreign = [url for url in page.requested if url.startswith("http") and not url.startswith(address)]
        assert foreign == [] or violations(page), foreign
        assert violations(page), f"{case['id']}: the browser reported no blocked script or load"
        context.close()


def test_the_corpus_says_what_stops_each_attack():
    cases = yaml.safe_load((Path(__file__).parent / "bad_inputs" / "cases.yml").read_text(encoding="utf-8"))
    assert all(case.get("stopped_by") for case in cases)


@pytest.fixture(scope="module")
def elsewhere_build(tmp_path_factory):
    """One build for an address on another origin and under a sub-path, /site/ (GitHub Pages without a
    custom domain serves /<repository>/), served here under /site/ from a different port."""
    host = tmp_path_factory.mktemp("host")
    wrong = f"http://127.0.0.1:{free_port()}/site/"
    # The same build also asks for web fonts, as a contributor might: overrides/main.html must keep them off.
    project = copy_project(tmp_path_factory.mktemp("fonts"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("  font: false\n") == 1
    config.write_text(text.replace("  font: false\n", "  font:\n    text: Roboto\n"), encoding="utf-8")
    result = run_build(host / "site", wrong, config=config)
    assert result.returncode == 0, result.stderr[-3000:]
    with serving(host) as address:
        yield wrong, address + "site/"


def visit_and_switch_language(browser, address: str):
    context, page = new_page(browser)
    page.failed = []
    page.on("response", lambda response: response.status >= 400 and page.failed.append(response.url))
    for path in ("", "zh/what-to-do/", "zh-Hant/checklists/", "checklists/"):
        page.goto(address + path)
        page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.locator(".md-select__link[hreflang='en']").first.dispatch_event("click")
    page.wait_for_load_state("networkidle")
    return context, page


def test_a_build_whose_site_url_names_another_origin_requests_nothing_from_it(browser, elsewhere_build):
    wrong, address = elsewhere_build
    context, page = visit_and_switch_language(browser, address)
    assert [url for url in page.requested if url.startswith(wrong.removesuffix("site/"))] == []
    assert [url for url in page.requested if url.startswith("http") and not url.startswith(address)] == []
    assert violations(page) == []
    context.close()


def test_web_fonts_stay_off_even_when_mkdocs_yml_asks_for_them(elsewhere_build):
    _, address = elsewhere_build
    for path in ("", "zh/", "zh-Hant/what-to-do/"):
        with urllib.request.urlopen(address + path) as response:
            page = response.read().decode("utf-8")
        assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page, path


def test_a_build_for_a_sub_path_works_served_under_that_path(browser, elsewhere_build):
    _, address = elsewhere_build
    context, page = visit_and_switch_language(browser, address)
    assert page.url.startswith(address)
    assert page.failed == [] and violations(page) == []
    context.close()
