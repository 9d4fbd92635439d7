"""Accessibility: axe-core finds nothing in the open search dialog, in either language or palette; keyboard use
works. axe-core runs over every built page in both palettes in tests/test_every_page_browser.py.

axe-core comes bundled inside axe-playwright-python (axe.min.js is injected from the wheel: no network).
The rule set is WCAG 2.0/2.1/2.2 A and AA plus axe's best practices.
"""

import re

import pytest
from playwright.sync_api import expect
from site_pages import site_pages

axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
}
PALETTES = {"light": "default", "dark": "slate"}
PAGES = site_pages()


def describe(violations: list[dict]) -> list[str]:
    """One line per failing element: rule, impact, CSS target and axe's first hint."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            hint = " ".join(node.get("failureSummary", "").split())[:220]
            lines.append(f"{violation['id']} ({violation['impact']}) {node['target']}: {hint}")
    return lines


@pytest.fixture(params=list(PALETTES), ids=list(PALETTES))
def palette_page(request, browser, server):
    """A fresh page whose browser asks for the light or the dark colour scheme (Material follows it)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=request.param)
    page = context.new_page()
    page.palette = request.param
    yield page
    context.close()


def test_the_page_list_covers_every_built_page(built_site):
    built = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html"))
    assert built == sorted(PAGES)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_axe_finds_no_violations_in_the_open_search_dialog(palette_page, server, axe, language):
    palette_page.goto(server if language == "en" else f"{server}zh/")
    palette_page.locator(".md-header__button[for='__search']").first.click()
    field = palette_page.locator("input.md-search__input")
    field.fill("defamation")
    field.press("End")
    expect(palette_page.locator(".md-search-result__item").first).to_be_visible()
    expect(palette_page.locator(".md-search")).to_have_attribute("aria-label", re.compile(r"\S"))
    results = axe.run(palette_page, options=AXE_OPTIONS)
    assert describe(results.response["violations"]) == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_skip_link_is_the_first_stop_is_visible_and_moves_to_the_content(page, server, language):
    page.goto(f"{server}{'' if language == 'en' else 'zh/'}defamation/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_css("opacity", "1")
    expect(skip).to_have_text({"en": "Skip to content", "zh": "跳转至"}[language])
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{server}{'' if language == 'en' else 'zh/'}defamation/{target}")
    heading = page.locator(f"article {target}")
    expect(heading).to_be_in_viewport()


def outline_of(page) -> dict:
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), tag: document.activeElement.tagName}; }"
    )


@pytest.mark.parametrize("palette", list(PALETTES))
def test_keyboard_focus_is_visible_on_header_content_links_and_footer(browser, server, palette):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=palette)
    page = context.new_page()
    page.goto(f"{server}defamation/")
    seen = {"header": 0, "content": 0, "footer": 0}
    for _ in range(400):
        page.keyboard.press("Tab")
        region = page.evaluate(
            "() => { const e = document.activeElement;"
            " return e.closest('.md-header') ? 'header' : e.closest('.md-content') ? 'content'"
            " : e.closest('.md-footer') ? 'footer' : 'other'; }"
        )
        if region in seen:
            outline = outline_of(page)
            assert outline["style"] != "none" and outline["width"] >= 1, (region, outline)
            seen[region] += 1
        if seen["footer"]:
            break
    context.close()
    assert all(seen.values()), seen
