"""A generated edition's interface strings, converted once and read back, are the strings converted now."""

import ui_strings


def test_the_kept_traditional_strings_are_the_converted_strings(tmp_path):
    converted = ui_strings.strings_for("zh-Hant", ui_strings.load_strings())
    ui_strings._strings_of_file.cache_clear()
    assert ui_strings.strings_for("zh-Hant") == converted  # converted, or read back from an earlier build
    assert ui_strings.converted_cache("zh-Hant").exists()
    ui_strings._strings_of_file.cache_clear()
    assert list(ui_strings.strings_for("zh-Hant").items()) == list(converted.items())  # read back, in order


def test_other_strings_are_kept_under_another_name(tmp_path):
    changed = tmp_path / "ui-strings.yml"
    changed.write_text(ui_strings.STRINGS_FILE.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert ui_strings.converted_cache("zh-Hant", changed) != ui_strings.converted_cache("zh-Hant")
    assert ui_strings.converted_cache("zh-Hant").name.startswith("lc-ui-strings-")
