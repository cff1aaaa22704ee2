"""The ``gridlink`` command in the user's language: Simplified Chinese unless ``GRIDLINK_LANG=en``.

The commands are written in English (help texts, docstrings, option descriptions: the gettext msgids) and
translated from the one catalog (:mod:`graph.i18n`) when the command tree is built: :class:`TranslatedGroup` is
the root group's class, so ``gridlink …`` and the test runner both get the translated tree. Typer's panel titles
(Arguments, Options, Commands…) and Click's help option and ``Usage:`` go through the same catalog. The parse errors of
Typer's copy of Click (``Missing argument``…) stay English: they are built inside Click.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Any

import typer.rich_utils as rich_utils
from typer import _click as click  # Typer 0.29 ships its own copy of Click
from typer.core import TyperGroup

from graph.i18n import gettext

#: Typer's fixed strings (module constants of typer.rich_utils, read when help is printed) -> their msgids
_TYPER_STRINGS = {"DEFAULT_STRING": "[default: {}]", "REQUIRED_LONG_STRING": "[required]",
                  "ARGUMENTS_PANEL_TITLE": "Arguments", "OPTIONS_PANEL_TITLE": "Options",
                  "COMMANDS_PANEL_TITLE": "Commands", "ERRORS_PANEL_TITLE": "Error", "ABORTED_TEXT": "Aborted.",
                  "DEPRECATED_STRING": "(deprecated) ", "ENVVAR_STRING": "[env var: {}]",
                  "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help."}


def walk(cmd: click.Command, path: str = "gridlink") -> Iterator[tuple[str, click.Command]]:
    """``(command path, command)`` of ``cmd`` and every sub-command under it."""
    yield path, cmd
    commands: dict[str, click.Command] = getattr(cmd, "commands", {})  # a group's
    if commands:
        for name, sub in sorted(commands.items()):
            yield from walk(sub, f"{path} {name}")


def texts(cmd: click.Command) -> Iterator[str]:
    """Every English text of one command that a user reads in its help (the msgids to translate)."""
    for text in (cmd.help, cmd.short_help, cmd.epilog):
        if text:
            yield text
    for param in cmd.params:
        if getattr(param, "help", None):
            yield str(param.help)  # type: ignore[attr-defined]  # options and Typer's arguments carry help


def _translate(cmd: click.Command) -> None:
    cmd.help = gettext(cmd.help) if cmd.help else cmd.help
    cmd.short_help = gettext(cmd.short_help) if cmd.short_help else cmd.short_help
    for param in cmd.params:
        if getattr(param, "help", None):
            param.help = gettext(param.help)  # type: ignore[attr-defined]  # Option and TyperArgument carry help
    help_option, usage = cmd.get_help_option, cmd.get_usage

    def get_help_option(self: click.Command, ctx: click.Context) -> Any:
        option = help_option(ctx)
        if option is not None and option.help:
            option.help = gettext(option.help)
        return option

    def get_usage(self: click.Command, ctx: click.Context) -> str:
        return usage(ctx).replace("Usage: ", gettext("Usage: "), 1)

    cmd.get_help_option = types.MethodType(get_help_option, cmd)  # type: ignore[method-assign]
    cmd.get_usage = types.MethodType(get_usage, cmd)  # type: ignore[method-assign]


def translate(root: click.Command) -> None:
    """Translate ``root``'s command tree in place, and Typer's fixed strings (its help-panel titles…)."""
    for attr, msgid in _TYPER_STRINGS.items():  # module constants: set on every run (the language may differ)
        setattr(rich_utils, attr, gettext(msgid))
    for _, cmd in walk(root):
        _translate(cmd)


class TranslatedGroup(TyperGroup):
    """The root group: translates its command tree (once) before it parses the command line."""

    _translated = False

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Translate, then run as usual."""
        if not self._translated:
            translate(self)
            self._translated = True
        return super().main(*args, **kwargs)
