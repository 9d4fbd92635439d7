"""Search as a reader uses it, in Chromium against the built site: each query's expected page in the
top 3, results in the page's own language, highlighted excerpts, translated strings, a named dialog,
and nothing downloaded until the search box is used."""

import re

import pytest
from conftest import bench_module
from playwright.sync_api import expect

search_quality = bench_module("search_quality")  # the bench's harness: type a query, read the results

# (page the reader is on, what they type, a page expected among the first three results)
QUERIES = [
    ("", "screenshots", "online/"),
    ("", "Norwich order", "anonymous/"),
    ("", "forum non conveniens", "jurisdiction/"),
    ("", "limitation period", "defamation/"),  # its "Deadlines" section; the summary page now ranks too
    ("", "extortion", "scams/"),
    ("zh/", "截图", "zh/"),  # from the middle of "您自己的截图很快可能就是唯一的副本"
    ("zh/", "诽谤", "zh/defamation/"),
    ("zh/", "誹謗", "zh/defamation/"),  # Traditional finds Simplified
    ("zh/", "網絡誹謗", "zh/jurisdiction/"),
    ("zh/", "诺威奇令", "zh/anonymous/"),
    ("zh/", "申请诺威奇令", "zh/anonymous/"),
    ("zh/", "不方便法院", "zh/jurisdiction/"),
    ("zh/", "勒索", "zh/scams/"),
    # mixed: "Norwich" now also searches 诺威奇令 (lc-english.json), which finds the page about the orders, not only
    # the glossary, whose entry writes "Norwich 令" as typed
    ("zh/", "Norwich 令", "zh/anonymous/"),
    ("zh/", "Van Breda 案", "zh/jurisdiction/"),  # mixed
    ("zh/", "forum non conveniens", "zh/jurisdiction/"),  # English term given in brackets
    ("zh/", "Small Claims Court", "zh/options/"),
    ("zh/scams/", "時效期", "zh/what-to-do/"),  # Traditional, typed on an inner page
    ("zh-Hant/", "誹謗", "zh-Hant/defamation/"),  # the Traditional edition, Traditional query
    ("zh-Hant/", "诽谤", "zh-Hant/defamation/"),  # … and a Simplified query finds Traditional pages too
    ("zh-Hant/", "諾威奇令", "zh-Hant/anonymous/"),
]


def edition_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in ("zh", "zh-Hant") else "en"


def open_search(page):
    page.locator("label.md-search__icon, .md-header__button[for='__search']").first.click()
    return page.locator("input.md-search__input")


def search(page, query: str):
    """Type as a reader does; Playwright types Chinese without keyup, so press End as well."""
    field = open_search(page)
    field.fill(query)
    field.press("End")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    return results


def links_of(page, server) -> list[str]:
    """Each result's address as linked, section included."""
    links = page.locator(".md-search-result__item a.md-search-result__link")
    return [href.removeprefix(server) for href in links.evaluate_all("(all) => all.map((a) => a.getAttribute('href'))")]


def hrefs(page, server) -> list[str]:
    """Each result's page."""
    return [link.split("#", 1)[0] for link in links_of(page, server)]


@pytest.mark.parametrize("start", sorted({start for start, _, _ in QUERIES}), ids=lambda start: f"/{start}")
def test_each_query_finds_its_expected_page_in_the_top_three(page, server, start):
    """The queries typed from one page one after another, in one tab, as a reader tries again; the bench's
    search() clears the last results first, so an answer is never read from the query before."""
    page.goto(server + start)
    problems = []
    for _, query, expected in (entry for entry in QUERIES if entry[0] == start):
        found = [search_quality.relative(href, server)[0] for href in search_quality.search(page, query)]
        if expected not in found[:3]:
            problems.append(f"{query!r}: {expected} not in the top results {found[:5]}")
        if any(edition_of(href) != edition_of(start) for href in found):  # only this edition's pages
            problems.append(f"{query!r}: results from another edition {found}")
    assert problems == []
    assert page.console_errors == []


