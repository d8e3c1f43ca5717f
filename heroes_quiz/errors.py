"""The one error family; cli maps each class to an exit code."""

from __future__ import annotations


class QuizError(Exception):
    """Base of every error a user can cause; the message is shown as-is."""

    exit_code = 1


class BankError(QuizError):
    """A question bank could not be read or failed validation."""


class UsageError(QuizError):
    """A command-line value is out of range (mirrors typer's exit 2)."""

    exit_code = 2


class GameAbandoned(QuizError):
    """Input ended (EOF) before the game finished; nothing is saved."""


class StorageError(QuizError):
    """The score database could not be read or written."""


class Unreadable(QuizError):
    """Piped input kept sending replies that could not be read; the game stops (exit 1)."""
