"""Reader words (hooks/search_reader_words.py, hooks/data/search-reader-words.yml): the file's format and checks,
which page and section each word goes to, and how the index holds them (hooks/search_pages.py)."""

from __future__ import annotations

import re

import pytest
import search_zh
from conftest import ROOT
from page_ids import heading_ids
from search_pages import (
    PHRASE_MARK,
    READER_END,
    READER_MORE,
    READER_START,
    READER_WEIGHT,
    SearchRecord,
    Section,
    index_entry,
    index_html,
    reader_html,
    reader_phrases,
    spell_han,
    spell_phrase,
    synonym_html,
)
from search_reader_words import (
    READER_FILE,
    READER_FILE_NAME,
    check_entries,
    page_key,
    parse_reader_words,
    reader_entries,
    section_ids,
    word_problems,
    words_for,
)

search_zh.load_legal_terms()

GOOD = """\
# a comment
online:
  why: defamation on WeChat
  en: [wechat group, gossip]
  zh: [微信群, 網暴]
online#who-is-liable:
  why: the group owner
  zh: [群主]
"""


def parse(text):
    return parse_reader_words(text, "words.yml")


def messages(problems):
    return [str(problem) for problem in problems]


def test_a_good_file_gives_its_entries_with_their_lines():
    entries, problems = parse(GOOD)
    assert problems == []
    assert [(entry.key, entry.line) for entry in entries] == [("online", 2), ("online#who-is-liable", 6)]
    assert entries[0].en == ("wechat group", "gossip") and entries[0].zh == ("微信群", "網暴")
    assert entries[1].anchor == "who-is-liable" and entries[1].en == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("online:\n  why: groups: chats\n  en: [a]\n", "words.yml:2: not valid YAML"),
        ("- online\n", "words.yml:1: write one entry per page or section"),
        ("Online Page:\n  why: x\n  en: [a]\n", "words.yml:1: 'Online Page' is not a page"),
        ("online: [a]\n", "words.yml:1: 'online' needs why, en and zh below it"),
        ("online:\n  en: [gossip]\n", "words.yml:1: 'online' has no 'why'"),
        ("online:\n  why: x\n  de: [klatsch]\n  en: [gossip]\n", "words.yml:3: unknown field 'de' in 'online'"),
        ("online:\n  why: x\n  en: gossip\n", "words.yml:1: 'en' must be a list of words in brackets"),
        ("online:\n  why: x\n  en: []\n", "words.yml:1: 'online' has no words"),
        ("online:\n  why: x\n  en: [Gossip]\n", "words.yml:3: 'Gossip' in 'en': write English words in lower case"),
        ("online:\n  why: x\n  en: [群主]\n", "words.yml:3: '群主' in 'en'"),
        ("online:\n  why: x\n  zh: [群主, 群主]\n", "words.yml:3: '群主' is listed twice in 'zh'; keep one"),
        (
            "online:\n  why: x\n  en: [a]\nonline:\n  why: y\n  en: [b]\n",
            "words.yml:4: 'online' already has an entry on line 1; merge the two",
        ),
    ],
)
def test_a_badly_written_entry_is_a_problem_at_its_line(text, expected):
    _, problems = parse(text)
    assert any(message.startswith(expected) for message in messages(problems)), messages(problems)


def test_words_that_could_never_match_are_problems():
    entries, _ = parse(
        "online:\n  why: x\n  en: [what, gossip]\n  zh: [怎么办, 截圖, 截图, 騙徒, 是什么, 到底, 搵律師, 寄文件]\n"
    )
    stop = {"what", "怎么办", "是", "什么", "到底", "到", "底"}
    found = messages(word_problems(entries, stop, {"骗徒": "骗子", "揾": "找", "文件": "文档"}, "words.yml"))
    assert (
        "words.yml:1: 'what' in 'online' is a stop word (hooks/data/search-stop-words.txt), never searched; remove it"
        in found
    )
    assert any("'怎么办' in 'online' is a stop word" in message for message in found)
    assert "words.yml:1: '截图' in 'online' is '截圖' once folded; keep one" in found
    assert any("'騙徒' in 'online' is searched as '骗子'" in message for message in found)
    assert not any("gossip" in message for message in found)
    # a phrase of stop words is indexed and searched whole; a phrase that is a stop word itself is not searched
    assert not any("是什么" in message for message in found)
    # a one-character regional word is folded inside a word too; a longer one only as the whole word
    assert any("'搵律師' in 'online' is searched as '找律师'" in message for message in found)
    assert not any("寄文件" in message for message in found)
    assert any("'到底' in 'online' is a stop word" in message for message in found)


