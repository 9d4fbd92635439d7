"""Quick exit: the control is on every page in both languages; the link and Esc Esc replace the page with the
neutral site (answered here by a local stub, so nothing reaches the network); without JavaScript it is a link."""

import re

import pytest
from playwright.sync_api import expect
from quick_exit import QuickExit, quick_exit_for
from site_pages import own_files_of, site_pages

NEUTRAL = "https://weather.gc.ca/"
STUB = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather forecasts</h1></html>"
LABELS = {"en": "Leave this site quickly", "zh": "快速离开本网站", "zh-Hant": "快速離開本網站"}


def test_the_strings_are_read_in_each_language_with_the_english_address_as_fallback():
    assert quick_exit_for("en") == (QuickExit("Leave this site quickly", "or press Esc twice", NEUTRAL), [])
    assert quick_exit_for("zh") == (QuickExit("快速离开本网站", "或连按两次 Esc 键", NEUTRAL), [])


def test_an_address_that_is_not_absolute_https_is_reported():
    table = {
        "quick_exit_label": {"en": "Leave"},
        "quick_exit_hint": {"en": "Esc Esc"},
        "quick_exit_url": {"en": "weather.gc.ca"},
    }
    _, errors = quick_exit_for("zh", table)
    assert errors == [
        "hooks/data/ui-strings.yml: quick_exit_url (zh) must be an absolute https:// address of a neutral site, "
        "got 'weather.gc.ca'. Fix: use e.g. https://weather.gc.ca/"
    ]


@pytest.mark.parametrize("page_path", site_pages())
def test_every_built_page_has_the_control_in_its_language(built_site, page_path):
    html = (built_site / page_path).read_text(encoding="utf-8")
    label = LABELS[page_path.split("/")[0] if page_path.startswith(("zh/", "zh-Hant/")) else "en"]
    link = re.search(r'<a class="lc-quick-exit__link" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert link and link.groups() == (NEUTRAL, label)
    loaded = own_files_of(built_site, built_site / page_path)
    assert "assets/javascripts/lc-quick-exit.js" in loaded and "assets/stylesheets/lc-quick-exit.css" in loaded


@pytest.fixture
def phone(browser, server):
    """A 320 px wide phone whose requests to the neutral site are answered by a local stub."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="en-CA")
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(status=200, content_type="text/html", body=STUB))
    page = context.new_page()
    yield page
    context.close()


def open_two_pages(page, server) -> str:
    """The home page, then the scams page with a query and a fragment: two entries in the tab's history."""
    page.goto(server)
    scams = f"{server}scams/?path=blackmail#where-to-report"
    page.goto(scams)
    expect(page.locator("a.lc-quick-exit__link")).to_be_visible()
    return scams


def assert_left_for_the_neutral_site(page, server, entries: int):
    expect(page).to_have_url(NEUTRAL)
    expect(page.locator("h1")).to_have_text("Weather forecasts")
    assert page.evaluate("history.length") == entries  # replaced, not added
    page.go_back()
    # Back reaches the page read before, never the page that was left; earlier pages cannot be removed.
    expect(page).to_have_url(server)
    page.go_forward()
    expect(page).to_have_url(NEUTRAL)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_bar_is_visible_on_a_320_px_phone_and_covers_nothing_at_the_end(phone, server, language):
    phone.goto(f"{server}{'' if language == 'en' else 'zh/'}defamation/")
    link = phone.locator("a.lc-quick-exit__link")
    expect(link).to_be_visible()
    expect(link).to_have_text(LABELS[language])
    expect(link).to_be_in_viewport(ratio=1)
    # Instant, not smooth: the positions below are read once the page is at its very end.
    phone.evaluate("window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'})")
    footer = phone.locator(".md-footer-meta")
    expect(footer).to_be_in_viewport(ratio=1)
    footer_bottom = footer.bounding_box()["y"] + footer.bounding_box()["height"]
    assert footer_bottom <= phone.locator(".lc-quick-exit").bounding_box()["y"] + 0.5
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_link_replaces_the_page_with_the_neutral_site(phone, server):
    open_two_pages(phone, server)
    entries = phone.evaluate("history.length")
    phone.locator("a.lc-quick-exit__link").click()
    assert_left_for_the_neutral_site(phone, server, entries)


def test_escape_twice_replaces_the_page_with_the_neutral_site(phone, server):
    open_two_pages(phone, server)
    entries = phone.evaluate("history.length")
    phone.keyboard.press("Escape")
    phone.keyboard.press("Escape")
    assert_left_for_the_neutral_site(phone, server, entries)


def test_escape_presses_further_apart_than_one_and_a_half_seconds_do_not_leave(phone, server):
    phone.clock.install()
    scams = open_two_pages(phone, server)
    phone.keyboard.press("Escape")
    phone.clock.fast_forward(1600)
    phone.keyboard.press("Escape")  # too late to pair with the first: it starts a new pair
    expect(phone).to_have_url(scams)
    phone.keyboard.press("Escape")  # pairs with the second
    expect(phone).to_have_url(NEUTRAL)


def test_another_key_between_the_two_escapes_does_not_leave(phone, server):
    scams = open_two_pages(phone, server)
    phone.keyboard.press("Escape")
    phone.keyboard.press("ArrowDown")
    phone.keyboard.press("Escape")
    expect(phone).to_have_url(scams)
    phone.keyboard.press("Escape")
    expect(phone).to_have_url(NEUTRAL)


def test_while_leaving_the_page_is_hidden_and_its_entry_no_longer_names_it(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    # 204 No Content: the browser abandons the navigation and keeps showing the old document, as it does while a
    # slow neutral site is still loading, so what the reader would see meanwhile can be inspected.
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(status=204))
    page = context.new_page()
    open_two_pages(page, server)
    with page.expect_response(f"{NEUTRAL}**"):
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    expect(page.locator("html")).to_have_css("visibility", "hidden")
    assert page.evaluate("location.href") == server
    context.close()


def test_without_javascript_the_control_is_a_plain_link_to_the_neutral_site(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(status=200, content_type="text/html", body=STUB))
    page = context.new_page()
    page.goto(f"{server}zh/scams/")
    link = page.locator("a.lc-quick-exit__link")
    expect(link).to_be_visible()
    expect(link).to_have_text(LABELS["zh"])
    link.click()
    expect(page).to_have_url(NEUTRAL)
    context.close()
