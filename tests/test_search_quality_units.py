"""The search bench's section matching (bench/search_quality.py), read from the English pages' headings."""

from __future__ import annotations

from conftest import bench_module

search_quality = bench_module("search_quality")


def test_a_section_knows_the_sections_around_it():
    parents = search_quality.section_parents("accused/")
    assert parents["missed-deadline"] == ("default",)  # a ### under "If you do nothing"
    assert parents["default"] == ()
    assert "start" in search_quality.section_parents("(home)")


def test_a_result_is_near_its_section_when_one_holds_the_other():
    near = search_quality.near_section
    assert near("accused/", "missed-deadline", "missed-deadline")
    assert near("accused/", "default", "missed-deadline")  # the ## around the ### the writer named
    assert near("anonymous/", "what-the-court-weighs", "norwich-orders")  # a ### inside the ## named
    assert not near("accused/", "deadlines", "missed-deadline")  # a sibling section
    assert not near("accused/", "", "default")  # the top of the page
