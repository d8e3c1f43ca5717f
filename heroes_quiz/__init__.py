"""heroes-quiz: a family terminal trivia game about We Can Be Heroes (2020)."""

__version__ = "0.1.0"
