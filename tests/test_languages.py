"""The shared language helpers."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from languages import build_language, other_language_path


def test_other_language_path_swaps_the_nearest_language_folder():
    assert str(other_language_path("/r/docs/en/online.md")) == "/r/docs/zh/online.md"
    assert other_language_path("/work/en/site/docs/en/what-to-do.md") == Path("/work/en/site/docs/zh/what-to-do.md")
    assert other_language_path("docs/zh/a/b.md") == Path("docs/en/a/b.md")
    with pytest.raises(ValueError):
        other_language_path("docs/b.md")


def test_build_language_prefers_static_i18n_over_the_theme():
    theme = {"language": "en"}
    with_i18n = SimpleNamespace(plugins={"i18n": SimpleNamespace(current_language="zh")}, theme=theme)
    without = SimpleNamespace(plugins={}, theme=theme)
    assert build_language(with_i18n) == "zh"
    assert build_language(without) == "en"
