"""A reader in real Chromium: language switch, Chinese search, a clean console."""

from playwright.sync_api import expect


def test_switch_language_from_english_home_to_chinese_home(page, server):
    page.goto(server)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".md-header__option .md-select button").hover()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(f"{server}zh/")
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    assert page.console_errors == []
