"""The 繁體中文 edition: the conversion (every trap, every phrase rule), its checks, and the generated pages."""

from __future__ import annotations

import re

import pytest
import zh_hant
from conftest import ROOT
from zh_hant_edition import generated_text, source_problems, write_edition

# The traps from the reviewer's notes, and how the edition must write them.
TRAPS = {
    "被发布": "被發布",
    "并联系": "並聯繫",
    "发卡公司": "發卡公司",
    "御准": "御准",
    "再回复": "再回覆",
    "说里群户为": "說裡群戶為",
    "“引号”和‘内引号’": "「引號」和『內引號』",
    "被告知被告": "被告知被告人",
    "司法管辖权和管辖权": "司法管轄權和司法管轄權",
}


@pytest.mark.parametrize(("simplified", "traditional"), TRAPS.items())
def test_the_traps_of_the_review_convert_as_hong_kong_readers_write_them(simplified, traditional):
    assert zh_hant.convert(simplified) == traditional


# Every rule of the phrase table that the review of the generated pages added or changed, as the pages use it.
HONG_KONG_WORDING = {
    "合理评论（fair comment）": "公允評論（fair comment）",
    "有的中文资料也译作“公允评论”": "有的中文資料也譯作「合理評論」",
    "就公共利益事项": "就公眾利益事項",
    "原告申索书送达原告本人，在原告知道之后": "原告人申索書送達原告人本人，在原告人知道之後",
    "被告证明，被告知道": "被告人證明，被告知道",
    "诉讼时效（limitation period）": "時效期（limitation period）",
    "了解诉讼时效期限": "了解時效期限",
    "电子邮箱和举报邮箱": "電郵地址和舉報電郵地址",
    "在线举报，保持在线": "網上舉報，保持在線",
    "微信自己公布的条款，读者分布在安大略省，散布您的照片": "微信自己公布的條款，讀者分布在安大略省，散布您的照片",
    "撰写并发布言论，并发出永久禁制令": "撰寫並發布言論，並發出永久禁制令",
    "故意销毁相关证据": "故意銷毀相關證據",
    "平台、电台或电视台": "平台、電台或電視台",
    "以“周”而不是“月”，在几周内": "以「週」而不是「月」，在幾週內",
    "请尽快、尽早、尽量、尽可能": "請盡快、盡早、盡量、盡可能",
    "了解期限": "了解期限",
    "个人数据和浏览数据": "個人資料和瀏覽資料",
    "在香港执行安大略省判决，为执行命令而产生的费用": "在香港強制執行安大略省判決，為執行命令而產生的費用",
    "来自中国大陆的判决另有专门制度": "來自中國內地的判決另有專門制度",
    "语音消息": "語音訊息",
    "这条信息，一条新的信息，新信息": "這條訊息，一條新的訊息，新訊息",
    "重复那些话的信息，只发给对方本人的信息，删除微信信息": "重複那些話的訊息，只發給對方本人的訊息，刪除微信訊息",
    "一般信息、法律信息、更多信息": "一般資訊、法律資訊、更多資訊",
    "提供信息和法律帮助的服务，可以为您提供信息": "提供資訊和法律幫助的服務，可以為您提供資訊",
    "披露个人信息和用户信息": "披露個人資料和用戶資料",
    "账户持有人，转账记录": "帳戶持有人，轉賬記錄",
    "登录记录": "登入記錄",
    "交友软件": "交友應用程式",
    "由新加坡公司运营": "由新加坡公司營運",
    "浏览器的设置，菜单名称，无痕窗口": "瀏覽器的設定，選單名稱，無痕視窗",
    "用户名": "用戶名稱",
    "可以粘贴到电子邮件，粘贴": "可以貼到電子郵件，貼上",
    "日历文件": "日曆檔案",
}


@pytest.mark.parametrize(("simplified", "traditional"), HONG_KONG_WORDING.items())
def test_the_reviewed_phrases_read_as_hong_kong_legal_usage(simplified, traditional):
    assert zh_hant.convert(simplified) == traditional


@pytest.mark.parametrize("phrase", zh_hant.phrases(), ids=lambda phrase: f"line-{phrase.line}")
def test_every_phrase_rule_has_a_reason_and_rewrites_what_it_names(phrase):
    assert phrase.reason.strip() and phrase.replacement
    plain = re.sub(r"\(\?<?[!=][^)]*\)", "", phrase.pattern.pattern)  # the pattern without its look-arounds
    assert phrase.pattern.sub(phrase.replacement, plain) == phrase.replacement


def test_code_urls_ids_case_names_and_english_stay_as_they_are():
    text = "见 [Grant v. Torstar](https://www.canlii.org/发布) { #who-can-sue } `发布` 和\n```\n发布\n```\n发布"
    converted = zh_hant.convert(text)
    assert "[Grant v. Torstar](https://www.canlii.org/发布)" in converted
    assert "{ #who-can-sue }" in converted and "`发布`" in converted and "```\n发布\n```" in converted
    assert converted.startswith("見") and converted.endswith("發布")


def test_the_checks_name_forbidden_forms_and_left_over_simplified_characters():
    assert zh_hant.check_converted("第一行\n被髮布了\n这") == [
        (2, "the Traditional text has '髮布': 发布 converted as 髮 (hair)"),
        (
            3,
            "the Traditional text still has the Simplified character '这'; add a rule to hooks/data/zh-hant-phrases.tsv",
        ),
    ]
    assert zh_hant.check_converted("御准，公里，干預，平台") == []  # characters that are Traditional too


