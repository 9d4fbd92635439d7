"""The flowchart hook's pure functions: parsing, every validation rule (exact messages), rendering helpers,
and the real "What should I do?" page in both languages."""

import json
import re

import jinja2
import pytest
from conftest import ROOT
from flowchart import all_paths, graph_data, inject, outline
from flowchart_graph import check_file, compare, parse, validate
from translations import source_hash
from ui_strings import strings_for

WHERE = "docs/en/x.md"


def chart_of(text: str, where: str = WHERE):
    chart, errors = parse(text, where)
    assert chart is not None
    return chart, errors


def problems(text: str, where: str = WHERE) -> list[str]:
    chart, errors = chart_of(text, where)
    return strs(errors + validate(chart))


def strs(found) -> list[str]:
    return [str(problem) for problem in found]


GOOD = """\
Intro.
<!-- flowchart start="q1" -->
## First question? { #q1 }
<!-- question -->
Some explanation.

- [Yes](#q2)
- [No](#done)

## Second question? { #q2 }
<!-- question -->
- [A **bold** answer](#done)
- [Other](#other)

## Done { #done }
<!-- outcome -->
Do this.

## Other { #other }
<!-- outcome -->
Do that, see [a page](page.md).
<!-- /flowchart -->
"""


# --- parsing -------------------------------------------------------------------------------------


def test_a_file_without_a_flowchart_parses_to_none():
    assert parse("# Title\n\nText.\n", WHERE) == (None, [])


def test_parse_reads_nodes_answers_bodies_and_line_numbers():
    chart, errors = chart_of(GOOD)
    assert errors == [] and validate(chart) == []
    assert (chart.start, chart.line, chart.closed) == ("q1", 2, True)
    assert [(node.id, node.kind, node.line) for node in chart.nodes] == [
        ("q1", "question", 3),
        ("q2", "question", 10),
        ("done", "outcome", 15),
        ("other", "outcome", 19),
    ]
    first = chart.nodes[0]
    assert [(a.label, a.target, a.line) for a in first.answers] == [("Yes", "q2", 7), ("No", "done", 8)]
    assert first.body == ["Some explanation."]
    assert chart.nodes[1].answers[0].label == "A bold answer"
    assert chart.nodes[3].body == ["Do that, see [a page](page.md)."]


def test_fenced_code_blocks_are_skipped():
    text = '```md\n<!-- flowchart start="fake" -->\n## Not a node { #fake }\n```\n' + GOOD
    chart, errors = chart_of(text)
    assert chart.start == "q1" and errors == [] and validate(chart) == []
    inner = GOOD.replace("Some explanation.", "~~~\n## Inside a fence { #fenced }\n- [x](#nowhere)\n~~~")
    chart, errors = chart_of(inner)
    assert "fenced" not in chart.node_map() and validate(chart) == []


def test_a_heading_without_an_id_is_reported():
    text = GOOD.replace("## Other { #other }", "## Other")
    chart, errors = chart_of(text)
    assert strs(errors) == [
        "docs/en/x.md:19: heading 'Other' has no explicit id; end it with { #some-id }, the same in both languages"
    ]


# --- validation rules, one by one, with their exact messages -------------------------------------


def test_answer_pointing_to_a_missing_node():
    assert problems(GOOD.replace("- [Other](#other)", "- [Other](#missing)\n- [Keep](#other)")) == [
        "docs/en/x.md:13: answer 'Other' in 'q2' points to '#missing', which is not a node; "
        "link to an existing { #id } or add that section"
    ]


def test_unreachable_node():
    text = GOOD.replace("<!-- /flowchart -->", "## Orphan { #orphan }\n<!-- outcome -->\nText.\n<!-- /flowchart -->")
    assert problems(text) == [
        "docs/en/x.md:22: node 'orphan' cannot be reached from the start node 'q1'; "
        "link to it from a question's answers, or remove it"
    ]