def test_results_show_a_title_and_a_highlighted_excerpt_without_word_gaps(page, server):
    page.goto(f"{server}zh/")
    results = search(page, "截图")
    first = results.first
    expect(first.locator("h1")).not_to_be_empty()
    expect(first.locator("p mark").first).to_have_text("截图")
    excerpt = first.locator("p").last.inner_text().replace("\u200b", "")
    assert "截图" in excerpt and "截 图" not in excerpt
    assert " 的" not in excerpt  # the index's word gaps are not shown to the reader


def test_a_result_opens_at_the_matching_section(page, server):
    page.goto(server)
    search(page, "forum non conveniens")
    assert "jurisdiction/#forum-non-conveniens" in links_of(page, server)[:3]


def test_a_hong_kong_or_taiwan_word_finds_the_simplified_word_and_opens_at_its_section(page, server):
    # 軟體 (Taiwan) folds character by character to 软体, which no page uses; the phrase table has 软件.
    page.goto(f"{server}zh/")
    results = search(page, "軟體")
    # The first result may have 软件 only among its reader words (交友软件), which are never shown.
    expect(results.locator("p mark").filter(has_text="软件").first).to_have_text("软件")
    assert "zh/scams/" in hrefs(page, server)[:3]
    # 法援, Hong Kong's short form of 法律援助, opens the help page at its legal-aid section.
    page.goto(f"{server}zh-Hant/")
    search(page, "法援")
    assert links_of(page, server)[0] == "zh-Hant/help/#legal-aid"
    assert page.console_errors == []


def test_reader_words_find_their_section_and_are_never_shown(page, server):
    # hooks/data/search-reader-words.yml: "group owner" and 群主 are on no page's text; 蒐證 (Taiwan) folds to 搜证.
    for start, query, expected in (
        ("", "group owner", "online/#who-is-liable"),
        ("zh/", "群主", "zh/online/#who-is-liable"),
        ("zh-Hant/", "蒐證", "zh-Hant/online/#screenshots"),
    ):
        page.goto(server + start)
        results = search(page, query)
        assert expected in links_of(page, server)[:3], (query, links_of(page, server))
        for index in range(results.count()):
            shown = results.nth(index).inner_text()
            assert "lcrw" not in shown and "group admin" not in shown and "群管" not in shown, shown
    assert page.console_errors == []


def test_a_worried_question_is_cut_into_the_index_words_and_its_grammar_words_weigh_nothing(page, server):
    # 截图 可以 当 证据 吗: before lc-words.json this was searched as 截图 alone (Pagefind's prefix fallback).
    page.goto(f"{server}zh/")
    search(page, "截图可以当证据吗")
    assert links_of(page, server)[0] == "zh/online/#screenshots"
    # English stop words (lc-stop.json): only "bring" and "lawyer" are searched.
    page.goto(server)
    search(page, "what should I bring to my lawyer")
    assert "for-your-lawyer/" in hrefs(page, server)[:3]
    assert page.console_errors == []


def test_the_cut_takes_the_likeliest_known_words_and_leaves_unknown_characters_out(page, server):
    page.goto(f"{server}zh/")
    cuts = page.evaluate(
        """async (url) => {
          const { readWords, cut, shardOf } = await import(url);
          const words = readWords({ pages: 9, df: { "1": "截图 当 诺威奇令 诺威", "3": "证据 吗", "9": "可以 的" } });
          // Shards read together, each with the whole vocabulary's total and longest word, cut the same.
          const shards = readWords([
            { pages: 9, total: 28, longest: 4, df: { "1": "截图 当 诺威奇令 诺威" } },
            { pages: 9, total: 28, longest: 4, df: { "3": "证据 吗", "9": "可以 的" } },
          ]);
          return [cut("截图可以当证据吗", words), cut("申请诺威奇令", words), cut("告佢", words), cut("", words),
                  cut("截图可以当证据吗", shards), shards.total === words.total, shardOf("诽")];
        }""",
        f"{server}assets/javascripts/lc-search-cut.js",
    )
    assert cuts == [
        ["截图", "可以", "当", "证据", "吗"],
        ["诺威奇令"],
        [],
        [],
        ["截图", "可以", "当", "证据", "吗"],
        True,
        ord("诽") % 64,
    ]


