"""hooks/search_english.py: English words inside a Chinese query stand for the Chinese words the pages use."""

import json

import pytest
from search_english import ENGLISH_ASSET, english_asset, english_table, english_words, parse_english_words


def test_each_entry_is_an_english_word_or_phrase_and_its_chinese_words():
    assert parse_english_words("# a comment\n\nlawyer\t律师\nsmall claims\t小额法庭 小额\n") == (
        ("lawyer", ("律师",)),
        ("small claims", ("小额法庭", "小额")),
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("lawyer\n", "x.txt:1: write the English word, a tab, then the Chinese words"),
        ("# c\nlawyer\t\n", "x.txt:2: write the English word, a tab"),
        ("Lawyer\t律师\n", "x.txt:1: write 'Lawyer' in lower case"),
        ("law;yer\t律师\n", "x.txt:1: write 'law;yer' in lower case, letters, digits"),
        ("lawyer\t律师\nlawyer\t律师费\n", "x.txt:2: 'lawyer' is already on line 1; merge the two"),
    ],
)
def test_a_badly_written_line_is_named_with_its_number_and_the_fix(text, says):
    with pytest.raises(ValueError) as raised:
        parse_english_words(text, "x.txt")
    assert str(raised.value).startswith(says)


def test_only_the_chinese_words_this_edition_has_are_kept():
    entries = (("lawyer", ("律师", "大律师")), ("bitcoin", ("比特币",)), ("court", ("法院",)))
    assert english_table("找律师 去法院", entries) == {"lawyer": "律师", "court": "法院"}
    assert json.loads(english_asset({"lawyer": "律师"})) == {"lawyer": "律师"}


def test_the_reviewed_list_parses_and_every_entry_says_something_the_chinese_pages_say(built_site):
    words = dict(english_words())
    assert len(words) >= 150 and words["lawyer"] == ("律师",)
    kept = json.loads((built_site / "zh" / "pagefind" / ENGLISH_ASSET).read_text(encoding="utf-8"))
    # An entry whose Chinese words no page has cannot help a reader: most must reach the pages.
    assert len(kept) >= 0.9 * len(words), sorted(set(words) - set(kept))
    assert kept["small claims"] == "小额法庭" and kept["report"] == "举报 投诉"
    assert (built_site / "zh-Hant" / "pagefind" / ENGLISH_ASSET).is_file()
    assert not (built_site / "pagefind" / ENGLISH_ASSET).exists()  # the English edition does not need it
