"""Unit tests for checklist parsing, validation and the cross-language check."""

import pytest
from checklists import Checklist, Include, Item, compare_translations, parse

FILE = "docs/en/online.md"

GOOD = """Intro

<!-- checklist id="preserve-evidence" -->
### Keep the evidence { #evidence }

- [ ] Take **screenshots**. <!-- id: screenshots -->
    Why: WeChat deletes chats. See [help](help.md).

    A second paragraph.
- [ ] Back up the chat. <!-- id: backup -->
<!-- /checklist -->

<!-- checklist-include: scam-blackmail -->
"""


def problems(markdown: str) -> list[str]:
    return [str(problem) for problem in parse(markdown, FILE).problems]


def block(body: str, options: str = 'id="list"') -> str:
    return f"<!-- checklist {options} -->\n## Title {{ #t }}\n\n{body}\n<!-- /checklist -->\n"


def test_a_checklist_is_parsed_into_plain_data_with_lines():
    parsed = parse(GOOD, FILE)
    assert parsed.problems == []
    (start, end, checklist), (include_at, _, include) = parsed.blocks
    assert (start, end) == (2, 10)
    assert checklist == Checklist(
        id="preserve-evidence",
        heading="### Keep the evidence { #evidence }",
        items=(
            Item(
                "screenshots",
                "Take **screenshots**.",
                "Why: WeChat deletes chats. See [help](help.md).\n\nA second paragraph.",
                6,
            ),
            Item("backup", "Back up the chat.", "", 10),
        ),
        file=FILE,
        line=3,
    )
    assert (include_at, include) == (12, Include("scam-blackmail", 13))


def test_directives_inside_code_fences_are_left_alone():
    fenced = "```markdown\n" + block("- [ ] <!-- id: x -->") + "```\n\n~~~\n<!-- /checklist -->\n~~~\n"
    parsed = parse(fenced, FILE)
    assert parsed.blocks == [] and parsed.problems == []


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (block("- [ ] Step"), ["docs/en/online.md:4: item has no id; end the line with <!-- id: short-name -->"]),
        (
            block("- [ ] Step <!-- id: Bad_Id -->"),
            ["docs/en/online.md:4: item id 'Bad_Id' must be lowercase letters, digits and hyphens"],
        ),
        (block("- [ ] <!-- id: empty -->"), ["docs/en/online.md:4: item is empty; write the step after '- [ ]'"]),
        (
            block("- [x] Done <!-- id: done -->"),
            ["docs/en/online.md:4: items start unticked: write '- [ ]', not '- [x]'"],
        ),
        (
            block("- [ ] A <!-- id: a -->\n- [ ] B <!-- id: a -->"),
            ["docs/en/online.md:5: item id 'a' is already used on line 4"],
        ),
        (
            block("- [ ] A <!-- id: a -->\nstray text"),
            [
                "docs/en/online.md:5: unexpected line in a checklist: use '- [ ] text <!-- id: name -->', "
                "an indented note under an item, or one heading before the first item"
            ],
        ),
        (
            block("- [ ] A <!-- id: a -->", options=""),
            ['docs/en/online.md:1: checklist has no id; write <!-- checklist id="my-list" -->'],
        ),
        (
            block("- [ ] A <!-- id: a -->", options='id="list" colour=red'),
            ["docs/en/online.md:1: unknown option 'colour'; allowed: id"],
        ),
        (
            block("- [ ] A <!-- id: a -->", options='id="list'),
            [
                'docs/en/online.md:1: cannot read the options \'id="list\'; write them as id="my-list"',
                'docs/en/online.md:1: checklist has no id; write <!-- checklist id="my-list" -->',
            ],
        ),
        (
            '<!-- checklist id="x" -->\n## T { #t }\n- [ ] A <!-- id: a -->\n',
            ["docs/en/online.md:1: checklist 'x' is not closed; add <!-- /checklist --> after its last item"],
        ),
        (
            "<!-- /checklist -->\n",
            ['docs/en/online.md:1: <!-- /checklist --> without an opening <!-- checklist id="…" -->'],
        ),
        (
            block("- [ ] A <!-- id: a -->") + block("- [ ] A <!-- id: a -->"),
            ["docs/en/online.md:6: checklist id 'list' is already used on line 1"],
        ),
    ],
)
def test_each_malformed_checklist_names_file_line_and_fix(markdown, expected):
    assert problems(markdown) == expected


def test_missing_heading_and_items_and_nesting_are_all_reported_together():
    markdown = '<!-- checklist id="a" -->\n<!-- checklist id="b" -->\n<!-- /checklist -->\n'
    assert problems(markdown) == [
        "docs/en/online.md:2: checklist opened inside checklist 'a' (line 1); close that one first with <!-- /checklist -->",
        "docs/en/online.md:1: checklist 'a' needs a heading (## or ###) before its items",
        "docs/en/online.md:1: checklist 'a' has no items",
    ]


def checklist(file, *item_ids, list_id="list"):
    items = tuple(Item(item_id, "text", "", number) for number, item_id in enumerate(item_ids, start=10))
    return Checklist(list_id, "## T", items, file, 3)


def test_translations_must_use_the_same_item_ids_in_any_order():
    english = [checklist("docs/en/a.md", "one", "two")]
    assert compare_translations(english, [checklist("docs/zh/a.md", "two", "one")], "docs/zh/a.md") == []
    found = [str(p) for p in compare_translations(english, [checklist("docs/zh/a.md", "one", "three")], "docs/zh/a.md")]
    assert found == [  # one id typed differently is one mistake: one message
        "docs/zh/a.md:11: item 'three' of checklist 'list' is 'two' in docs/en/a.md; use the same item ids in both languages"
    ]
    found = [str(p) for p in compare_translations(english, [checklist("docs/zh/a.md", "four")], "docs/zh/a.md")]
    assert found == [
        "docs/zh/a.md:3: checklist 'list' lacks item 'one', which docs/en/a.md has; use the same item ids in both languages",
        "docs/zh/a.md:3: checklist 'list' lacks item 'two', which docs/en/a.md has; use the same item ids in both languages",
        "docs/zh/a.md:10: item 'four' is not in checklist 'list' of docs/en/a.md; use the same item ids in both languages",
    ]


def test_a_checklist_missing_from_either_language_is_reported():
    english = [checklist("docs/en/a.md", "one")]
    chinese = [checklist("docs/zh/a.md", "one", list_id="other")]
    assert [str(p) for p in compare_translations(english, chinese, "docs/zh/a.md")] == [
        "docs/zh/a.md:1: checklist 'list' from docs/en/a.md:3 is missing here; translate it with the same ids",
        "docs/zh/a.md:3: checklist 'other' is not on the other-language page; add it there with the same ids",
    ]