def test_the_cut_knows_stop_words_no_page_has_and_leaves_them_out(page, server):
    page.goto(f"{server}zh/")
    cuts = page.evaluate(
        """async (url) => {
          const { readWords, cut, withStopWords } = await import(url);
          const words = readWords({ pages: 9, df: { "1": "诽谤 意思", "9": "到 是" } });
          const known = withStopWords(words, new Set(["到底", "是", "what"]));
          return [cut("诽谤到底是什么意思", words), cut("诽谤到底是什么意思", known), cut("到底", known),
                  known.df.get("到底") === 9, words.df.has("到底")];
        }""",
        f"{server}assets/javascripts/lc-search-cut.js",
    )
    # Without the stop words, 到底 is cut into 到 (searched) and 底 (no page has it); with them it is one word,
    # left out like any word no page has. 是, on pages, stays for the search to leave out.
    assert cuts == [["诽谤", "到", "是", "意思"], ["诽谤", "是", "意思"], [], True, False]


def test_a_whole_reader_phrase_is_searched_with_its_words_and_spelled_with_its_own_mark(page, server):
    page.goto(f"{server}zh/")
    got = page.evaluate(
        """async ([cutUrl, rankUrl]) => {
          const { readWords, cut, withStopWords } = await import(cutUrl);
          const { spell } = await import(rankUrl);
          const words = withStopWords(readWords({ pages: 9, df: { "1": "+被告了 +群主 告 我", "4": "被告 了", "9": "群主" } }),
                                      new Set(["了"]));
          return [cut("我被告了", words), Array.from(words.phrases), spell("被告了", words.phrases), spell("被告", words.phrases)];
        }""",
        [f"{server}assets/javascripts/lc-search-cut.js", f"{server}assets/javascripts/lc-search-rank.js"],
    )
    # The phrase, then its own words (the search leaves out 了, a stop word, later); +群主 is also a plain word of
    # the index, so it is searched as the word.
    assert got == [["我", "被告了", "被告", "了"], ["被告了"], "zr88ab544a4e86", "zq88ab544a"]


def test_the_query_is_folded_and_its_english_words_get_their_chinese_words(page, server):
    page.goto(f"{server}zh/")
    got = page.evaluate(
        """async (url) => {
          const { fold, withChinese, spell, searchWords } = await import(url);
          const chinese = { chars: new Map([["螢", "萤"], ["圖", "图"], ["訴", "诉"]]),
                            phrases: new Map([["萤幕截图", "截图"], ["提告", "起诉"], ["搵", "找"]]) };
          const english = new Map([["lawyer", "律师"], ["fake account", "假账号"], ["screenshot", "截图"]]);
          const stop = new Set(["吗", "我", "what"]);
          return [fold("螢幕截圖", chinese), fold("我想提告", chinese), fold("訴", chinese),
                  fold("搵律師提告", chinese), withChinese("fake account 是谁", english), withChinese("screenshots 有用吗", english),
                  withChinese("lawyers 贵不贵 lawyer", english), withChinese("class action", english),
                  spell("诽谤"), spell("sue"),
                  searchWords(["截图", "吗", "截图", "我"], stop), searchWords(["我", "吗"], stop)];
        }""",
        f"{server}assets/javascripts/lc-search-rank.js",
    )
    assert got == [
        "截图",
        "我想起诉",
        "诉",
        "找律師起诉",
        "fake account 是谁 假账号",
        "screenshots 有用吗 截图",
        "lawyers 贵不贵 lawyer 律师 律师",
        "class action",
        "zq8bfd8c24",
        "sue",
        ["截图"],
        ["我", "吗"],  # a query of stop words only is searched as typed
    ]


