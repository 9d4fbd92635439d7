"""Privacy, as a browser sees it: opening the search box (which fetches its index lazily) loads only from our own
server, sets no cookie and logs no console error. Every page is held to the same in tests/test_every_page_browser.py,
with the Recorder defined here."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

LOCAL_SCHEMES = {"data", "blob", "about"}  # never leave the browser


class Recorder:
    """Everything one browser context asked for, every Set-Cookie it was sent, every console error it logged."""

    def __init__(self, context, page):
        self.requests: list[str] = []
        self.set_cookies: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("requestfailed", lambda request: self.failed.append(f"{request.url} {request.failure}"))
        context.on("response", self.on_response)
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def on_response(self, response):
        cookie = response.header_value("set-cookie")
        if cookie:
            self.set_cookies.append(f"{response.url}: {cookie}")
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status} {response.url}")

    def foreign(self, server: str) -> list[str]:
        origin = urlsplit(server)
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES
            and (urlsplit(url).hostname, urlsplit(url).port) != (origin.hostname, origin.port)
        ]


@pytest.fixture
def recorded(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    recorder = Recorder(context, page)
    yield page, recorder, context
    context.close()


def assert_private(recorder: Recorder, context, server: str):
    assert recorder.requests, "no request was recorded"
    assert recorder.foreign(server) == []
    assert recorder.set_cookies == []
    assert context.cookies() == []
    assert recorder.failed == []
    assert recorder.errors == []


@pytest.mark.parametrize("language", ["en", "zh"])
def test_searching_fetches_only_from_our_server(recorded, server, language):
    page, recorder, context = recorded
    page.goto(server if language == "en" else f"{server}zh/", wait_until="networkidle")
    page.locator(".md-header__button[for='__search']").first.click()
    field = page.locator("input.md-search__input")
    field.fill({"en": "evidence", "zh": "证据"}[language])
    field.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert_private(recorder, context, server)
