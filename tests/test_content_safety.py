"""Unit tests for the content checks' pure functions: the HTML allowlist, fences, front matter, the CSP."""

from content_safety import check_fences, check_front_matter, check_html, check_url
from front_matter import parse
from security_headers import inline_script_hashes, with_policy

FILE = "docs/en/x.md"


def messages(html: str, source: str = "") -> list[str]:
    return [str(problem) for problem in check_html(html, source or html, FILE)]


def test_what_markdown_and_our_partials_write_passes():
    html = (
        '<h2 id="a">T</h2><p>x <a href="../b/#c">b</a> <a href="tel:911">911</a> <a href="https://canlii.org/">c</a></p>'
        '<table><tr><td style="text-align: center;">1</td></tr></table>'
        '<ul class="task-list"><li><input type="checkbox" disabled checked> done</li></ul>'
        '<img src="../assets/images/favicon.svg" alt=""><img src="data:image/png;base64,AAAA" alt="">'
        '<div data-lc-checklist="x" aria-live="polite"><button type="button">Print</button></div>'
    )
    assert messages(html) == []


def test_urls_are_judged_after_the_noise_a_browser_ignores():
    assert check_url("a", "href", "java\tscript:alert(1)").startswith("a link to 'javascript:'")
    assert check_url("img", "src", "//tracker.example/p.gif").startswith("<img> loads")
    assert check_url("a", "href", "mailto:help@example.org") is None


def test_each_problem_is_placed_at_its_line_in_the_markdown():
    source = '---\ntitle: T\n---\n\nText.\n\n<span onclick="x()">hi</span>\n'
    assert messages('<p>Text.</p><span onclick="x()">hi</span>', source) == [
        "docs/en/x.md:7: the 'onclick' attribute on <span> runs code in readers' browsers; remove it"
    ]


def test_a_mermaid_fence_is_reported_but_one_shown_inside_a_longer_fence_is_not():
    source = "````markdown\n```mermaid\n```\n````\n\n```mermaid\ngraph TD\n```\n"
    assert [problem.line for problem in check_fences(source, FILE)] == [6]


def test_front_matter_text_is_plain_text():
    problems = check_front_matter({"title": "A <b>bold</b> title", "sources": [{"title": "ok"}]}, {"title": 2}, FILE)
    assert [str(problem) for problem in problems] == [
        "docs/en/x.md:2: 'title' contains HTML ('A <b>bold</b> title'); front matter must be plain text"
    ]


def test_unreadable_front_matter_and_impossible_dates_are_problems_not_crashes():
    broken = parse("---\ntitle: a: b\nreviewed: 2026-11-25\n---\nBody\n", FILE)
    assert broken.meta == {} and broken.body == "Body\n" and broken.problems[0].line == 2
    dated = parse("---\ntitle: T\nreviewed: 2026-02-30\n---\n", FILE)
    assert dated.meta["reviewed"] == "2026-02-30" and dated.key_lines == {"title": 2, "reviewed": 3}
    assert (
        str(dated.problems[0])
        == "docs/en/x.md:3: '2026-02-30' is not a real date; write it as YYYY-MM-DD, e.g. 2026-11-25"
    )


def test_only_the_themes_inline_scripts_outside_the_content_are_hashed():
    content = '<script>var palette=__md_get("__palette")</script>'
    page = f'<head><meta charset="utf-8"></head><script>__md_scope=new URL(".",location)</script>{content}'
    page += '<script>evil()</script><script type="application/json">{}</script>'
    assert len(inline_script_hashes(page, content)) == 1
    assert len(inline_script_hashes(page)) == 2
    assert with_policy(page, content).index('<meta charset="utf-8">') < with_policy(page).index("Content-Security")


def test_a_phone_number_that_is_not_a_link_is_reported_and_a_tel_link_passes():
    source = "---\ntitle: T\n---\n\nCall [911](tel:911) now.\n\nOr call 1-800-668-8258.\n"
    html = '<p>Call <a href="tel:911">911</a> now.</p><p>Or call 1-800-668-8258.</p><pre><code>911</code></pre>'
    assert messages(html, source) == [
        "docs/en/x.md:7: the phone number 1-800-668-8258 is not a link; "
        "write [1-800-668-8258](tel:+1-800-668-8258) so a phone can call it"
    ]