def test_pages_rank_by_the_rare_words_they_have_close_together_and_open_at_the_best_section(page, server):
    page.goto(f"{server}zh/")
    got = page.evaluate(
        """async (url) => {
          const { rank, idf, nearness, bestSection } = await import(url);
          const hit = (id, score, words) => ({ id, score, words });
          // 诽谤 is on every page, 截图 on two, 骂 (one character) on one, 群主 on none.
          const found = [
            { results: [hit("a", 10, [5]), hit("b", 8, [300]), hit("c", 6, [1]), hit("d", 5, [2])] },
            { results: [hit("b", 4, [310]), hit("a", 4, [200])] },
            { results: [hit("c", 9, [3])] },
            { results: [] },
          ];
          const ranked = rank(["诽谤", "截图", "骂", "群主"], found, 4);
          const near = nearness([{ result: hit("x", 1, [10]), weight: 2 }, { result: hit("x", 1, [40]), weight: 1 }]);
          const far = nearness([{ result: hit("x", 1, [10]), weight: 2 }, { result: hit("x", 1, [400]), weight: 1 }]);
          const section = (url, weights) => ({ url, weighted_locations: weights.map((weight) => ({ weight })) });
          const hits = [{ weight: 1 }, { weight: 2 }];
          const sections = [
            [section("/p/", [7, 1]), section("/p/#a", [1]), section("/p/#b", [6])],
            [section("/p/", [3]), section("/p/#a", [1])],
          ];
          return { order: ranked.map((seen) => seen.result.id), words: ranked[0].hits.length,
                   rarer: idf(1, 20) > idf(10, 20), everywhere: idf(20, 20) < 0.05, near, far,
                   section: bestSection(hits, sections).url, none: bestSection([], []) };
        }""",
        f"{server}assets/javascripts/lc-search-rank.js",
    )
    # b has the two multi-character words side by side; a has them 195 words apart; c has the lone 骂, at 0.3.
    assert got["order"] == ["b", "a", "c", "d"]
    assert got["words"] == 2
    assert got["rarer"] and got["everywhere"]
    assert got["near"] == 1 and got["far"] == 0  # the lighter word's weight, only when close
    # #b: its heading has the first word (6 × 1); #a has both words in its text (1 + 2); the page's title (7)
    # and reader words (3) do not draw the link to the top of the page.
    assert got["section"] == "/p/#b"
    assert got["none"] is None


def test_excerpts_are_unspelled_unfolded_closed_up_and_lose_their_reader_words(page, server):
    page.goto(f"{server}zh/")
    got = page.evaluate(
        """async (url) => {
          const { unspell, unfold, closeUp, withoutReaderWords, excerptParts, sectionTitle } = await import(url);
          const hant = new Map([["诽", "誹"], ["谤", "謗"]]);
          return [unspell("zq8bfd8c24 online zq622a56fe"), unfold("诽谤 ok", hant), unfold("诽谤", null),
                  closeUp("“ 管辖 资格 ” in Ontario , 安省"),
                  withoutReaderWords("开头 lcrwa 群主 lcrwm 群管 lcrwz 正文"),
                  withoutReaderWords("群管 lcrwz 正文"),
                  excerptParts([{ text: "网上的 zq8bfd8c24.", mark: false }, { text: " 简要说明 ", mark: false },
                                { text: "zq8bfd8c24", mark: true }, { text: "。 done.", mark: false }], hant),
                  sectionTitle("zq8bfd8c24 的 定义", hant)];
        }""",
        f"{server}assets/javascripts/lc-search-text.js",
    )
    assert got == [
        "诽谤 online 截图",
        "誹謗 ok",
        "诽谤",
        "“管辖资格” in Ontario , 安省",
        "开头 正文",
        "正文",
        [
            {"text": "网上的誹謗。简要说明", "mark": False},
            {"text": "誹謗", "mark": True},
            {"text": "。 done.", "mark": False},
        ],
        "誹謗的定义",
    ]


def test_a_query_of_characters_no_page_has_finds_nothing(page, server):
    page.goto(f"{server}zh-Hant/")
    field = open_search(page)
    field.fill("佢")
    field.press("End")
    none = page.locator("script[data-lc-none]").get_attribute("data-lc-none")
    expect(page.locator(".md-search-result__meta")).to_have_text(none)
    expect(page.locator(".md-search-result__item")).to_have_count(0)


def test_every_counted_result_can_be_shown(page, server):
    page.goto(f"{server}zh/")
    search(page, "诽谤")
    meta = page.locator(".md-search-result__meta").inner_text()
    total = int(re.search(r"\d+", meta).group(0))
    assert total > 6
    items = page.locator(".md-search-result__item")
    while page.locator(".lc-search-more button").count():
        shown = items.count()
        page.locator(".lc-search-more button").click()
        expect(items).not_to_have_count(shown)
    expect(items).to_have_count(total)


