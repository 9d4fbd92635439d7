"""Unit tests for the front-matter rules every content page follows."""

import datetime as dt

import pytest
from page_meta import PageMeta, Source, format_date, validate_meta

TODAY = dt.date(2026, 11, 25)
WHERE = "docs/en/defamation.md"


def good_meta(**changes):
    meta = {
        "title": "Defamation in Ontario",
        "description": "What defamation is and what you must prove.",
        "reviewed": dt.date(2026, 11, 20),
        "sources": [{"title": "Grant v. Torstar Corp., 2009 SCC 61", "url": "https://www.canlii.org/x"}],
    }
    meta.update(changes)
    return {key: value for key, value in meta.items() if value is not None}


def errors_for(meta):
    parsed, errors = validate_meta(meta, WHERE, today=TODAY)
    assert (parsed is None) == bool(errors)
    return [str(error) for error in errors]


def test_valid_front_matter_is_parsed_into_plain_data():
    parsed, errors = validate_meta(good_meta(reviewed="2026-11-20"), WHERE, today=TODAY)
    assert errors == []
    assert parsed == PageMeta(
        title="Defamation in Ontario",
        description="What defamation is and what you must prove.",
        reviewed=dt.date(2026, 11, 20),
        sources=(Source("Grant v. Torstar Corp., 2009 SCC 61", "https://www.canlii.org/x"),),
    )


@pytest.mark.parametrize("field", ["title", "description", "reviewed", "sources"])
def test_each_missing_field_is_named_with_the_file(field):
    assert errors_for(good_meta(**{field: None})) == [
        f"docs/en/defamation.md: front matter is missing '{field}'; see CONTRIBUTING.md, 'Front matter'"
    ]


def test_all_problems_are_reported_together():
    assert len(errors_for({"title": ""})) == 4


def test_empty_title():
    assert errors_for(good_meta(title="  ")) == ["docs/en/defamation.md: 'title' must be non-empty text"]


def test_description_too_long():
    assert errors_for(good_meta(description="x" * 161)) == [
        "docs/en/defamation.md: 'description' is 161 characters; keep it to 160 so search engines show it whole"
    ]


@pytest.mark.parametrize("value", ["25/11/2026", "last week", 20261125])
def test_reviewed_must_be_an_iso_date(value):
    assert errors_for(good_meta(reviewed=value)) == [
        f"docs/en/defamation.md: 'reviewed' must be an ISO date like 2026-11-25, got {value!r}"
    ]


def test_reviewed_may_not_be_in_the_future():
    assert errors_for(good_meta(reviewed=dt.date(2027, 1, 1))) == [
        "docs/en/defamation.md: 'reviewed' is 2027-01-01, which is in the future"
    ]


def test_sources_must_be_a_non_empty_list():
    assert errors_for(good_meta(sources=[])) == [
        "docs/en/defamation.md: 'sources' must be a non-empty list of {title, url} entries, "
        "one per authority the page cites"
    ]


def test_source_without_title_or_with_a_bad_url():
    errors = errors_for(good_meta(sources=[{"url": "canlii.org/x"}]))
    assert errors == [
        "docs/en/defamation.md: sources[1] needs a 'title'",
        "docs/en/defamation.md: sources[1] needs a 'url' starting with https://, got 'canlii.org/x'",
    ]


def test_source_that_is_not_a_mapping():
    assert errors_for(good_meta(sources=["https://x.org"])) == [
        "docs/en/defamation.md: sources[1] must be a mapping with 'title' and 'url'"
    ]


def test_repeated_source_and_unknown_key():
    source = {"title": "A", "url": "https://a.org/page"}
    errors = errors_for(good_meta(sources=[source, {**source, "note": "x"}]))
    assert errors == [
        "docs/en/defamation.md: sources[2] repeats https://a.org/page; list each source once",
        "docs/en/defamation.md: sources[2] has unknown keys ['note']; use only 'title' and 'url'",
    ]


def test_a_source_must_be_https_and_a_pinpoint_unless_its_home_page_is_listed_with_a_reason():
    errors = errors_for(good_meta(sources=[{"title": "A", "url": "http://www.ontario.ca/laws/statute/02l24"}]))
    assert errors == [
        "docs/en/defamation.md: sources[1] needs a 'url' starting with https://, "
        "got 'http://www.ontario.ca/laws/statute/02l24'"
    ]
    errors = errors_for(good_meta(sources=[{"title": "A", "url": "https://www.cafc.ca/"}]))
    assert errors == [
        "docs/en/defamation.md: sources[1] is a home page (https://www.cafc.ca/); link to the page that says what "
        "the site cites it for, or add it with a reason to hooks/data/source-home-pages.txt"
    ]
    assert errors_for(good_meta(sources=[{"title": "Legal Aid Ontario", "url": "https://www.legalaid.on.ca/"}])) == []


def test_dates_are_written_as_each_language_writes_them():
    assert format_date(dt.date(2026, 11, 5), "en") == "5 November 2026"
    assert format_date(dt.date(2026, 11, 5), "zh") == "2026年11月5日"
