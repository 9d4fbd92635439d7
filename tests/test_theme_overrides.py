"""Our copies of Material's templates are Material's file plus the change their first comment names, nothing else.

overrides/base.html and overrides/partials/nav-item.html are whole copies (the markup they fix is in no
block). When an upgrade of mkdocs-material changes its own file, this fails: copy the new file again and
make the same change, so the site never keeps an old copy of the theme by mistake.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parent.parent
MATERIAL = Path(material.__file__).parent / "templates"
OUR_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.S)

# path: [(Material's text, ours, how many times)]
CHANGES = {
    "base.html": [
        (
            '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n',
            '    <form id="__toggles" autocomplete="off" hidden></form>\n'
            '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__toggles">\n'
            '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__toggles">\n',
            1,
        )
    ],
    "partials/nav-item.html": [('tabindex="{{ tabindex }}"', 'tabindex="{{ tabindex or -1 }}"', 2)],
}


@pytest.mark.parametrize("path", sorted(CHANGES))
def test_an_override_is_materials_file_with_only_its_named_change(path):
    ours = (ROOT / "overrides" / path).read_text(encoding="utf-8")
    comment = OUR_COMMENT.match(ours)
    assert comment and "Material 9.8" in comment.group(), f"overrides/{path} must start with what it changed"
    expected = (MATERIAL / path).read_text(encoding="utf-8")
    for theirs, mine, times in CHANGES[path]:
        assert expected.count(theirs) == times, f"Material's {path} changed: copy it again and redo the change"
        expected = expected.replace(theirs, mine)
    assert ours[comment.end() :] == expected, f"overrides/{path} differs from Material's file beyond its change"