def test_excerpts_have_no_gaps_inside_quotes_and_no_latin_full_stop_after_chinese(page, server):
    page.goto(f"{server}zh/")
    field = open_search(page)
    for query in ("管辖", "诽谤", "截图"):
        field.fill(query)
        field.press("End")
        results = page.locator(".md-search-result__item")
        expect(results.first).to_contain_text(query[0])
        for index in range(results.count()):
            excerpt = results.nth(index).locator("p").last.inner_text()
            assert not re.search(r"[“‘] | [”’]", excerpt), excerpt
            assert not re.search(r"[\u4e00-\u9fff]\. ", excerpt), excerpt


def test_traditional_results_show_traditional_excerpts(page, server):
    page.goto(f"{server}zh-Hant/")
    results = search(page, "诽谤")
    excerpt = results.first.locator("p").last.inner_text()
    assert "誹謗" in excerpt and "诽谤" not in excerpt, excerpt
    expect(results.first.locator("p mark").first).to_have_text(re.compile("^誹謗"))


def test_search_strings_are_translated_and_the_dialog_is_named(page, server):
    page.goto(f"{server}zh/")
    dialog = page.locator(".md-search[role=dialog]")
    expect(dialog).to_have_attribute("aria-label", "搜索本站")
    search(page, "诽谤")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ 个符合条件的结果$"))
    page.goto(server)
    expect(page.locator(".md-search[role=dialog]")).to_have_attribute("aria-label", "Search this site")
    search(page, "defamation")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ matching documents$"))


def test_no_index_is_downloaded_until_the_search_box_is_used(page, server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}zh/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "pagefind" in url or "search_index" in url or "/workers/" in url]
    search(page, "诽谤")
    fetched = [url.removeprefix(server) for url in requested if "pagefind" in url]
    assert fetched and all(url.startswith("zh/pagefind/") for url in fetched)
    assert not [url for url in requested if "search_index" in url]


def test_traditional_table_is_fetched_only_for_chinese_queries(page, server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server)
    search(page, "defamation")
    chinese = ("lc-fold.json", "lc-phrases.json", "lc-search-cut.js")
    assert not [url for url in requested if url.endswith(chinese) or "lc-words" in url]
    assert [url for url in requested if url.endswith("pagefind/lc-stop.json")]  # with Pagefind's loader
    field = page.locator("input.md-search__input")
    field.fill("誹謗")
    field.press("End")
    expect(page.locator(".md-search-result__item").first).to_contain_text("诽谤")
    for name in chinese:
        assert [url for url in requested if url.endswith(name)], name
    # Only the shards of the query's (folded) characters, 诽 and 谤 (hooks/search_words.shard_of), not the others.
    shards = sorted({url.rsplit("/", 1)[1] for url in requested if "/lc-words-" in url})
    assert shards == sorted({f"lc-words-{ord(ch) % 64:02x}.json" for ch in "诽谤"}), shards


