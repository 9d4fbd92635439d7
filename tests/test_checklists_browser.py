"""A reader ticking checklists in real Chromium."""

import re

import pytest
from conftest import page_script_held
from playwright.sync_api import expect

EVIDENCE = '.lc-checklist[data-lc-checklist="preserve-evidence"]'


def box(page, item: str):
    return page.locator(f'{EVIDENCE} input[data-lc-item="{item}"]')


def open_checklists(page, server, language="en"):
    page.goto(f"{server}{'' if language == 'en' else language + '/'}checklists/")
    expect(page.locator(f"{EVIDENCE} .lc-checklist__progress")).to_have_text(re.compile(r"\d"))


def test_ticks_survive_reload_and_show_on_the_source_page_and_in_chinese(page, server):
    open_checklists(page, server)
    progress = page.locator(f"{EVIDENCE} .lc-checklist__progress")
    expect(progress).to_have_text("0 of 8 done")
    box(page, "screenshots").check()
    box(page, "witnesses").check()
    expect(progress).to_have_text("2 of 8 done")

    page.reload()
    expect(box(page, "screenshots")).to_be_checked()
    expect(box(page, "witnesses")).to_be_checked()
    expect(box(page, "backup")).not_to_be_checked()

    page.goto(f"{server}online/")
    expect(box(page, "screenshots")).to_be_checked()

    page.goto(f"{server}checklists/")
    page.locator(".md-header__option .md-select button").hover()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(f"{server}zh/checklists/")
    expect(page.locator(f"{EVIDENCE} .lc-checklist__progress")).to_have_text("已完成 2/8")
    expect(box(page, "witnesses")).to_be_checked()
    assert page.console_errors == []


def test_a_tick_made_before_the_script_arrives_is_kept_and_saved(page, server):
    with page_script_held(page) as held:
        page.goto(f"{server}checklists/", wait_until="commit")
        box(page, "screenshots").check()  # the boxes are in the built page; the script is still on its way
        assert held and page.locator(f"{EVIDENCE}[data-lc-ready]").count() == 0
    progress = page.locator(f"{EVIDENCE} .lc-checklist__progress")
    expect(progress).to_have_text("1 of 8 done")
    expect(box(page, "screenshots")).to_be_checked()
    page.reload()
    expect(progress).to_have_text("1 of 8 done")
    expect(box(page, "screenshots")).to_be_checked()
    assert page.console_errors == []


def test_clear_asks_first_and_then_forgets_the_ticks(page, server):
    open_checklists(page, server)
    box(page, "backup").check()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator(f"{EVIDENCE} .lc-checklist__clear").click()
    expect(box(page, "backup")).to_be_checked()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"{EVIDENCE} .lc-checklist__clear").click()
    expect(box(page, "backup")).not_to_be_checked()
    page.reload()
    expect(box(page, "backup")).not_to_be_checked()


def test_storage_that_throws_still_lets_the_reader_tick(page, server):
    page.add_init_script(
        # Only our keys fail, so that any error in the console would be ours, not the theme's.
        """for (const name of ['getItem', 'setItem', 'removeItem']) {
             const real = Storage.prototype[name];
             Storage.prototype[name] = function (key, ...rest) {
               if (String(key).startsWith('lc-checklist:')) throw new DOMException('blocked', 'SecurityError');
               return real.call(this, key, ...rest);
             };
           }"""
    )
    open_checklists(page, server)
    box(page, "context").check()
    expect(page.locator(f"{EVIDENCE} .lc-checklist__progress")).to_have_text("1 of 8 done")
    expect(page.locator(f"{EVIDENCE} .lc-checklist__unsaved")).to_be_visible()
    assert page.console_errors == []


def test_corrupt_storage_is_ignored_and_replaced(page, server):
    page.add_init_script("""localStorage.setItem('lc-checklist:preserve-evidence', '{not json');""")
    open_checklists(page, server)
    expect(page.locator(f"{EVIDENCE} .lc-checklist__progress")).to_have_text("0 of 8 done")
    box(page, "recording").check()
    stored = page.evaluate("localStorage.getItem('lc-checklist:preserve-evidence')")
    assert stored == '{"v":1,"done":{"recording":true}}'
    assert page.console_errors == []


def test_keyboard_only_ticking(page, server):
    open_checklists(page, server)
    page.locator(f"{EVIDENCE} .lc-checklist__privacy").click()  # start just above the list
    first = box(page, "screenshots")
    for _ in range(10):
        page.keyboard.press("Tab")
        if first.evaluate("element => element === document.activeElement"):
            break
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    expect(first).to_be_checked()


def test_checkboxes_are_named_by_their_item_text(page, server):
    open_checklists(page, server)
    expect(page.get_by_role("checkbox", name=re.compile("^Write down who saw it"))).to_have_count(1)


def test_print_shows_only_the_checklist_with_address_and_hides_navigation(page, server):
    open_checklists(page, server)
    box(page, "screenshots").check()
    page.evaluate("window.print = () => {}")  # the button's own print dialog cannot be driven headless
    page.locator(f"{EVIDENCE} .lc-checklist__print").click()
    page.emulate_media(media="print")
    evidence = page.locator(EVIDENCE)
    expect(evidence.locator(".lc-checklist__print-info")).to_be_visible()
    expect(evidence.locator(".lc-checklist__address")).to_have_text(f"{server}checklists/")
    expect(evidence.locator(".lc-checklist__qr")).to_be_visible()
    expect(evidence.locator(".lc-checklist__printed")).not_to_be_empty()
    expect(page.locator('.lc-checklist[data-lc-checklist="scam-blackmail"]')).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(evidence.locator(".lc-checklist__controls")).to_be_hidden()
    expect(box(page, "screenshots")).to_be_checked()


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_checklist_fits_one_sheet_without_a_blank_trailing_page(page, server, language, paper):
    open_checklists(page, server, language)
    box(page, "screenshots").check()
    page.evaluate("window.print = () => {}")
    page.locator(f"{EVIDENCE} .lc-checklist__print").click()
    expect(page.locator("html.lc-print-checklist")).to_have_count(1)
    assert pdf_page_count(page.pdf(format=paper)) == 1


def test_the_traditional_printout_is_in_traditional_characters_with_its_own_address(page, server):
    import io
    import unicodedata

    from pypdf import PdfReader

    open_checklists(page, server, "zh-Hant")
    box(page, "screenshots").check()
    page.evaluate("window.print = () => {}")
    page.locator(f"{EVIDENCE} .lc-checklist__print").click()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    text = unicodedata.normalize("NFKC", text).replace(" ", "").replace("\n", "")
    assert f"{server}zh-Hant/checklists/" in text
    assert "繁體中文" in text and "證據" in text
    assert "证据" not in text and "简体" not in text  # nothing Simplified left in the printout
