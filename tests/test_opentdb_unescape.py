"""opentdb.unescape is html.unescape, whatever the text (its str.replace shortcut included)."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heroes_quiz import opentdb

_PIECES = st.sampled_from([
    "&", "&amp;", "&amp", "amp;", "&quot;", "&quot", "&#039;", "&#39;", "&#x27;", "&lt;",
    "&gt;", "&eacute;", "&Eacute;", "&iacute;", "&aacute;", "&oacute;", "&uacute;", "&ntilde;",
    "&ndash;", "&hellip;", "&#27;", "&#0;", ";", "#", "a", " ", "q", "uot;", "x"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_unescape_is_html_unescape(text: str) -> None:
    assert opentdb.unescape(text) == html.unescape(text)


@pytest.mark.parametrize("text", [
    "&amp;quot;", "&amp;amp;", "&&amp;", "&am&amp;p;", "Rodr&iacute;guez &amp; &quot;Heroes&quot;",
    "AT&T", "&quot", "no entity at all"])
def test_tricky_texts(text: str) -> None:
    assert opentdb.unescape(text) == html.unescape(text)
