"""The canonical cast of We Can Be Heroes: one list, used by validation and tests.

Names are kept in alphabetical order. Values are other spellings the articles use.
"""

from __future__ import annotations

CAST: dict[str, tuple[str, ...]] = {
    "Adriana Barraza": (),
    "Akira Akbar": (),
    "Andrew Diaz": (),
    "Andy Walken": (),
    "Boyd Holbrook": (),
    "Brently Heilbron": (),
    "Brittany Perry-Russell": (),
    "Christian Slater": (),
    "Christopher McDonald": (),
    "Dylan Henry Lau": (),
    "Hala Finley": (),
    "Haley Reinhart": (),
    "Isaiah Russell-Bailey": (),
    "J. Quinton Johnson": (),
    "JJ Dashnaw": (),
    "Lotus Blossom": (),
    "Lyon Daniels": (),
    "Nathan Blair": (),
    "Pedro Pascal": (),
    "Priyanka Chopra Jonas": ("Priyanka Chopra",),
    "Sung Kang": (),
    "Taylor Dooley": (),
    "Vivien Lyra Blair": ("Vivien Blair",),
    "YaYa Gosselin": (),
}

#: Misspellings found in the source articles, and the right form.
KNOWN_TYPOS = {"holdbrook": "Holbrook", "rodgriguez": "Rodriguez"}


def all_names() -> dict[str, str]:
    """Every accepted spelling mapped to its canonical name."""
    names = {name: name for name in CAST}
    for name, others in CAST.items():
        names.update(dict.fromkeys(others, name))
    return names
