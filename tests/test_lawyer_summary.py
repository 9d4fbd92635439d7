"""The summary for a lawyer, build side: every answer and outcome has its sentence (exact messages),
the summary page's marker, the data the page carries for both languages, and plain text from Markdown."""

import json
import re

import pytest
from conftest import ROOT
from flowchart_graph import SUMMARY_COMMENT_RE, check_file, missing_summaries, parse
from languages import summary_url
from lawyer_summary import Marker, edition_data, find_marker, heading_text, marker_problems, plain_text, summary_data

WHERE = "docs/en/x.md"
CHART = """\
<!-- flowchart start="q1" -->
## Do you know who posted it? { #q1 }
<!-- question -->
- [Yes](#done) <!-- summary: I know who posted it. -->
- [No](#other)

## Done { #done }
<!-- outcome -->
<!-- summary: The guide suggested a lawyer. -->
Do this.

## Other { #other }
<!-- outcome -->
Do that.
<!-- /flowchart -->
"""


def test_answers_and_outcomes_carry_their_summary_sentences():
    chart, errors = parse(CHART, WHERE)
    assert errors == []
    first = chart.node_map()["q1"]
    assert [(a.label, a.target, a.summary) for a in first.answers] == [
        ("Yes", "done", "I know who posted it."),
        ("No", "other", ""),
    ]
    assert chart.node_map()["done"].summary == "The guide suggested a lawyer."
    assert chart.node_map()["done"].body == ["Do this."]  # the summary line is not outcome text


def test_a_missing_sentence_is_reported_at_its_line_with_the_fix():
    chart, _ = parse(CHART, WHERE)
    assert [str(problem) for problem in missing_summaries(chart)] == [
        "docs/en/x.md:5: answer 'No' in 'q1' has no sentence for the lawyer's summary; end the line with "
        '<!-- summary: … -->, the answer as the reader would say it (e.g. "I know who posted it.")',
        "docs/en/x.md:12: outcome 'other' has no sentence for the lawyer's summary; add a line "
        "<!-- summary: … --> under <!-- outcome -->, saying what the guide suggested",
    ]


def test_the_guide_page_does_not_ship_the_sentences():
    assert SUMMARY_COMMENT_RE.sub("", "- [Yes](#done) <!-- summary: I know. -->") == "- [Yes](#done)"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_answer_and_outcome_of_the_real_guide_has_a_sentence(language):
    path = ROOT / "docs" / language / "what-to-do.md"
    other = "zh" if language == "en" else "en"
    _, problems = check_file(path, f"docs/{language}/what-to-do.md", f"docs/{other}/what-to-do.md")
    assert problems == []
    chart, _ = parse(path.read_text(encoding="utf-8"), str(path))
    sentences = [a.summary for n in chart.nodes for a in n.answers] + [
        n.summary for n in chart.nodes if n.kind == "outcome"
    ]
    assert all(sentences) and len(sentences) == len(set(sentences))  # none empty, none copied twice
    ending = "。" if language == "zh" else "."
    assert all(sentence.endswith(ending) for sentence in sentences)


def test_plain_text_keeps_what_a_reader_sees():
    assert plain_text("Take **screenshots** of [the post](online.md#evidence) and `IDs`.") == (
        "Take screenshots of the post and IDs."
    )
    assert plain_text("Note the *time* <span>and</span>  date") == "Note the time and date"
    assert heading_text("### Preserve the evidence { #evidence-checklist }") == "Preserve the evidence"


def test_the_marker_and_its_outcomes_without_dates():
    text = 'Intro.\n\n<!-- lawyer-summary no-dates="scam-help accused-route" -->\n'
    assert find_marker(text) == Marker(3, ("scam-help", "accused-route"))
    assert find_marker("<!-- lawyer-summary -->") == Marker(1, ())
    assert find_marker("No marker.") is None


def test_no_dates_must_name_outcomes_of_the_guide():
    data = summary_data(ROOT / "docs", "zh", Marker(7, ("scam-help", "safety", "nowhere")), {})
    assert [str(p) for p in marker_problems(Marker(7, ("scam-help", "safety", "nowhere")), data, WHERE)] == [
        "docs/en/x.md:7: no-dates names 'safety', which is not an outcome of the guide; "
        "use the { #id } of an outcome in what-to-do.md",
        "docs/en/x.md:7: no-dates names 'nowhere', which is not an outcome of the guide; "
        "use the { #id } of an outcome in what-to-do.md",
    ]


def test_the_chinese_page_carries_chinese_then_english_and_the_english_page_english_once():
    chinese = summary_data(ROOT / "docs", "zh", Marker(1, ()), {"zh": "站", "en": "Site"})
    assert [half["lang"] for half in chinese["editions"]] == ["zh", "en"]
    assert [half["site"] for half in chinese["editions"]] == ["站", "Site"]
    english = summary_data(ROOT / "docs", "en", Marker(1, ()), {})
    assert [half["lang"] for half in english["editions"]] == ["en"]
    json.dumps(chinese)  # the island is plain JSON


def test_each_half_has_every_checklist_with_the_same_ids_and_its_own_strings():
    zh, en = edition_data(ROOT / "docs", "zh"), edition_data(ROOT / "docs", "en")
    ids = lambda half: {c["id"]: [i["id"] for i in c["items"]] for c in half["checklists"]}  # noqa: E731
    assert ids(zh) == ids(en) and {"preserve-evidence", "scam-blackmail", "received-a-claim"} <= set(ids(en))
    assert all(not re.search(r"\]\(|\*\*", item["text"]) for c in en["checklists"] for item in c["items"])
    assert en["strings"]["summary_sheet_title"] == "Summary for a lawyer"
    assert re.search(r"[\u4e00-\u9fff]", zh["strings"]["summary_sheet_title"])
    assert set(zh["strings"]) == set(en["strings"])


def test_summary_url_is_relative_to_the_page_in_each_edition():
    assert summary_url("what-to-do/", "en") == "../for-your-lawyer/"
    assert summary_url("zh/online/", "zh") == "../for-your-lawyer/"
    assert summary_url("zh-Hant/", "zh-Hant") == "for-your-lawyer/"
