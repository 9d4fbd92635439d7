"""The stored dictionary cuts exactly as jieba does, and the main process falls back to jieba without it."""

from pathlib import Path

import jieba
import jieba_store
from search_zh import LEGAL_TERMS

ROOT = Path(__file__).resolve().parent.parent


def chinese_runs() -> list[str]:
    """Every run jieba cuts on its own (jieba.re_han_default) in the written Chinese pages."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs" / "zh").glob("*.md"))]
    return [match.group(0) for text in texts for match in jieba.re_han_default.finditer(text)]


def test_the_stored_dictionary_cuts_every_run_of_the_chinese_pages_as_jieba_does(tmp_path):
    jieba_store.load_terms_once()
    path = tmp_path / "store.sqlite"
    jieba_store.write_store(jieba.dt.FREQ, jieba.dt.total, path)
    stored = jieba_store.stored_tokenizer(path)
    runs = chinese_runs()
    assert len(runs) > 1000 and stored is not jieba.dt
    assert [list(stored.tokenize(run)) for run in runs] == [list(jieba.dt.tokenize(run)) for run in runs]
    assert "诺威奇令" in [word for word, _, _ in stored.tokenize("他向法院申请诺威奇令来查明发帖人")]


def test_no_store_or_an_unreadable_one_means_jieba_itself(tmp_path):
    assert jieba_store.stored_tokenizer(tmp_path / "missing.sqlite") is None
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database")
    assert jieba_store.stored_tokenizer(broken) is None


def test_the_store_is_named_after_jieba_and_our_terms(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text(LEGAL_TERMS.read_text(encoding="utf-8"), encoding="utf-8")
    same = jieba_store.store_path(terms)
    assert same == jieba_store.store_path(LEGAL_TERMS) and same.name.startswith("lc-jieba-")
    terms.write_text("新词 10 n\n", encoding="utf-8")
    jieba_store.store_path.cache_clear()
    assert jieba_store.store_path(terms) != same


def test_terms_are_added_once_per_process():
    jieba_store.load_terms_once()
    total = jieba.dt.total
    jieba_store.load_terms_once()
    jieba_store.prepare()
    assert jieba.dt.total == total and jieba_store.tokenizer() is jieba.dt
