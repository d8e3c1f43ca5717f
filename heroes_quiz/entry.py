"""The console script's first stop: answers `--version` before importing typer."""

import sys


def main() -> None:
    """Run heroes-quiz; `heroes-quiz --version` alone skips loading the command line."""
    if sys.argv[1:] == ["--version"]:
        from heroes_quiz import __version__

        print(f"heroes-quiz {__version__}")
        return
    from heroes_quiz.cli import main as cli_main

    cli_main()