def test_cycle():
    text = GOOD.replace("- [Other](#other)", "- [Other](#other)\n- [Again](#q1)")
    assert problems(text) == [
        "docs/en/x.md:14: answer 'Again' in 'q2' leads back to 'q1', a cycle (q1 → q2 → q1); "
        "every answer must move forward towards an outcome"
    ]


def test_node_with_neither_answers_nor_outcome_text():
    empty_outcome = GOOD.replace("Do this.\n", "")
    assert problems(empty_outcome) == [
        "docs/en/x.md:15: node 'done' has neither answers nor outcome text; add <!-- question --> and a list of "
        "answer links like - [Yes](#next-id), or <!-- outcome --> and what to do"
    ]
    no_marker = GOOD.replace("## Done { #done }\n<!-- outcome -->\n", "## Done { #done }\n")
    assert problems(no_marker) == [
        "docs/en/x.md:15: node 'done' has neither answers nor outcome text; add <!-- question --> and a list of "
        "answer links like - [Yes](#next-id), or <!-- outcome --> and what to do"
    ]


def test_duplicate_ids():
    text = GOOD.replace("## Other { #other }", "## Other { #done }").replace("- [Other](#other)\n", "")
    assert problems(text) == [
        "docs/en/x.md:18: duplicate node id 'done' (first used on line 14); give every ## section its own { #id }"
    ]


def test_two_answers_leading_to_the_same_node():
    text = GOOD.replace("- [Other](#other)", "- [Other](#other)\n- [Also done](#done)")
    assert problems(text) == [
        "docs/en/x.md:14: answers 'A bold answer' and 'Also done' in 'q2' both lead to '#done'; "
        "merge them, or send one elsewhere"
    ]


def test_no_start_node():
    assert problems(GOOD.replace(' start="q1"', "")) == [
        'docs/en/x.md:2: the flowchart has no start node; write <!-- flowchart start="<id>" --> naming the first question'
    ]


def test_start_node_missing():
    messages = problems(GOOD.replace('start="q1"', 'start="nope"'))
    assert messages == [
        "docs/en/x.md:2: the start node 'nope' does not exist; set start= to the { #id } of the first question"
    ]


def test_unclosed_block():
    assert problems(GOOD.replace("<!-- /flowchart -->\n", "")) == [
        "docs/en/x.md:2: the flowchart opened here is never closed; add <!-- /flowchart --> after its last node"
    ]


def test_every_problem_is_reported_at_once():
    text = GOOD.replace("<!-- /flowchart -->\n", "").replace("- [Other](#other)", "- [Other](#missing)")
    messages = problems(text)
    assert [m.split(": ", 1)[1].split(";")[0] for m in messages] == [
        "the flowchart opened here is never closed",
        "answer 'Other' in 'q2' points to '#missing', which is not a node",
    ]


def test_a_broken_answer_does_not_also_report_the_nodes_behind_it():
    # 'other' is now unreachable only because its one answer was mistyped: one mistake, one message.
    messages = problems(GOOD.replace("- [Other](#other)", "- [Other](#othr)"))
    assert messages == [
        "docs/en/x.md:13: answer 'Other' in 'q2' points to '#othr', which is not a node; "
        "link to an existing { #id } or add that section"
    ]


# --- the two languages must have the same graph --------------------------------------------------

ZH = "docs/zh/x.md"


def test_identical_graphs_in_both_languages_pass():
    english, _ = chart_of(GOOD)
    chinese, _ = chart_of(GOOD.replace("First question?", "第一个问题？"), ZH)
    assert strs(compare(english, chinese)) == [] and strs(compare(chinese, english)) == []


def test_graphs_that_differ_between_languages():
    english, _ = chart_of(GOOD)
    chinese, _ = chart_of(
        GOOD.replace("- [No](#done)", "- [否](#other)").replace("## Other { #other }", "## 其他 { #else }"), ZH
    )
    assert strs(compare(english, chinese)) == [
        "docs/en/x.md:3: the answers of 'q1' lead to ['q2', 'done'] here but to ['q2', 'other'] in docs/zh/x.md:3; "
        "give both languages the same answers in the same order",
        "docs/en/x.md:19: node 'other' is missing from docs/zh/x.md; add it there with the same { #id }, or remove it here",
        "docs/en/x.md:2: node 'else' (docs/zh/x.md:19) is missing here; add it with the same { #id }, or remove it there",
    ]


