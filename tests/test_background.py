"""The helper process: the same results as running in place, errors handed back, in place when unsafe."""

import os
import sys

import pytest
from background import Helper, can_fork


def process_id(_: object) -> int:
    return os.getpid()


def fail(message: str) -> None:
    raise ValueError(message)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper process is used on Linux only")
def test_work_goes_to_one_other_process_and_comes_back_in_order():
    helper = Helper(use_process=lambda: True)
    try:
        futures = [helper.submit(process_id, n) for n in range(5)]
        assert helper.uses_process
        pids = {future.result(timeout=30) for future in futures}
        assert len(pids) == 1 and os.getpid() not in pids
        assert [helper.submit(pow, 2, n).result(timeout=30) for n in range(4)] == [1, 2, 4, 8]
    finally:
        helper.close()
    assert not helper.uses_process


def test_where_forking_is_unsafe_work_runs_in_place():
    helper = Helper(use_process=lambda: False)
    assert helper.submit(process_id, 0).result() == os.getpid()
    assert not helper.uses_process


@pytest.mark.parametrize("use_process", [True, False], ids=["process", "in place"])
def test_an_error_comes_back_through_the_future(use_process):
    if use_process and not sys.platform.startswith("linux"):
        pytest.skip("the helper process is used on Linux only")
    helper = Helper(use_process=lambda: use_process)
    try:
        with pytest.raises(ValueError, match="bad page"):
            helper.submit(fail, "bad page").result(timeout=30)
    finally:
        helper.close()


def test_forking_is_refused_once_other_threads_run():
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()  # e.g. under `mkdocs serve`, whose server runs in threads
    finally:
        stop.set()
        thread.join()
