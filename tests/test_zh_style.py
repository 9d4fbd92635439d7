"""The Chinese style lint (hooks/zh_style.py): one term per concept, one label per link target, and the
English in brackets at a glossary term's first use."""

from conftest import ROOT
from zh_style import StyleRules, check_first_use, check_page_first_use, check_terms, glossary_terms, load_rules

RULES = StyleRules(
    avoid={"通情达理的人": ("一般明理的人", "reasonable person")},
    link_labels={"help.md": "去哪里求助"},
)
PAGE = "---\ntitle: 通情达理的人\n---\n\n## 标题 { #t }\n\n一个通情达理的人会这样想。见[求助](help.md)和[诊所](help.md#clinics)。\n`通情达理的人`\n"


def test_a_word_to_avoid_and_a_stray_link_label_are_reported_at_their_line():
    assert [str(problem) for problem in check_terms(PAGE, "docs/zh/x.md", RULES)] == [
        "docs/zh/x.md:7: write '一般明理的人' instead of '通情达理的人' (reasonable person); see contrib/zh-style.md",
        "docs/zh/x.md:7: a link to help.md is labelled '去哪里求助' on every page, not '求助'",
    ]  # the front matter and inline code are not prose


GLOSSARY = (
    "### 诺威奇令（Norwich order） { #norwich-order }\n\n### 诽谤（defamation） { #defamation }\n\n"
    "### 口头诽谤（slander） { #slander }\n\n### 送达（service） { #service }\n\n"
    "### 海牙送达公约（Hague Service Convention） { #hague-service-convention }\n\n### 勒索（extortion） { #extortion }\n"
)


def test_the_glossary_gives_each_term_its_english_longer_terms_first():
    assert glossary_terms(GLOSSARY) == {
        "海牙送达公约": "Hague Service Convention",
        "诺威奇令": "Norwich order",
        "口头诽谤": "slander",
        "诽谤": "defamation",
        "送达": "service",
        "勒索": "extortion",
    }


def test_a_first_use_without_its_english_is_reported_at_its_line_with_the_form_to_write():
    page = (
        "---\ntitle: 勒索\ndescription: 勒索\n---\n\n## 勒索 { #extortion }\n\n有人勒索您。\n再说勒索（extortion）。\n"
    )
    assert [str(problem) for problem in check_first_use(page, "docs/zh/x.md", glossary_terms(GLOSSARY))] == [
        "docs/zh/x.md:8: the first '勒索' on this page needs its English term in brackets: 勒索（extortion）"
    ]  # the front matter and the heading are not first uses; the later bracket does not make up for it


def test_a_first_use_with_its_english_passes_and_later_uses_need_none():
    page = "申请诺威奇令（Norwich order）。再说诺威奇令。\n“诽谤”（defamation）和诽谤。\n见《海牙送达公约》（Hague Service Convention）。\n"
    assert check_first_use(page, "docs/zh/x.md", glossary_terms(GLOSSARY)) == []


def test_what_is_not_a_first_use_leaves_the_english_to_the_next_use():
    terms = glossary_terms(GLOSSARY)
    page = (
        "- [是](#next) <!-- summary: 有人勒索我。 -->\n"  # a comment
        "请阅读[诈骗与勒索](scams.md)一页。\n"  # the label of a link to another page
        "3. **言论被诽谤**：这叫诽谤（defamation）。\n"  # a bold run-in heading
        "《书面及口头诽谤法》（*Libel and Slander Act*）\n"  # a word in a statute's name
        "聊天消息送达后就会删除。\n"  # an everyday phrase
        "要送达（service）文件。口头诽谤（slander）\n"
        "有人勒索您。\n"
    )
    assert [str(problem) for problem in check_first_use(page, "docs/zh/x.md", terms, ("消息送达",))] == [
        "docs/zh/x.md:7: the first '勒索' on this page needs its English term in brackets: 勒索（extortion）"
    ]


def test_a_glossary_link_carries_the_english_in_its_label():
    terms = glossary_terms(GLOSSARY)
    assert check_first_use("[送达（service）](glossary.md#service)。\n", "docs/zh/x.md", terms) == []
    assert [problem.line for problem in check_first_use("[送达](glossary.md#service)。\n", "x.md", terms)] == [1]


def test_the_real_pages_give_the_english_at_each_first_use():
    problems = []
    for page in sorted((ROOT / "docs" / "zh").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        problems += check_page_first_use(text, f"docs/zh/{page.name}", ROOT / "docs" / "zh" / "glossary.md")
    assert [str(problem) for problem in problems] == []


def test_every_everyday_phrase_is_still_on_some_page():
    pages = "".join(page.read_text(encoding="utf-8") for page in (ROOT / "docs" / "zh").glob("*.md"))
    assert [phrase for phrase in load_rules().everyday if phrase not in pages] == []


def test_the_real_pages_follow_the_term_list_and_the_link_labels():
    problems = []
    for page in sorted((ROOT / "docs" / "zh").glob("*.md")):
        problems += check_terms(page.read_text(encoding="utf-8"), f"docs/zh/{page.name}", load_rules())
    assert [str(problem) for problem in problems] == []