def test_a_different_start_between_languages():
    english, _ = chart_of(GOOD)
    chinese, _ = chart_of(GOOD.replace('start="q1"', 'start="q2"'), ZH)
    assert strs(compare(english, chinese)) == [
        "docs/en/x.md:2: the flowchart starts at 'q1' here but at 'q2' in docs/zh/x.md:2; "
        "both languages must start at the same node"
    ]


def graph_only(found) -> list:
    """Problems other than missing summary sentences (GOOD has none; they have their own test)."""
    return [problem for problem in found if "lawyer's summary" not in problem.message]


def test_check_file_reads_the_other_language_from_disk(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "zh").mkdir()
    (tmp_path / "en" / "x.md").write_text(GOOD, encoding="utf-8")
    current = f"---\ntranslated_from: {source_hash(GOOD)}\n---\n"
    (tmp_path / "zh" / "x.md").write_text(current + GOOD.replace("- [Other](#other)\n", ""), encoding="utf-8")
    _, english = check_file(tmp_path / "en" / "x.md", "docs/en/x.md", "docs/zh/x.md")
    _, chinese = check_file(tmp_path / "zh" / "x.md", "docs/zh/x.md", "docs/en/x.md")
    english, chinese = graph_only(english), graph_only(chinese)
    assert strs(english) == [
        "docs/en/x.md:10: the answers of 'q2' lead to ['done', 'other'] here but to ['done'] in docs/zh/x.md:13; "
        "give both languages the same answers in the same order"
    ]
    assert strs(chinese) and strs(chinese)[0].startswith("docs/zh/x.md:21: node 'other' cannot be reached")
    # Behind English (English added the answer after the translation): not an error, the report lists it.
    (tmp_path / "zh" / "x.md").write_text("---\ntranslated_from: 0123456789ab\n---\n" + GOOD, encoding="utf-8")
    english_added = GOOD.replace("- [No](#done)\n", "- [No](#done)\n- [Maybe](#other)\n")
    (tmp_path / "en" / "x.md").write_text(english_added, encoding="utf-8")
    assert not [
        p for p in check_file(tmp_path / "en" / "x.md", "docs/en/x.md", "docs/zh/x.md")[1] if "answers of" in p.message
    ]
    (tmp_path / "en" / "x.md").write_text(GOOD, encoding="utf-8")
    assert not [problem for problem in chinese if "answers of" in problem.message]  # compared once, from English
    (tmp_path / "zh" / "x.md").write_text("No flowchart here.\n", encoding="utf-8")
    _, english = check_file(tmp_path / "en" / "x.md", "docs/en/x.md", "docs/zh/x.md")
    assert strs(graph_only(english)) == [
        "docs/en/x.md:2: docs/zh/x.md has no flowchart block; translate the flowchart there"
    ]
    (tmp_path / "zh" / "x.md").unlink()
    _, english = check_file(tmp_path / "en" / "x.md", "docs/en/x.md", "docs/zh/x.md")
    assert strs(graph_only(english)) == ["docs/en/x.md:2: docs/zh/x.md does not exist; translate the flowchart there"]


# --- rendering helpers ---------------------------------------------------------------------------


def test_graph_data_is_what_the_script_reads():
    chart, _ = chart_of(GOOD)
    data = graph_data(chart)
    assert data["start"] == "q1"
    assert data["nodes"]["q1"] == {
        "title": "First question?",
        "kind": "question",
        "answers": [{"label": "Yes", "target": "q2"}, {"label": "No", "target": "done"}],
    }
    assert data["nodes"]["done"] == {"title": "Done", "kind": "outcome", "answers": []}