def test_keyboard_opens_moves_through_and_closes_search(page, server):
    page.goto(server)
    page.keyboard.press("/")
    field = page.locator("input.md-search__input")
    expect(field).to_be_focused()
    field.fill("Norwich")
    field.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    field.press("ArrowDown")
    expect(page.locator("a.md-search-result__link").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()


def test_a_topic_word_finds_the_topic_page_above_the_questionnaire(page, server):
    # The questionnaire (what-to-do) and the home page sum every topic up and link to its page: they rank below
    # it (front matter search: boost 0.7). Before, both questions found the questionnaire first. The page about
    # the site (who writes it, its Chinese-speaking reviewers) ranks below the pages that help (boost 0.5).
    page.goto(f"{server}zh/")
    queries = (
        ("诉讼时效是多久", "zh/defamation/"),
        ("怎么告人", "zh/options/"),
        ("哪里可以找到讲中文的律师", "zh/help/"),
    )
    for query, expected in queries:
        found = [search_quality.relative(href, server)[0] for href in search_quality.search(page, query)]
        assert found[0] == expected, (query, found[:3])
    assert page.console_errors == []


def test_wechat_typed_in_latin_letters_in_a_chinese_query_weighs_as_little_as_微信(page, server):
    # The Chinese pages write 微信, and WeChat only in a few names (WeChat International …): without the search
    # synonym 微信 → wechat, "WeChat" was a rare word there and sent the query to those pages.
    page.goto(f"{server}zh/")
    found = [search_quality.relative(href, server) for href in search_quality.search(page, "WeChat 截图 证据")]
    assert found[0] == ("zh/online/", "screenshots"), found[:3]
    assert page.console_errors == []


def test_the_title_and_the_page_s_reader_words_do_not_draw_the_link_to_the_top_of_the_page(page, server):
    # 微信群 is one of the online page's own reader words (weight 5, above its opening text): it used to make the top
    # of the page the best "section", though 截图 is the screenshots section's heading.
    page.goto(f"{server}zh/")
    assert search_quality.search(page, "微信群 截图")[0].removeprefix(server) == "zh/online/#screenshots"
    assert page.console_errors == []


def test_cantonese_words_reach_the_page_through_the_fold_and_the_regional_words(page, server):
    # 閂咗 ("closed", Cantonese) is a regional word for 关闭 (hooks/data/search-phrases.txt). Its key is kept folded
    # (闩咗), and no page writes 闩, so the fold table shipped only the pages' own characters: 閂 stayed 閂 and the
    # query kept only 网站. The table now carries the characters of the regional words and of the synonyms.
    page.goto(f"{server}zh-Hant/")
    found = search_quality.search(page, "點樣即刻閂咗呢個網站")
    assert found[0].removeprefix(server) == "zh-Hant/about/#leave-quickly", found[:3]
    assert page.console_errors == []


def test_english_words_typed_in_a_chinese_query_weigh_as_their_chinese_word(page, server):
    # "summary" is on one Chinese page, in "summary judgment" (hong-kong), so it was a rare word that sent the query
    # there; the search synonym 摘要 summary puts it on the pages that say 摘要, and "lawyer" on those that say 律师.
    page.goto(f"{server}zh/")
    found = [search_quality.relative(href, server)[0] for href in search_quality.search(page, "summary 给律师")]
    assert found[0] == "zh/for-your-lawyer/", found[:3]
    assert page.console_errors == []


def test_english_words_in_a_chinese_query_search_the_words_the_chinese_pages_use(page, server):
    # lc-english.json (hooks/data/search-english-words.txt): "fake account" and "gift card" are on no Chinese page;
    # before, the first query found hong-kong (是谁) and the second anonymous. Phrases are looked up whole, and a
    # plural without its -s.
    page.goto(f"{server}zh/")
    queries = (
        ("fake account 是谁", "zh/anonymous/"),
        ("scammer 要我买 gift card", "zh/scams/"),
        ("scammers 要我买 gift cards", "zh/scams/"),
    )
    for query, expected in queries:
        found = [search_quality.relative(href, server)[0] for href in search_quality.search(page, query)]
        assert found[0] == expected, (query, found[:3])
    assert search_quality.search(page, "scammer 要我买 gift card")[0].removeprefix(server) == "zh/scams/#gift-card-scam"
    assert page.console_errors == []


def test_the_english_words_table_is_fetched_only_for_latin_letters_on_a_chinese_edition(page, server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server)
    search_quality.search(page, "defamation 诽谤")
    page.goto(f"{server}zh/")
    search_quality.search(page, "诽谤")
    assert not [url for url in requested if url.endswith("lc-english.json")]
    search_quality.search(page, "lawyer 诽谤")
    assert [url.removeprefix(server) for url in requested if url.endswith("lc-english.json")] == [
        "zh/pagefind/lc-english.json"
    ]


def test_a_page_where_the_query_s_words_stand_together_ranks_above_one_that_scatters_them(page, server):
    # Term proximity (lc-search.js, nearness): options has "cost" and "sue" in one section, its comparison of the
    # ways to act; defamation has them far apart (its damages section, its deadlines) and came first before.
    page.goto(server)
    found = [
        search_quality.relative(href, server)
        for href in search_quality.search(page, "how much does it cost to sue someone")
    ]
    assert found[0] == ("options/", "compare"), found[:3]
    assert page.console_errors == []
