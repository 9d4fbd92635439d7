"""Glossary terms: parsing the glossary pages, marking terms in page HTML, and the tooltip in Chromium."""

import re

import pytest
from conftest import ROOT
from glossary_terms import Term, mark_terms, parse_glossary, plain_text, term_from_heading
from playwright.sync_api import expect

DOCS = ROOT / "docs"
TERMS = [
    Term("defendant", "被告", "被起诉的一方。"),
    Term("libel", "书面诽谤", "以较持久的形式作出的诽谤。"),
    Term("defamation", "诽谤", "损害名誉的言论。"),
    Term("anti-slapp-motion", "反SLAPP动议", "请求法院提早终止诉讼。"),
]
ENGLISH_TERMS = [
    Term("libel", "Libel", "Defamation in a lasting form."),
    Term("fair-comment", "Fair comment", "A defence for opinions."),
    Term("small-claims-court", "Small Claims Court", "An Ontario court for smaller money claims."),
]


def marked(html: str, terms=TERMS) -> list[str]:
    """The words marked in html, in order."""
    result, _ = mark_terms(html, terms, "../glossary/")
    return re.findall(r'<a class="lc-term__word" href="[^"]*"[^>]*>([^<]*)</a>', result)


# --- parsing -------------------------------------------------------------------------------------------


def test_heading_gives_the_term_without_the_bracketed_english():
    assert term_from_heading("诺威奇令（Norwich order）") == "诺威奇令"
    assert term_from_heading("Norwich order") == "Norwich order"


def test_plain_text_keeps_link_words_and_drops_marks():
    assert (
        plain_text("See *[Grant v. Torstar](https://x)*, **2009** `SCC`\n61.") == "See Grant v. Torstar, 2009 SCC 61."
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_real_glossaries_give_every_entry_a_term_and_its_explanation(language):
    text = (DOCS / language / "glossary.md").read_text(encoding="utf-8")
    terms, problems = parse_glossary(text, f"docs/{language}/glossary.md")
    assert problems == []
    assert len(terms) == text.count("\n### ") > 30
    by_id = {term.id: term for term in terms}
    if language == "zh":
        assert by_id["norwich-order"].term == "诺威奇令"
        assert by_id["norwich-order"].explanation.startswith("法院命令第三方")
        assert by_id["anti-slapp-motion"].term == "反SLAPP动议"
    else:
        assert by_id["norwich-order"].term == "Norwich order"
        assert by_id["defamation"].explanation.startswith("Saying something about a person, to someone else,")
    assert not any(term.explanation.startswith(("中文：", "英文：")) for term in terms)


def test_an_entry_without_explanation_is_reported_with_file_and_line():
    text = "## Terms { #terms }\n\n### Tort { #tort }\n\n中文：**侵权**\n\n### Duty { #duty }\n\nA legal obligation.\n"
    terms, problems = parse_glossary(text, "docs/en/glossary.md")
    assert [t.id for t in terms] == ["duty"]
    assert [str(p) for p in problems] == ["docs/en/glossary.md:3: glossary entry 'tort' has no explanation paragraph"]


# --- marking -------------------------------------------------------------------------------------------


def test_a_chinese_term_inside_running_chinese_text_is_marked_once_with_its_explanation():
    html = "<p>对方可能提出反SLAPP动议，要求法院驳回。</p><p>反SLAPP动议的费用很高。</p>"
    result, ids = mark_terms(html, TERMS, "../glossary/")
    assert ids == ["anti-slapp-motion"]
    assert result.count("lc-term__word") == 1
    assert (
        '<span class="lc-term"><a class="lc-term__word" href="../glossary/#anti-slapp-motion" '
        'aria-describedby="lc-term-anti-slapp-motion">反SLAPP动议</a><span class="lc-term__tip" '
        'id="lc-term-anti-slapp-motion" role="tooltip">请求法院提早终止诉讼。</span></span>'
    ) in result


def test_chinese_terms_respect_word_boundaries_and_prefer_the_longer_term():
    assert marked("<p>他被告知要出庭。</p>") == []
    assert marked("<p>他被告知要出庭，但被告没有来。</p>") == ["被告"]
    assert marked("<p>这是书面诽谤。以后再谈诽谤。</p>") == ["书面诽谤", "诽谤"]


def test_headings_links_code_and_admonition_titles_are_left_alone():
    html = (
        '<h2 id="x">诽谤</h2><p><a href="defamation/">诽谤</a> <code>被告</code></p>'
        '<p class="admonition-title">书面诽谤</p><pre><code>反SLAPP动议</code></pre><p>后来的诽谤。</p>'
    )
    result, ids = mark_terms(html, TERMS, "../glossary/")
    assert ids == ["defamation"]
    assert result.startswith('<h2 id="x">诽谤</h2><p><a href="defamation/">诽谤</a> <code>被告</code></p>')
    assert '后来的<span class="lc-term">' in result


def test_a_term_the_page_already_links_to_the_glossary_is_not_marked_again():
    html = '<p><a href="../glossary/#defamation">诽谤</a>是一种过错。诽谤要证明三点。</p>'
    assert marked(html) == []


def test_english_terms_match_whole_words_and_plural_but_not_inside_names():
    assert marked("<p>A <em>Libel and Slander Act</em> case.</p>", ENGLISH_TERMS) == []
    assert marked("<p>Libel is lasting. More libel later.</p>", ENGLISH_TERMS) == ["Libel"]
    assert marked("<p>Two libels and a fair comment in small claims court.</p>", ENGLISH_TERMS) == [
        "libels",
        "fair comment",
    ]
    assert marked("<p>Sue in Small Claims Court; libelous is not a term.</p>", ENGLISH_TERMS) == ["Small Claims Court"]


def test_attributes_and_comments_are_never_touched():
    html = '<p title="诽谤"><!-- 诽谤 --><img alt="诽谤">说明</p>'
    assert mark_terms(html, TERMS, "../glossary/")[0] == html


# --- in the browser ------------------------------------------------------------------------------------


def first_term(page):
    return page.locator(".lc-term").filter(visible=True).first


@pytest.mark.parametrize("language", ["en", "zh"])
def test_hover_and_keyboard_focus_show_the_explanation_and_escape_hides_it(page, server, language):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{server}{'zh/defamation' if language == 'zh' else 'hong-kong'}/")
    term = first_term(page)
    tip = term.locator(".lc-term__tip")
    expect(tip).to_be_hidden()
    term.locator(".lc-term__word").hover()
    expect(tip).to_be_visible()
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()
    term.locator(".lc-term__word").focus()
    expect(tip).to_be_visible()
    word = term.locator(".lc-term__word")
    expect(word).to_have_accessible_description(re.compile(r"\S{4,}"))
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert page.console_errors == []


def test_a_tap_shows_the_chinese_explanation_and_a_second_tap_opens_the_glossary(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{server}zh/index.html")
        term = first_term(page)
        word = term.locator(".lc-term__word")
        href = word.get_attribute("href")
        word.scroll_into_view_if_needed()
        word.tap()
        tip = term.locator(".lc-term__tip")
        expect(tip).to_be_visible()
        expect(page).to_have_url(f"{server}zh/index.html")
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        page.locator("h1").first.tap()
        expect(tip).to_be_hidden()
        word.tap()
        expect(tip).to_be_visible()
        word.tap()
        page.wait_for_url(re.compile(r"/zh/glossary/#" + href.split("#")[1] + "$"))
        assert errors == []
    finally:
        context.close()
