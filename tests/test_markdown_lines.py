"""Lines outside fenced code, with their original line numbers."""

from markdown_lines import unfenced_lines


def test_fenced_code_is_skipped_and_numbers_are_kept():
    text = "a\n```md\n<!-- checklist -->\n```\nb\n~~~~\n```\n~~~~\nc"
    assert list(unfenced_lines(text)) == [(1, "a"), (5, "b"), (9, "c")]


def test_a_fence_closes_only_with_the_same_character_and_at_least_its_length():
    text = "````\n```\n~~~\n````\nafter"
    assert list(unfenced_lines(text)) == [(5, "after")]


def test_an_unclosed_fence_hides_the_rest():
    assert list(unfenced_lines("x\n```\ny")) == [(1, "x")]
