"""The "What should I do?" flowchart in real Chromium: every path in both languages, back, start again,
the URL keeping the position (reload, language switch), a keyboard-only walk, print, and no JavaScript."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import ROOT
from flowchart import all_paths
from flowchart_graph import parse
from playwright.sync_api import expect
from site_pages import own_files_of

MAX_PATHS = 200  # a sanity bound: more paths than this means the flowchart needs restructuring, not more tests


def load(language: str):
    source = ROOT / "docs" / language / "what-to-do.md"
    chart, errors = parse(source.read_text(encoding="utf-8"), str(source))
    assert chart is not None and errors == []
    return chart


CHARTS = {language: load(language) for language in ("en", "zh")}


def url_for(server: str, language: str, path: list[str] | None = None) -> str:
    prefix = "" if language == "en" else f"{language}/"
    query = f"?path={'.'.join(path)}" if path else ""
    return f"{server}{prefix}what-to-do/{query}"


def path_in(url: str) -> list[str]:
    values = parse_qs(urlparse(url).query).get("path")
    return values[0].split(".") if values else []


def widget(page):
    return page.locator("[data-lc-flowchart]")


def heading(page):
    return page.locator("[data-lc-fc-heading]")


def answer(page, label: str):
    return widget(page).locator(".lc-fc__answer").filter(has_text=re.compile(f"^{re.escape(label)}$"))


def label_of(chart, source: str, target: str) -> str:
    return next(a.label for a in chart.node_map()[source].answers if a.target == target)


def common_length(first: list[str], second: list[str]) -> int:
    length = 0
    while length < min(len(first), len(second)) and first[length] == second[length]:
        length += 1
    return length


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_path_reaches_its_outcome(page, server, language):
    """Every path clicked through as a reader would. The paths come depth first, so from one outcome the
    walk goes Back to where the next path branches off and answers down from there: each answer is clicked
    about once, instead of every path being answered again from the start (half the clicks)."""
    chart = CHARTS[language]
    nodes = chart.node_map()
    paths = all_paths(chart, limit=MAX_PATHS + 1)
    assert 0 < len(paths) <= MAX_PATHS
    page.goto(url_for(server, language))
    expect(heading(page)).to_have_text(nodes[chart.start].title)
    shown = [chart.start]
    for path in paths:
        branch = common_length(shown, path)
        while len(shown) > branch:
            widget(page).locator("[data-lc-fc-back]").click()
            shown.pop()
            expect(heading(page)).to_have_text(nodes[shown[-1]].title)
        for source, target in zip(path[branch - 1 :], path[branch:], strict=False):
            answer(page, label_of(chart, source, target)).click()
            shown.append(target)
            expect(heading(page)).to_have_text(nodes[target].title)
        outcome = nodes[path[-1]]
        assert outcome.kind == "outcome"
        assert path_in(page.url) == path
        expect(widget(page)).to_have_attribute("data-lc-fc-node", outcome.id)
        expect(widget(page).locator(".lc-fc__answer")).to_have_count(0)
        expect(widget(page).locator("[data-lc-fc-body] a").first).to_be_visible()
        expect(widget(page).locator("[data-lc-fc-summary-list] > li")).to_have_count(len(path) - 1)
    assert len(shown) > 1 and page.console_errors == []


def test_back_and_start_again(page, server):
    chart = CHARTS["en"]
    nodes = chart.node_map()
    walk = ["safety", "about-you", "seen", "true-or-false"]
    page.goto(url_for(server, "en"))
    for source, target in zip(walk, walk[1:], strict=False):
        answer(page, label_of(chart, source, target)).click()
    expect(heading(page)).to_have_text(nodes["true-or-false"].title)
    widget(page).locator("[data-lc-fc-back]").click()
    expect(heading(page)).to_have_text(nodes["seen"].title)
    expect(heading(page)).to_be_focused()
    assert path_in(page.url) == walk[:3]
    page.go_back()  # the phone's back gesture after Back: the question before, not the step just left
    expect(heading(page)).to_have_text(nodes["about-you"].title)
    assert path_in(page.url) == walk[:2]
    widget(page).locator(".lc-fc__change").first.click()  # change the first answer
    expect(heading(page)).to_have_text(nodes["safety"].title)
    assert path_in(page.url) == []
    answer(page, label_of(chart, "safety", "about-you")).click()
    widget(page).locator("[data-lc-fc-restart]").click()
    expect(heading(page)).to_have_text(nodes["safety"].title)
    expect(widget(page).locator("[data-lc-fc-summary]")).to_be_hidden()
    expect(widget(page).locator("[data-lc-fc-back]")).to_be_hidden()
    assert path_in(page.url) == []
    assert page.console_errors == []


def test_reload_keeps_the_position_and_a_bad_path_is_trimmed(page, server):
    nodes = CHARTS["en"].node_map()
    walk = ["safety", "about-you", "seen", "true-or-false", "know-poster", "where"]
    page.goto(url_for(server, "en", walk))
    expect(heading(page)).to_have_text(nodes["where"].title)
    page.reload()
    expect(heading(page)).to_have_text(nodes["where"].title)
    expect(widget(page).locator("[data-lc-fc-summary-list] > li")).to_have_count(len(walk) - 1)
    page.goto(url_for(server, "en", ["safety", "about-you", "norwich"]))
    expect(heading(page)).to_have_text(nodes["about-you"].title)
    assert path_in(page.url) == ["safety", "about-you"]
    assert page.console_errors == []


def test_an_anchor_or_overview_link_opens_the_guide_at_that_node(page, server):
    nodes = CHARTS["en"].node_map()
    page.goto(url_for(server, "en") + "#norwich")
    expect(heading(page)).to_have_text(nodes["norwich"].title)
    assert path_in(page.url)[-1] == "norwich"
    page.goto(url_for(server, "en").replace("what-to-do/", "what-to-do-overview/"))
    page.locator(".lc-fc-outline a[href$='#small-claims']").click()
    expect(heading(page)).to_have_text(nodes["small-claims"].title)
    assert path_in(page.url)[0] == "safety" and path_in(page.url)[-1] == "small-claims"
    assert page.console_errors == []


def test_switching_language_keeps_the_position(page, server):
    walk = ["safety", "about-you", "seen", "true-or-false", "know-poster", "anon-want"]
    page.goto(url_for(server, "en", walk))
    expect(heading(page)).to_have_text(CHARTS["en"].node_map()["anon-want"].title)
    page.locator(".md-header__option .md-select button").hover()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(re.compile(r"/zh/what-to-do/\?path="))
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    expect(heading(page)).to_have_text(CHARTS["zh"].node_map()["anon-want"].title)
    assert path_in(page.url) == walk
    assert page.console_errors == []


def test_a_keyboard_only_walk(page, server):
    chart = CHARTS["en"]
    nodes = chart.node_map()
    walk = ["safety", "under-18", "scam-help"]
    page.goto(url_for(server, "en"))
    expect(heading(page)).to_have_text(nodes["safety"].title)
    for source, target in zip(walk, walk[1:], strict=False):
        label = label_of(chart, source, target)
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.textContent.trim()") == label:
                break
        else:
            pytest.fail(f"Tab never reached the answer {label!r}")
        page.keyboard.press("Enter")
        expect(heading(page)).to_have_text(nodes[target].title)
        expect(heading(page)).to_be_focused()
    expect(widget(page).locator("[data-lc-fc-live]")).to_contain_text(nodes["scam-help"].title)
    assert path_in(page.url) == walk
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_print_shows_every_node_and_hides_the_widget(page, server, language):
    chart = CHARTS[language]
    page.goto(url_for(server, language, ["safety", "about-you"]))
    expect(widget(page)).to_be_visible()
    expect(page.locator("[data-lc-fc-doc]")).to_be_hidden()
    expect(page.locator(".lc-fc-overview a")).to_be_visible()
    page.emulate_media(media="print")
    expect(widget(page)).to_be_hidden()
    expect(page.locator(".lc-fc-overview")).to_be_hidden()  # a link is no use on paper; the document is there
    for node in chart.nodes:
        expect(page.locator(f"[data-lc-fc-doc] h2[id='{node.id}']")).to_be_visible()
    expect(page.locator(".lc-notice time")).to_be_visible()  # the review date, printed by the theme
    address = page.locator(".lc-fc-print")
    expect(address).to_be_visible()
    expect(address).to_contain_text(url_for(server, language))
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_the_overview_is_a_page_of_its_own_that_reads_and_prints_every_node(page, server, language):
    chart = CHARTS["zh" if language == "zh-Hant" else language]
    page.goto(url_for(server, language))
    page.locator(".lc-fc-overview a").click()
    overview = url_for(server, language).replace("what-to-do/", "what-to-do-overview/")
    page.wait_for_url(overview)
    page.emulate_media(media="print")
    for node in chart.nodes:
        link = page.locator(f".lc-fc-outline a[href='../what-to-do/#{node.id}']").first
        expect(link).to_be_visible()
    expect(page.locator(".lc-notice time")).to_be_visible()
    address = page.locator(".lc-fc-print")
    expect(address).to_be_visible()
    expect(address).to_contain_text(overview)
    assert page.console_errors == []


def test_without_javascript_the_document_is_a_click_through(browser, server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(url_for(server, "en"))
        expect(page.locator("[data-lc-flowchart]")).to_be_hidden()
        expect(page.locator("h2#safety")).to_be_visible()
        page.locator("[data-lc-fc-doc] a[href='#about-you']").first.click()
        page.wait_for_url(re.compile("#about-you$"))
        expect(page.locator("h2#about-you")).to_be_in_viewport()
        page.locator(".lc-fc-overview a").click()  # the overview, its own page, needs no script either
        expect(page.locator(".lc-fc-outline")).to_be_visible()
        page.locator(".lc-fc-outline a[href$='#norwich']").first.click()
        page.wait_for_url(re.compile("/what-to-do/#norwich$"))
        expect(page.locator("h2#norwich")).to_be_in_viewport()
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "zh"])
def test_if_the_script_never_arrives_the_loading_line_leads_to_the_document(browser, server, language):
    # With scripts on, the guide's frame replaces the document from the first paint (CSS alone); should the
    # page's script (its bundle holds lc-flowchart.js) fail to load, the reader can still open the whole
    # document and click through it.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        context.route(re.compile(r"assets/bundles/lc-[0-9a-f]+\.js$"), lambda route: route.abort())
        page = context.new_page()
        page.goto(url_for(server, language))
        loading = page.locator("[data-lc-fc-loading]")
        expect(loading).to_be_visible()
        expect(page.locator("[data-lc-fc-doc]")).to_be_hidden()
        expect(page.locator("[data-lc-fc-back]")).to_be_hidden()  # no controls that would do nothing
        loading.locator("a").click()
        expect(page.locator("h2#safety")).to_be_visible()
        page.locator("[data-lc-fc-doc] a[href='#about-you']").first.click()
        page.wait_for_url(re.compile("#about-you$"))
        expect(page.locator("h2#about-you")).to_be_in_viewport()  # the document stays open while walking it
    finally:
        context.close()


def test_nothing_in_view_moves_when_the_guide_starts(browser, server):
    # Until its script runs, the frame holds a screen's height, so the first question appearing pushes
    # nothing that a reader can see (no layout shift on a slow phone).
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        context.route(re.compile(r"assets/bundles/lc-[0-9a-f]+\.js$"), lambda route: route.abort())
        page = context.new_page()
        page.goto(url_for(server, "en"))
        frame = page.locator("[data-lc-flowchart]").bounding_box()
        assert frame["y"] + frame["height"] >= 844  # the frame reaches the bottom of the screen
    finally:
        context.close()


def test_with_the_script_the_loading_line_goes(page, server):
    page.goto(url_for(server, "en"))
    expect(heading(page)).not_to_be_empty()
    expect(page.locator("[data-lc-fc-loading]")).to_be_hidden()
    expect(page.locator("[data-lc-fc-doc]")).to_be_hidden()


def test_the_flowchart_assets_load_only_on_the_flowchart_page(built_site):
    for html in built_site.rglob("*.html"):
        loaded = own_files_of(built_site, html)
        is_flowchart = html.parent.name == "what-to-do"
        assert ("assets/javascripts/lc-flowchart.js" in loaded) == is_flowchart, html
        assert ("assets/stylesheets/lc-flowchart.css" in loaded) == is_flowchart, html
        is_overview = html.parent.name == "what-to-do-overview"
        assert ("assets/stylesheets/lc-flowchart-outline.css" in loaded) == is_overview, html


class ElementCount(HTMLParser):
    """Elements in a page's <body> as the browser builds them (void elements included, <template> content not)."""

    def __init__(self):
        super().__init__()
        self.count, self.in_body = 0, False

    def handle_starttag(self, tag, attrs):
        if self.in_body:
            self.count += 1
        self.in_body = self.in_body or tag == "body"


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_the_flowchart_page_stays_under_lighthouses_dom_size_warning(built_site, language):
    # Lighthouse's dom-size audit warns from about 800 elements in the body; the page had 1,021 while the
    # whole tree's outline was on it (contrib/performance.md, 2 December 2026). Now about 705.
    prefix = "" if language == "en" else f"{language}/"
    counter = ElementCount()
    counter.feed((built_site / prefix / "what-to-do" / "index.html").read_text(encoding="utf-8"))
    assert 500 < counter.count <= 760, counter.count
