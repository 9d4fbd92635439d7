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
        ("zh/defamation/", "deadlines", "zh-Hant", "zh-Hant/defamation/"),
        ("zh-Hant/anonymous/", "norwich-orders", "en", "anonymous/"),
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


def test_ticks_and_the_flowchart_path_carry_over_to_the_traditional_edition(page, server):
    page.goto(f"{server}zh/checklists/")
    box = page.locator("input.lc-checklist__box").first
    box.check()
    item = box.get_attribute("data-lc-item")
    switch_to(page, "zh-Hant")
    page.wait_for_url(f"{server}zh-Hant/checklists/")
    expect(page.locator(f'input.lc-checklist__box[data-lc-item="{item}"]').first).to_be_checked()
    page.goto(f"{server}zh-Hant/what-to-do/?path=safety.about-you")
    expect(page.locator("[data-lc-fc-heading]")).not_to_be_empty()
    switch_to(page, "en")
    page.wait_for_url(f"{server}what-to-do/?path=safety.about-you")
    assert page.console_errors == []
