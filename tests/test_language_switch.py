"""Switching language keeps the reader's place: the same page and the same section, both ways."""

import pytest
from playwright.sync_api import expect


def switch_to(page, language: str):
    page.locator(".md-header__option .md-select button").hover()
    page.locator(f'.md-select__link[hreflang="{language}"]').click()


@pytest.mark.parametrize(
    ("start", "section", "language", "target"),
    [
        ("defamation/", "deadlines", "zh", "zh/defamation/"),
        ("zh/defamation/", "deadlines", "en", "defamation/"),
        ("jurisdiction/", "", "zh", "zh/jurisdiction/"),
        ("zh/anonymous/", "norwich-orders", "en", "anonymous/"),
    ],
)
def test_switching_language_keeps_the_page_and_the_section(page, server, start, section, language, target):
    hash_ = f"#{section}" if section else ""
    page.goto(f"{server}{start}{hash_}")
    if section:
        expect(page.locator(f"#{section}")).to_be_in_viewport()
    switch_to(page, language)
    page.wait_for_url(f"{server}{target}{hash_}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    if section:
        expect(page.locator(f"#{section}")).to_be_in_viewport()
    assert page.console_errors == []


def test_there_and_back_again_keeps_the_section_and_the_query(page, server):
    page.goto(f"{server}defamation/?from=test#deadlines")
    switch_to(page, "zh")
    page.wait_for_url(f"{server}zh/defamation/?from=test#deadlines")
    switch_to(page, "en")
    page.wait_for_url(f"{server}defamation/?from=test#deadlines")
    expect(page.locator("#deadlines")).to_be_in_viewport()