def test_entries_are_checked_against_the_english_pages_and_their_sections():
    text = GOOD + "onlien:\n  why: x\n  en: [a]\nonline#screenshot:\n  why: x\n  en: [a]\nabout:\n  why: x\n  en: [a]\n"
    entries, _ = parse(text)
    pages = {"online": {"screenshots", "who-is-liable"}, "index": set()}
    found = messages(check_entries(entries, pages, {"about"}, "words.yml"))
    assert found == [
        "words.yml:9: no page 'onlien' (docs/en/onlien.md); use one of: index, online",
        "words.yml:12: 'online' has no section '#screenshot'; use the id of one of its ## or ### headings "
        "(screenshots, who-is-liable), or write 'online' for the whole page",
        "words.yml:15: 'about' is left out of search (front matter search: exclude); remove its entry",
    ]


def test_page_keys_and_section_ids():
    assert [page_key(url) for url in ("./", "", "online/", "zh-only/deep/")] == [
        "index",
        "index",
        "online",
        "zh-only/deep",
    ]
    html = '<h1 id="t">T</h1><h2 id="group-chats">G</h2><h3 class="x" id=\'forwarding\'>F</h3><h4 id="deep">D</h4>'
    assert section_ids(html) == {"group-chats", "forwarding"}


def test_each_edition_gets_its_words_and_a_missing_section_gives_them_to_the_page():
    entries, _ = parse(GOOD)
    assert words_for(entries, "online", "en", {"who-is-liable"}) == ("wechat group gossip", {})
    assert words_for(entries, "online", "zh-Hant", {"who-is-liable"}) == ("微信群 網暴", {"who-is-liable": "群主"})
    assert words_for(entries, "online", "zh", set()) == ("微信群 網暴 群主", {})  # a translation that is behind
    assert words_for(entries, "scams", "zh", set()) == ("", {})


def test_reader_words_are_folded_cut_spelled_weighted_and_marked():
    html = reader_html("網暴 群主", 0.5)
    assert html == (
        f'<p data-pagefind-weight="{READER_WEIGHT * 0.5:g}">'
        f"{READER_START} {spell_han('网暴')} {spell_han('群主')} {READER_END}</p>"
    )
    assert reader_html("") == ""
    # A phrase that jieba cuts into several words is indexed whole too, with its own mark (search_pages.py);
    # a single word (群主) is not, and a search synonym never is.
    html = reader_html("被告了 群主")
    assert f"{spell_han('被告')} {spell_han('了')} {spell_han('群主')} {spell_phrase('被告了')} {READER_END}" in html
    assert spell_phrase("被告了") == "zr88ab544a4e86" and reader_phrases("被告了 群主 lawyer letter") == ["被告了"]
    assert PHRASE_MARK not in synonym_html("被告了")
    long = reader_html(" ".join(f"w{i}" for i in range(17)))
    assert long.count(READER_MORE) == 2  # after every eight words
    assert 1 < READER_WEIGHT < 6  # above body text, below a section's heading (Pagefind: h2 6, the title h1 7)


def test_the_index_puts_reader_words_after_the_title_and_after_their_section_heading():
    record = SearchRecord(
        "online/",
        "Title",
        "intro",
        (Section("a", "Heading A", "text a", "group owner"), Section("b", "B", "text b")),
        reader="gossip",
    )
    html = index_html(record, "en")
    assert re.search(rf"</h1><p [^>]*>{READER_START} gossip {READER_END}</p><p>intro</p>", html)
    assert re.search(
        rf'<h2 id="a">Heading A</h2><p [^>]*>{READER_START} group owner {READER_END}</p><p>text a</p>', html
    )
    assert '<h2 id="b">B</h2><p>text b</p>' in html


def test_index_entry_hands_each_section_its_words():
    page = '<p>intro</p><h2 id="who-is-liable">Who</h2><p>text</p>'
    record, html = index_entry(page, "online/", "T", 1.0, "zh", ("微信群", {"who-is-liable": "群主"}))
    assert record.reader == "微信群" and record.sections[0].reader == "群主"
    assert record.reader_words == "微信群 群主"
    assert spell_han("群主") in html and "群主" not in record.all_text  # indexed, not part of the page's text


def test_the_reviewed_file_is_well_written_and_names_real_pages_and_sections():
    entries, problems = reader_entries(READER_FILE)
    assert problems == (), messages(problems)
    assert READER_FILE.relative_to(ROOT).as_posix() == READER_FILE_NAME
    pages = {}
    for source in (ROOT / "docs" / "en").glob("*.md"):
        ids, _ = heading_ids(source.read_text(encoding="utf-8"), str(source))
        pages[source.stem] = {heading for heading, _ in ids}
    assert check_entries(entries, pages) == []
    assert all(entry.why for entry in entries)
    assert len(entries) >= 40 and all(entry.en or entry.zh for entry in entries)
