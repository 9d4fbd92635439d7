"""The legal-terms dictionary loads whatever the working directory is, and keeps terms whole."""

import os

import jieba
from search_zh import LEGAL_TERMS, load_legal_terms, segment


def test_dictionary_path_does_not_depend_on_the_working_directory(tmp_path):
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        load_legal_terms()
    finally:
        os.chdir(here)
    assert LEGAL_TERMS.is_absolute() and LEGAL_TERMS.exists()


def test_every_dictionary_line_is_word_frequency_tag_and_terms_stay_whole():
    load_legal_terms()
    lines = [line.split() for line in LEGAL_TERMS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines and all(len(parts) in (1, 2, 3) for parts in lines)
    assert "诺威奇令" in jieba.lcut("他向法院申请诺威奇令来查明发帖人")


def test_a_question_jieba_keeps_whole_is_indexed_as_its_word_and_the_question_mark():
    load_legal_terms()
    assert "有用吗" in jieba.lcut("判决有用吗")  # jieba's own cut, which the index does not keep
    assert segment("判决有用吗") == "判决 有用 吗"
    assert segment("吗啡") == "吗啡"  # only a word that ends in 吗
