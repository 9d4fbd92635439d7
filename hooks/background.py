"""Work handed to a second process while MkDocs goes on building on the first.

MkDocs builds on one core. Cutting Chinese into words for the search index is pure Python and takes
as long as rendering the Chinese pages, so a forked helper process does it meanwhile. The helper is
forked as the build starts and loads jieba's dictionary itself, first thing, so the main process never
pays for it (hooks/jieba_store.py).

Forking is only safe in a process with a single thread on Linux: `mkdocs build`. Under `mkdocs serve`
(whose server runs in threads), on macOS and on Windows the same work simply runs in place.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor


def can_fork() -> bool:
    return sys.platform.startswith("linux") and threading.active_count() == 1


class Helper:
    """One helper process, started on first use where forking is safe; otherwise work runs in place."""

    def __init__(self, use_process: Callable[[], bool] = can_fork):
        self._use_process = use_process
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, function: Callable, *args) -> Future:
        """Start `function(*args)` (a module-level function: it travels by name) and return its future."""
        if self._pool is None and self._use_process():
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        if self._pool is not None:
            return self._pool.submit(function, *args)
        future: Future = Future()
        try:
            future.set_result(function(*args))
        except Exception as error:  # handed back through the future, as the process would
            future.set_exception(error)
        return future

    @property
    def uses_process(self) -> bool:
        """Whether work goes to a helper process (known once something has been submitted)."""
        return self._pool is not None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


# The build's one helper process, shared by the hooks that hand it work: hooks/search_index.py (which
# closes it at the end of each build) and hooks/content_safety.py.
HELPER = Helper()
