"""The Chinese style lint (hooks/zh_style.py): one term per concept, one label per link target, and the
English in brackets at a glossary term's first use."""

from conftest import ROOT
from zh_style import StyleRules, check_first_use, check_terms, glossary_terms, load_rules

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


def test_the_first_use_of_a_glossary_term_needs_its_english_in_brackets():
    glossary = "### 诺威奇令（Norwich order） { #norwich-order }\n\n### 诽谤（defamation） { #defamation }\n"
    terms = glossary_terms(glossary)
    assert terms == ["诺威奇令", "诽谤"]
    good = "---\ntitle: x\n---\n申请诺威奇令（Norwich order）。\n再说诺威奇令。\n诽谤（defamation）\n"
    assert check_first_use(good, "docs/zh/x.md", terms) == []
    bad = "---\ntitle: x\n---\n申请诺威奇令。\n"
    assert [problem.line for problem in check_first_use(bad, "docs/zh/x.md", terms)] == [4]


def test_the_real_pages_follow_the_term_list_and_the_link_labels():
    problems = []
    for page in sorted((ROOT / "docs" / "zh").glob("*.md")):
        problems += check_terms(page.read_text(encoding="utf-8"), f"docs/zh/{page.name}", load_rules())
    assert [str(problem) for problem in problems] == []
