"""Errors and problems: everything that can be wrong with what a user gave zonekpi.

A `Problem` is one finding about an input, with the file, line and column it points at; the
CLI prints each as one line ``FILE:LINE:COL: message``. Core modules raise the small exceptions
below; none of them prints or exits.
"""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with an input file, located as precisely as the input allows."""

    file: str
    line: int = 0
    col: int = 0
    message: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        return f"{where}: {self.message}"


class ZonekpiError(Exception):
    """Base of every error zonekpi reports to a user."""


class InvalidInput(ZonekpiError):
    """One or more input files are invalid; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.col, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class UnitError(ZonekpiError):
    """A quantity or unit could not be read; the message says what to write instead."""


class UnitMismatch(UnitError):
    """Two units of different dimensions (家 against 元) were to be compared."""

    def __init__(self, have: str, want: str) -> None:
        self.have, self.want = have, want
        super().__init__(f"unit {have} cannot be converted to {want} (different kinds of quantity)")


def invalid(file: str, line: int, col: int, message: str) -> InvalidInput:
    """Shorthand for an InvalidInput with a single problem."""
    return InvalidInput([Problem(file, line, col, message)])
