"""Chinese typography on every Chinese page, checked with AutoCorrect (autocorrect-py) and our conventions.

Our conventions, where they differ from AutoCorrect's defaults:
- One space between Chinese and a Latin word (使用 Cookie, 在 WeChat 上), as AutoCorrect wants,
- but no space between Chinese and a number, as in formal Chinese legal writing: 2025年10月1日, 第137.1(7)条,
  最多30分钟, C-16号法案. AutoCorrect would write 2025 年 10 月 1 日; we check the opposite ourselves.
- Fixed terms keep their form: 反SLAPP动议 (and 反SLAPP…) has no spaces.
- Full-width punctuation next to Chinese（，。：；？！）, as AutoCorrect wants.
- Markdown syntax is not prose: AutoCorrect parses it, and our own check skips code, link targets, heading ids
  and HTML comments.
"""

import json
import re

import pytest
from conftest import ROOT

autocorrect = pytest.importorskip("autocorrect_py")

DOCS = ROOT / "docs" / "zh"
PAGES = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
CONFIG = {"rules": {"spellcheck": 0}}
# Terms written without spaces. AutoCorrect's own `textRules` would exempt the whole paragraph that
# contains one, so each is swapped for an all-Chinese stand-in while AutoCorrect reads the page.
FIXED_TERMS = {"反SLAPP": "反斯拉普"}
HAN = r"\u3400-\u9fff"
# A number, with a letter or a subsection mark such as (1) or (g) after it: 30, 137.1(7), 319A, +86, 50,000.
NUMBER = re.compile(r"\+?\d(?:[\d.,/]*\d)?[A-Z]?(?:\((?:\d+|[a-z]{1,4})\))*")
NUMBER_SPACE = re.compile(rf"(?<=[{HAN}]) +(?=\+?\d)|(\d[A-Z]?|\((?:\d+|[a-z]{{1,4}})\)) +(?=[{HAN}])")
NOT_PROSE = re.compile(
    r"^(```|~~~).*?^\1[^\n]*$"  # fenced code
    r"|`[^`\n]+`"  # inline code
    r"|\]\([^)\s]*\)"  # link targets
    r"|\{\s*#[^}]*\}"  # heading ids and attribute lists
    r"|<!--.*?-->",  # comments (checklist and flowchart markers)
    re.M | re.S,
)


def without_number_spaces(text: str) -> str:
    return NUMBER_SPACE.sub(lambda m: m.group(1) or "", text)


def autocorrect_problems(text: str, name: str) -> list[str]:
    """AutoCorrect's findings that our conventions do not accept, as 'file:line: old -> new'."""
    autocorrect.load_config(json.dumps(CONFIG))
    for term, stand_in in FIXED_TERMS.items():
        text = text.replace(term, stand_in)

    def restore(line: str) -> str:
        for term, stand_in in FIXED_TERMS.items():
            line = line.replace(stand_in, term)
        return line.strip()

    result = autocorrect.lint_for(text, name)
    return [
        f"{name}:{line.line}: {restore(line.old)!r} -> {restore(line.new)!r}"
        for line in result.lines
        if without_number_spaces(line.old) != without_number_spaces(line.new)
    ]


def number_spaces(line: str) -> list[tuple[int, int]]:
    """Spans of spaces between Chinese and a number, unless the number belongs to a Latin phrase such as
    2009 SCC 61 or O. Reg. 42/25, or a telephone number: those are spaced from Chinese like Latin words."""
    spans = []
    for match in NUMBER.finditer(line):
        left, right = line[: match.start()], line[match.end() :]
        if re.search(r"[A-Za-z][.)]?\s$", left) or re.match(r"\s[A-Za-z]", right):
            continue
        if re.search(r"\d-$", left) or re.match(r"-\d|\s\d", right):
            continue  # a telephone number (1-800-668-6868, +852 2810 3969) or a range, spaced like Latin text
        before = re.search(rf"(?<=[{HAN}]) +$", left)
        after = re.match(rf" +(?=[{HAN}])", right)
        if before:
            spans.append((before.start(), before.end()))
        if after:
            spans.append((match.end() + after.start(), match.end() + after.end()))
    return spans


def number_space_problems(text: str, name: str) -> list[str]:
    """Spaces between Chinese and numbers, outside code, link targets, ids and comments."""
    prose = NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", "\0", m.group(0)), text)
    problems = []
    for number, line in enumerate(prose.split("\n"), start=1):
        for start, end in number_spaces(line):
            context = line[max(0, start - 6) : end + 6].replace("\0", "")
            problems.append(f"{name}:{number}: no space between Chinese and a number: {context!r}")
    return problems


def test_the_checks_follow_our_conventions():
    text = "使用Cookie, 在2025 年 10 月 1 日提出反SLAPP动议，见[第 5 条](a.md#s-5) 和 `第 6 条`。\n"
    found = autocorrect_problems(text, "docs/zh/x.md")
    assert len(found) == 1 and "-> '使用 Cookie, 在 2025 年 10 月 1 日提出反SLAPP动议" in found[0]
    assert number_space_problems(text, "docs/zh/x.md") == [
        "docs/zh/x.md:1: no space between Chinese and a number: ' 在2025 年 10 月'",
        "docs/zh/x.md:1: no space between Chinese and a number: '2025 年 10 月 1'",
        "docs/zh/x.md:1: no space between Chinese and a number: '5 年 10 月 1 日提'",
        "docs/zh/x.md:1: no space between Chinese and a number: '年 10 月 1 日提出反'",
        "docs/zh/x.md:1: no space between Chinese and a number: '10 月 1 日提出反SL'",
        "docs/zh/x.md:1: no space between Chinese and a number: '动议，见[第 5 条'",
        "docs/zh/x.md:1: no space between Chinese and a number: '，见[第 5 条'",
    ]
    assert number_space_problems("见2009 SCC 61 一案，O. Reg. 42/25 修订。\n", "docs/zh/x.md") == []
    assert number_space_problems("1. 拨打 1-800-668-6868 或 +852 2810 3969。\n2. 第319A章\n", "docs/zh/x.md") == []
    assert autocorrect_problems("见第137.1(7)条和2009 SCC 61。\n", "docs/zh/x.md") == []
    assert number_space_problems("见第137.1(7)条和《2002年时效法》第4(1)(a)条。\n", "docs/zh/x.md") == []


@pytest.mark.parametrize("page", PAGES)
def test_chinese_page_typography(page):
    text = (DOCS / page).read_text(encoding="utf-8")
    problems = autocorrect_problems(text, f"docs/zh/{page}") + number_space_problems(text, f"docs/zh/{page}")
    assert problems == [], "\n".join(problems)