def test_a_traditional_character_in_a_simplified_page_is_reported_at_its_line():
    assert zh_hant.traditional_in_simplified("第一行\n这是誹谤\n`誹`") == [(2, "誹")]
    problems = source_problems("标题\n誹谤", zh_hant.convert("标题\n誹谤"), "docs/zh/x.md")
    assert [str(problem) for problem in problems] == [
        "docs/zh/x.md:2: the Traditional character '誹' is in a Simplified page; write its Simplified form "
        "(the 繁體中文 edition is converted from this page)"
    ]


def test_the_edition_is_written_from_the_simplified_pages_and_follows_their_changes(tmp_path):
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "a.md").write_text("---\ntitle: 诽谤\n---\n正文\n", encoding="utf-8")
    assert write_edition(tmp_path) == []
    written = (tmp_path / "zh-Hant" / "a.md").read_text(encoding="utf-8")
    assert written == generated_text("---\ntitle: 诽谤\n---\n正文\n", "a.md")
    assert written.startswith("---\n# Generated from docs/zh/a.md") and "title: 誹謗" in written
    mtime = (tmp_path / "zh-Hant" / "a.md").stat().st_mtime_ns
    write_edition(tmp_path)
    assert (tmp_path / "zh-Hant" / "a.md").stat().st_mtime_ns == mtime  # unchanged: not rewritten
    (tmp_path / "zh" / "a.md").unlink()
    write_edition(tmp_path)
    assert not (tmp_path / "zh-Hant" / "a.md").exists()


def test_the_real_simplified_pages_convert_without_a_problem():
    for page in sorted((ROOT / "docs" / "zh").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert source_problems(text, zh_hant.convert(text), f"docs/zh/{page.name}") == []


# --- the built edition -------------------------------------------------------------------------------------


def test_every_simplified_page_has_its_traditional_page(built_site):
    for page in sorted((ROOT / "docs" / "zh").rglob("*.md")):
        slug = "" if page.stem == "index" else f"{page.stem}/"
        html = (built_site / "zh-Hant" / slug / "index.html").read_text(encoding="utf-8")
        assert '<html lang="zh-Hant"' in html
        assert "本頁由簡體中文頁面自動轉換而來，法律用語採用香港的習慣說法。" in html
        assert "template=translation.yml" in html


def test_the_selector_lists_three_editions_and_the_sitemap_announces_them(built_site, site_url):
    html = (built_site / "zh-Hant" / "defamation" / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'hreflang="([^"]+)" class="md-select__link" lang="[^"]+">\s*([^<]+?)\s*<', html)
    assert names == [("en", "English"), ("zh", "简体中文"), ("zh-Hant", "繁體中文")]
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<loc>{re.escape(site_url)}zh-Hant/defamation/</loc>.*?</url>", sitemap, re.S)[0]
    for language, prefix in (("en", ""), ("zh", "zh/"), ("zh-Hant", "zh-Hant/"), ("x-default", "")):
        assert f'hreflang="{language}" href="{site_url}{prefix}defamation/"' in entry


def test_the_edition_has_its_own_404_search_bundle_and_strings(built_site):
    not_found = (built_site / "zh-Hant" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant"' in not_found and "快速離開本網站" in not_found
    assert (built_site / "zh-Hant" / "pagefind" / "pagefind.js").exists()
    home = (built_site / "zh-Hant" / "index.html").read_text(encoding="utf-8")
    assert "最後審閱" in home and "最后审阅" not in home


def test_an_unchanged_page_is_not_converted_again_and_anything_changed_is(tmp_path, monkeypatch):
    import zh_hant_edition

    calls = []
    real_convert = zh_hant_edition.zh_hant.convert
    monkeypatch.setattr(zh_hant_edition.zh_hant, "convert", lambda text: calls.append(text) or real_convert(text))
    (tmp_path / "zh").mkdir()
    for name, body in (("a.md", "诽谤\n"), ("b.md", "网络\n")):
        (tmp_path / "zh" / name).write_text(body, encoding="utf-8")
    write_edition(tmp_path)
    assert len(calls) == 2
    calls.clear()
    write_edition(tmp_path)
    assert calls == []  # nothing changed: nothing converted
    (tmp_path / "zh" / "b.md").write_text("网络上的截图\n", encoding="utf-8")
    write_edition(tmp_path)
    assert calls == ["网络上的截图\n"]
    assert "網絡上的截圖" in (tmp_path / "zh-Hant" / "b.md").read_text(encoding="utf-8")
    calls.clear()
    (tmp_path / "zh-Hant" / "a.md").write_text("edited by hand\n", encoding="utf-8")  # the note says not to
    write_edition(tmp_path)
    assert calls == ["诽谤\n"] and "誹謗" in (tmp_path / "zh-Hant" / "a.md").read_text(encoding="utf-8")
    calls.clear()
    monkeypatch.setattr(zh_hant_edition, "converter_fingerprint", lambda: "new tables")
    write_edition(tmp_path)
    assert len(calls) == 2  # a new phrase table (or OpenCC, or converter code) converts every page


def test_a_page_with_a_problem_is_reported_on_every_build(tmp_path):
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "a.md").write_text("正文\n這裡\n", encoding="utf-8")  # Traditional in a Simplified page
    first = write_edition(tmp_path)
    assert [problem.line for problem in first] == [2, 2]
    assert write_edition(tmp_path) == first