def test_outline_expands_each_node_once_and_refers_back_later():
    chart, _ = chart_of(GOOD)
    tree = outline(chart)
    assert tree["id"] == "q1" and not tree["seen"]
    via_yes = tree["answers"][0]["node"]
    assert via_yes["id"] == "q2" and via_yes["answers"][0]["node"] == {
        "id": "done",
        "title": "Done",
        "kind": "outcome",
        "seen": False,
        "answers": [],
    }
    assert tree["answers"][1]["node"]["seen"] is True


def test_all_paths_lists_every_way_to_an_outcome():
    chart, _ = chart_of(GOOD)
    assert all_paths(chart) == [["q1", "q2", "done"], ["q1", "q2", "other"], ["q1", "done"]]
    assert len(all_paths(chart, limit=1)) == 1


def test_inject_wraps_the_document_between_the_markers():
    html = '<p>a</p>\n<!-- flowchart start="q1" -->\n<h2 id="q1">Q</h2>\n<!-- /flowchart -->\n<p>b</p>'
    out = inject(html, "<div>before</div><!--lc-flowchart-document--><div>after</div>")
    assert out == '<p>a</p>\n<div>before</div>\n<h2 id="q1">Q</h2>\n<div>after</div>\n<p>b</p>'
    assert inject("<p>no markers</p>", "x") == "<p>no markers</p>"


def render_partial(chart, language="en"):
    """The real partial with a stand-in for MkDocs' url filter, as the hook renders it."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    env.filters["url"] = lambda value: f"../{value}"
    ui = strings_for(language)
    return env.get_template("partials/lc-flowchart.html").render(
        ui=ui,
        language=language,
        graph={**graph_data(chart), "strings": {k: v for k, v in ui.items() if k.startswith("flowchart_")}},
        overview_url="../what-to-do-overview/",
        canonical_url="https://example.org/what-to-do/?a=1&b=<2>",
    )


def render_outline(chart, language="en"):
    """The overview page's partial, as the hook renders it there."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    return env.get_template("partials/lc-flowchart-outline.html").render(
        ui=strings_for(language),
        tree=outline(chart),
        flowchart_url="../what-to-do/",
        canonical_url="https://example.org/what-to-do-overview/",
    )


def test_the_partial_escapes_every_data_string():
    hostile = GOOD.replace("First question?", "Is <script>alert(1)</script> & 'quoted'?")
    chart, _ = chart_of(hostile)
    html = render_partial(chart)
    assert "<script>alert" not in html and "<script>alert" not in render_outline(chart)
    assert "Is &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;quoted&#39;?" in html
    assert "https://example.org/what-to-do/?a=1&amp;b=&lt;2&gt;" in html
    island = re.search(r'<script type="application/json" id="lc-fc-data">(.*?)</script>', html, re.S).group(1)
    assert "</script" not in island.lower()
    assert json.loads(island)["nodes"]["q1"]["title"] == "Is <script>alert(1)</script> & 'quoted'?"
    assert "lc-flowchart.js" not in html  # loaded by overrides/main.html, asked for through page_assets
    assert "<!--lc-flowchart-document-->" in html


def test_the_overview_lists_every_node_linking_to_the_guide_at_it():
    chart, _ = chart_of(GOOD)
    html = render_outline(chart, "zh")
    for node in chart.nodes:
        assert f'href="../what-to-do/#{node.id}"' in html
    assert "（见上文）" in html and 'aria-label="整个流程一览"' in html
    assert 'href="../what-to-do-overview/">整个流程一览</a>：' in render_partial(chart, "zh")
    assert "lc-fc-outline" not in render_partial(chart, "zh")  # the flowchart page only links to it


# --- the real page -------------------------------------------------------------------------------

PAGES = {language: ROOT / "docs" / language / "what-to-do.md" for language in ("en", "zh")}


@pytest.fixture(scope="module")
def real():
    charts = {}
    for language, path in PAGES.items():
        chart, errors = check_file(path, f"docs/{language}/what-to-do.md", "other")
        assert errors == [], errors
        charts[language] = chart
    return charts


