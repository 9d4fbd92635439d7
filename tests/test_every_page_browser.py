"""Every built page in real Chromium, in one browser tab each: privacy, the security policy, axe-core in both
palettes, a 320-pixel screen, and storage blocked.

Four checks used to open each of the 51 pages on their own (axe in each palette, the policy, privacy,
storage blocked): about 230 page loads. Here each page is opened once, switched to the dark palette with
its own toggle as a reader would, then reloaded with storage blocked, and the test reports every check
that failed, by name:

- privacy: nothing requested from another origin, no cookie, no failed request, no console error, over
  everything the tab did (checked last: a fetch that comes late after the first load, while axe runs for
  about a second, counts);
- no Content-Security-Policy violation, on screen, for print, in the dark palette, with storage blocked;
- axe-core's WCAG A/AA and best-practice rules in the light palette; in the dark one, the rules that
  depend on colour (the markup is the same in both palettes, so the others would only repeat);
- at 320 px wide, no sideways scrolling;
- with localStorage and sessionStorage throwing, as in a locked-down in-app browser, no error.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from site_pages import site_pages, url_of
from test_accessibility import AXE_OPTIONS, describe
from test_content_safety_browser import COLLECT_VIOLATIONS, violations
from test_phone_browser import BLOCK_STORAGE
from test_privacy import Recorder

PAGES = site_pages()
COLOUR_RULES = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}
# Storage is blocked only once the test has named the tab so: window.name survives the reload.
BLOCK_STORAGE_WHEN_ASKED = f'if (window.name === "lc-block-storage") {{ {BLOCK_STORAGE} }}'


def axe_problems(page, axe, options: dict) -> list[str]:
    """axe-core over the page as it is now. Its 550 KB script is put into the page once, for both palettes
    (the toggle does not reload the page); axe-playwright-python's run() would inject it each time."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe.axe_script)
    return describe(page.evaluate("(options) => axe.run(document, options)", options)["violations"])


@pytest.mark.parametrize("page_path", PAGES)
def test_every_page_is_private_within_the_policy_and_accessible(browser, server, axe, page_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
    context.add_init_script(COLLECT_VIOLATIONS)
    context.add_init_script(BLOCK_STORAGE_WHEN_ASKED)
    page = context.new_page()
    recorder = Recorder(context, page)  # console errors, uncaught errors and HTTP errors go to .errors
    found: dict[str, list[str]] = {}
    try:
        page.goto(url_of(server, page_path))
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
        expect(page.locator("h1").first).to_be_visible()
        page.emulate_media(media="print")
        page.emulate_media(media="screen")
        found["axe, light palette"] = axe_problems(page, axe, AXE_OPTIONS)

        page.locator("form[data-md-component='palette'] label:visible").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        found["axe, dark palette (colour rules)"] = axe_problems(page, axe, COLOUR_RULES)
        found["policy violations (screen, print, dark)"] = violations(page)
        page.set_viewport_size({"width": 320, "height": 640})  # the narrowest phone still sold
        width = page.evaluate("document.documentElement.scrollWidth")
        found["sideways scrolling at 320 px"] = [f"the page is {width} px wide"] if width > 320 else []
        found["errors"] = list(recorder.errors)

        page.evaluate("window.name = 'lc-block-storage'")
        page.reload()  # storage blocked is about errors; late fetches were caught while axe ran on the first load
        expect(page.locator("h1").first).to_be_visible()
        assert page.evaluate("(() => { try { localStorage; return false; } catch (e) { return true; } })()")
        found["errors with storage blocked"] = recorder.errors[len(found["errors"]) :]
        found["policy violations with storage blocked"] = violations(page)

        assert recorder.requests, "no request was recorded"
        found["requests to another origin"] = recorder.foreign(server)
        found["cookies set"] = recorder.set_cookies + [str(cookie) for cookie in context.cookies()]
        found["failed requests"] = recorder.failed
    finally:
        context.close()
    assert {check: lines for check, lines in found.items() if lines} == {}
