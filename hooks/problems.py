"""One problem type and one reporter for every checker, so a build lists all problems at once.

A checker returns `Problem`s (file, line, what is wrong and what to do) and hands them to `report`.
The reporter logs each problem once per whole build, even when both language builds find it (a
flowchart checks its twin on disk, a shared checklist is read by every page that includes it), and
counts them per language. hooks/build_report.py prints the total for all editions at the end and,
when the strict build fails, removes the half-written site so nothing incomplete can be published.

This module holds state and is imported by the checkers; it is deliberately not listed under
`hooks:` in mkdocs.yml (MkDocs would load a second copy of it under another module name).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

log = logging.getLogger("mkdocs.hooks.problems")


@dataclass(frozen=True, order=True)
class Problem:
    """What is wrong, where (file relative to the project, 1-based line; 0 when there is no line)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass
class BuildProblems:
    """Every problem reported in the current build, across all its language builds."""

    seen: set[Problem]
    per_language: Counter

    def reset(self) -> None:
        self.seen.clear()
        self.per_language.clear()

    def add(self, problem: Problem, language: str) -> bool:
        """Record a problem; False when this build has reported it already."""
        if problem in self.seen:
            return False
        self.seen.add(problem)
        self.per_language[language] += 1
        return True

    @property
    def total(self) -> int:
        return sum(self.per_language.values())


CURRENT = BuildProblems(set(), Counter())


GENERATED_PREFIXES = ("docs/zh-Hant/",)  # generated editions: their source page carries the problem


def report(problems, language: str = "", logger: logging.Logger = log, late: bool = False) -> None:
    """Log each problem once per build, as a warning (which fails the strict build).

    A problem in a generated edition's file is dropped: the same problem is reported at the page it was
    generated from, in words the contributor can fix there. `late`: reported after its language's build
    (a check the helper process ran), so the record names its language for hooks/build_report.py's count."""
    extra = {"lc_language": language} if late else None
    for problem in sorted(problems):
        if problem.file.startswith(GENERATED_PREFIXES):
            continue
        if CURRENT.add(problem, language):
            logger.warning(str(problem), extra=extra)


def summary(per_language: Counter) -> str:
    """One line for the end of a build: the total and how it splits between editions."""
    total = sum(per_language.values())
    if not total:
        return ""
    noun = "problem" if total == 1 else "problems"
    parts = ", ".join(f"{language or 'site'}: {count}" for language, count in sorted(per_language.items()))
    return f"{total} {noun} in all editions ({parts}); fix each at the file and line named above"
