"""The one error family; cli maps each class to an exit code."""

from __future__ import annotations


class QuizError(Exception):
    """Base of every error a user can cause; the message is shown as-is.

    Raised as `QuizError(N_("No {thing} here."), thing=x)`, the English text is filled in at
    once and `cli.common.guard` shows the template translated into the game's language.
    """

    exit_code = 1

    def __init__(self, message: str = "", /, **fields: object) -> None:
        # No fields: the message is used as given (file names and bank text may hold braces).
        super().__init__(message.format(**fields) if fields else message)
        self.template = message
        self.fields = fields

    def translated(self) -> str:
        """The message in the language in force (as-is when the catalog does not know it)."""
        from heroes_quiz import i18n

        if i18n.language() == i18n.ENGLISH:
            return str(self)  # the source text: no catalog to load
        text = i18n._(self.template)
        return text.format(**self.fields) if self.fields else text


class BankError(QuizError):
    """A question bank could not be read or failed validation."""


class NothingMatches(BankError):
    """No question of the bank fits the chosen level and categories (worded by the caller)."""


class UsageError(QuizError):
    """A command-line value is out of range (mirrors typer's exit 2)."""

    exit_code = 2


class GameAbandoned(QuizError):
    """Input ended (EOF) before the game finished; nothing is saved."""


class StorageError(QuizError):
    """The score database could not be read or written."""


class Unreadable(QuizError):
    """Piped input kept sending replies that could not be read; the game stops (exit 1)."""
