"""click's Choice for every command's options, its refusal of a value worded as a message.

Kept apart from cli.py so that cli.py, cli_tasks.py and cli_draft.py share it and cli.py stays
a list of commands.
"""

from __future__ import annotations

from typing import Any

import click

from .errors import msg


class Choice(click.Choice):  # type: ignore[type-arg]
    """click's Choice, whose refusal of a value is a message (worded in the messages' language)."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        choices = ", ".join(map(repr, self.choices))
        return msg("{value!r} is not one of {choices}.", value=value, choices=choices)