def test_the_real_flowchart_is_valid_and_identical_in_both_languages(real):
    assert compare(real["en"], real["zh"]) == []
    assert real["en"].start == "safety"
    questions = [node for node in real["en"].nodes if node.kind == "question"]
    outcomes = [node for node in real["en"].nodes if node.kind == "outcome"]
    assert len(questions) >= 12 and len(outcomes) >= 8


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_question_offers_a_way_out_to_get_help(real, language):
    for node in real[language].nodes:
        if node.kind == "question":
            assert node.answers[-1].target == "get-help", node.id


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_outcome_says_to_save_the_evidence(real, language):
    for node in real[language].nodes:
        if node.kind == "outcome":
            assert any("anonymous.md#preserve-evidence" in line for line in node.body), node.id


@pytest.mark.parametrize("language", ["en", "zh"])
def test_phone_numbers_and_limits_come_from_the_fact_sheet(language):
    text = PAGES[language].read_text(encoding="utf-8")
    allowed = {"911", "9-8-8", "1-888-495-8501", "1-866-658-9022", "1-800-668-6868", "1-800-668-8258"}
    assert set(re.findall(r"\b(?:1-\d{3}-\d{3}-\d{4}|9-8-8|911)\b", text)) <= allowed
    if language == "en":
        assert "$50,000" in text and "$35,000" not in text


def test_chinese_paragraphs_stay_on_one_line():
    body = PAGES["zh"].read_text(encoding="utf-8").split("\n---\n", 1)[1]
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    previous_is_text = False
    for line in body.splitlines():
        is_text = bool(line.strip()) and not re.match(r"\s*([-*+] |\d+\. |#|!!!|<|\|)", line)
        if is_text and previous_is_text and re.search(r"[\u4e00-\u9fff]", line):
            pytest.fail(f"a Chinese paragraph continues on a second line: {line!r}")
        previous_is_text = is_text


def test_a_broken_translation_fails_the_strict_build_in_both_languages(tmp_path):
    from conftest import run_build
    from test_build import copy_project

    project = copy_project(tmp_path)
    page = project / "docs" / "zh" / "what-to-do.md"
    page.write_text(page.read_text(encoding="utf-8").replace("(#youth-help)", "(#scam-help)"), encoding="utf-8")
    result = run_build(tmp_path / "site", "http://127.0.0.1:1/", config=project / "mkdocs.yml")
    assert result.returncode != 0
    assert re.search(
        r"docs/en/what-to-do\.md:\d+: the answers of 'under-18' lead to \['youth-help', 'scam-help', 'get-help'\] "
        r"here but to \['scam-help', 'scam-help', 'get-help'\] in docs/zh/what-to-do\.md:\d+",
        result.stderr,
    )
    assert re.search(r"docs/zh/what-to-do\.md:\d+: node 'youth-help' cannot be reached", result.stderr)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_overview_page_cites_what_its_flowchart_page_cites(language):
    # The overview restates what-to-do.md node by node, so its authorities are that page's: a source added
    # there must be added to the overview's front matter too (copy the `sources:` list across).
    from translations import split_front_matter

    def sources(name: str) -> list[dict]:
        return split_front_matter((ROOT / "docs" / language / name).read_text(encoding="utf-8"))[0]["sources"]

    assert sources("what-to-do-overview.md") == sources("what-to-do.md"), (
        f"docs/{language}/what-to-do-overview.md: copy the sources list of docs/{language}/what-to-do.md"
    )


def test_a_link_in_a_heading_reads_as_its_text_in_the_guide_and_the_overview():
    # "Call [911](tel:911) now" was shown as typed, brackets and all, in the question box and the printout.
    from flowchart_graph import plain

    assert plain("Call [911](tel:911) now") == "Call 911 now"
    assert plain("立即拨打[911](tel:911)") == "立即拨打911"
    assert plain("**Keep** `the` evidence") == "Keep the evidence"
    chart, errors = check_file(PAGES["en"], "docs/en/what-to-do.md", "other")
    assert errors == [] and all("](" not in node.title for node in chart.nodes)
