"""hooks/search_words.py: the index's Chinese words with their page counts, and the words a query can do without."""

import json
from collections import Counter

import pytest
from search_bundle import write_bundle
from search_pages import SearchRecord, spell_han, spell_phrase
from search_words import (
    PHRASE_PREFIX,
    STOP_FILE,
    WORD_SHARDS,
    document_frequencies,
    parse_stop_words,
    read_shards,
    read_words,
    rounded,
    shard_name,
    shard_of,
    spelled_words,
    stop_asset,
    stop_words,
    word_shards,
    words_asset,
)
from search_zh import load_legal_terms


def test_spelled_words_are_read_back_into_chinese_and_nothing_else_is_taken():
    page = f"<h1>{spell_han('诽谤')}</h1><p>{spell_han('截图')} Norwich zq0041 {spell_han('截图')}</p>"
    assert spelled_words(page) == {"诽谤", "截图"}  # zq0041 is "A", not a Chinese word


def test_whole_reader_phrases_are_read_back_marked_as_phrases():
    page = f"<p>{spell_han('被告')} {spell_han('了')} {spell_phrase('被告了')}</p>"
    assert spelled_words(page) == {"被告", "了", PHRASE_PREFIX + "被告了"}
    # A phrase is sharded by its first character, as the cut looks it up, and counts its characters only.
    assert shard_of(PHRASE_PREFIX + "被告了") == shard_of("被")
    shards = word_shards(Counter({"被告": 1, PHRASE_PREFIX + "被告了": 1}), pages=2)
    assert {json.loads(text)["longest"] for text in shards.values()} == {3}
    assert "+被告了" in shards[shard_name(shard_of("被"))]


def test_document_frequency_counts_pages_not_occurrences():
    pages = [spell_han("截图 截图 诽谤"), spell_han("截图"), "only English"]
    assert document_frequencies(pages) == Counter({"截图": 2, "诽谤": 1})


def test_words_asset_groups_words_by_page_count_rounded_and_reads_back():
    counts = Counter({"截图": 2, "诽谤": 1, "证据": 3, "吗": 1, "的": 7, "可以": 8})
    text = words_asset(counts, pages=8)
    assert json.loads(text) == {"pages": 8, "df": {"1": "吗 诽谤", "2": "截图 证据", "4": "的", "8": "可以"}}
    assert read_words(text) == (8, {"截图": 2, "诽谤": 1, "证据": 2, "吗": 1, "的": 4, "可以": 8})
    assert "\\u" not in text  # written as UTF-8, not escaped: a third of the size
    assert [rounded(n) for n in (1, 2, 3, 4, 7, 8, 500)] == [1, 2, 2, 4, 4, 8, 256]


def test_words_are_sharded_by_first_character_and_each_shard_knows_the_whole_vocabulary():
    counts = Counter({"截图": 2, "诽谤": 1, "证据": 3, "诺威奇令": 1, "的": 7})
    shards = word_shards(counts, pages=8)
    assert sorted(shards) == [shard_name(n) for n in range(WORD_SHARDS)] and shard_name(10) == "lc-words-0a.json"
    assert shard_of("截图") == ord("截") % WORD_SHARDS == shard_of("截")
    for name, text in shards.items():
        data = json.loads(text)
        # What the cut needs of the whole vocabulary: the sum of the rounded counts, the longest word.
        assert (data["pages"], data["total"], data["longest"]) == (8, 2 + 1 + 2 + 1 + 4, 4)
        assert all(shard_name(shard_of(word)) == name for word in read_words(text)[1])
    assert read_shards(shards.values()) == (8, {"截图": 2, "诽谤": 1, "证据": 2, "诺威奇令": 1, "的": 4})
    assert "诽谤" in shards[shard_name(shard_of("诽"))]


def test_stop_words_are_folded_and_each_needs_a_reason():
    assert parse_stop_words("# a comment\n嗎\tquestion particle\nwhat\tquestion word\n") == ("吗", "what")
    with pytest.raises(ValueError, match="line 1: write one word"):
        parse_stop_words("吗\n")
    with pytest.raises(ValueError, match="line 1: write one word"):
        parse_stop_words("What\tupper case is never typed into the index\n")


def test_the_reviewed_stop_list_has_grammar_words_and_no_topic_words():
    words = set(stop_words(STOP_FILE))
    assert {"吗", "怎么办", "可以", "what", "my", "someone"} <= words
    # Common, but they name what a reader is after: who posted it, how long there is, what it costs.
    assert not words & {"谁", "多久", "多少", "说", "诽谤", "截图", "律师", "who", "lawyer", "defamation"}
    assert len(words) == len(stop_words(STOP_FILE))  # no word listed twice


def test_stop_asset_keeps_every_stop_word_for_the_query_s_cut():
    # 呢 is on no page, but the query's cut must know it as a word (lc-search-cut.js, withStopWords).
    asset = json.loads(stop_asset(("吗", "呢", "what", "吗")))
    assert asset == {"stop": "what 吗 呢"}


def test_write_bundle_writes_the_words_and_the_stop_words_beside_the_bundle(tmp_path):
    load_legal_terms()
    records = [
        SearchRecord("./", "首页", "截图可以当证据吗"),
        SearchRecord("anonymous/", "不知道是谁", "申请诺威奇令需要截图"),
    ]
    write_bundle(records, "zh", tmp_path / "pagefind")
    bundle = tmp_path / "pagefind"
    pages, df = read_shards((bundle / shard_name(n)).read_text(encoding="utf-8") for n in range(WORD_SHARDS))
    assert pages == 2
    assert df["截图"] == 2 and df["诺威奇令"] == 1 and df["证据"] == 1
    stop = json.loads((tmp_path / "pagefind" / "lc-stop.json").read_text(encoding="utf-8"))["stop"].split()
    assert "吗" in stop and "the" in stop and "呢" in stop  # no page has 呢: listed for the query's cut
