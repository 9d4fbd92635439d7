"""hooks/search_phrases.py: Hong Kong and Taiwan words folded to the Simplified words a language's pages use."""

import json

import pytest
from search_fold import fold
from search_phrases import (
    OPENCC_FILE,
    REVIEWED_FILE,
    dictionary_words,
    known_phrases,
    opencc_phrases,
    parse_pairs,
    phrase_asset,
    phrase_table,
)


def test_opencc_gives_the_taiwan_and_hong_kong_words_folded():
    pairs = set(opencc_phrases(["软件", "服务器", "诽谤", "信息"]))
    assert ("软体", "软件") in pairs  # 軟體 (Taiwan)
    assert ("伺服器", "服务器") in pairs  # Taiwan and Hong Kong
    assert ("资讯", "信息") in pairs  # 資訊 (Taiwan)
    assert not [pair for pair in pairs if pair[1] == "诽谤"]  # 誹謗 folds back character by character


def test_the_kept_opencc_pairs_still_match_opencc():
    # A sample of jieba's dictionary, every 97th word; if this fails, remake: python hooks/search_phrases.py
    kept = set(parse_pairs(OPENCC_FILE.read_text(encoding="utf-8")))
    sample = dictionary_words()[::97]
    assert set(opencc_phrases(sample)) <= kept


def test_only_words_of_this_language_are_kept_and_its_own_words_are_never_replaced():
    pairs = [("软体", "软件"), ("资讯", "信息"), ("伺服器", "服务器"), ("萤幕截图", "截图"), ("网路", "网络")]
    page_text = "下载软件 保存信息和资讯 截图"
    table = phrase_table(page_text, synonyms="萤幕截图", pairs=pairs)
    assert table == {"软体": "软件", "萤幕截图": "截图"}
    # 资讯 is on the page: a reader who types it finds it as it is. No page has 服务器 or 网络.


def test_a_word_is_replaced_once_by_the_first_pair_that_applies():
    assert phrase_table("私隐 隐私", pairs=[("私隐", "隐私")]) == {}
    assert phrase_table("隐私 人肉", pairs=[("起底", "人肉"), ("起底", "隐私")]) == {"起底": "人肉"}


def test_the_reviewed_pairs_each_have_a_reason_and_a_simplified_word():
    pairs = parse_pairs(REVIEWED_FILE.read_text(encoding="utf-8"), reasons=True)
    assert len(pairs) >= 10
    for regional, simplified in pairs:
        assert fold(simplified) == simplified, simplified
        assert fold(regional) != simplified, regional  # folding alone would already reach it
    assert known_phrases()[: len(pairs)] == tuple((fold(regional), word) for regional, word in pairs)


def test_a_line_without_its_reason_is_refused():
    with pytest.raises(ValueError, match="line 2: .*why"):
        parse_pairs("# comment\n私隱\t隐私\n", reasons=True)
    with pytest.raises(ValueError, match="line 1"):
        parse_pairs("软体\n")


def test_the_asset_is_a_compact_json_object():
    asset = phrase_asset({"软体": "软件"})
    assert asset == '{"软体":"软件"}'
    assert json.loads(asset) == {"软体": "软件"}


def test_each_bundle_has_its_own_small_phrase_table(built_site):
    simplified = json.loads((built_site / "zh" / "pagefind" / "lc-phrases.json").read_text(encoding="utf-8"))
    traditional = json.loads((built_site / "zh-Hant" / "pagefind" / "lc-phrases.json").read_text(encoding="utf-8"))
    assert simplified["软体"] == "软件" and simplified["法援"] == "法律援助"
    # Cantonese and Hong Kong words readers type (2026-12-02): 點算 becomes a stop word instead of 点 + 算; 起底
    # reaches 人肉, which jieba now keeps whole (hooks/data/legal-terms.txt).
    assert traditional["点算"] == "怎么办" and traditional["差人"] == "警察" and traditional["起底"] == "人肉"
    assert "伺服器" not in traditional  # the Traditional edition's pages write 伺服器 themselves
    # Question frames of everyday speech reach the frames the stop words know (咋整 searched 整理 and 整个 before).
    assert simplified["咋整"] == "怎么办" and traditional["几钱"] == "多少钱" and traditional["俾人"] == "被人"
    assert (built_site / "pagefind" / "lc-phrases.json").is_file()  # English: a Chinese query may be typed there
    for table in (simplified, traditional):
        assert len(phrase_asset(table).encode()) < 4000
