"""Maths rendered at build time: the TeX in answers becomes MathML, which current browsers draw natively.

Pages then need no maths script and no web fonts, nothing reflows when a formula renders, and screen
readers read the formulas. ``problems`` is what the validator checks (QB038); ``render_html`` is what the
site build applies to every page before the sanitiser, whose allow-list includes ``ELEMENTS`` and
``ATTRIBUTES`` and nothing else of MathML.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from functools import lru_cache

from latex2mathml.converter import convert_to_element

# The MathML that the converter emits for the TeX it supports. Anything outside this (href, style,
# mathcolor from \href, \style, \color) is refused by the validator and stripped by the sanitiser.
ELEMENTS = frozenset(
    "math mrow mi mn mo mtext mspace mfrac msqrt mroot msub msup msubsup munder mover munderover "
    "mstyle mtable mtr mtd mpadded mphantom menclose".split()
)
ATTRIBUTES = frozenset(
    "display mathvariant stretchy fence separator form accent accentunder movablelimits largeop symmetric "
    "lspace rspace width height depth minsize maxsize linethickness displaystyle scriptlevel columnalign "
    "rowalign columnspacing rowspacing columnlines rowlines frame notation".split()
)
_MATHML_NS = "{http://www.w3.org/1998/Math/MathML}"
_TOKEN_ELEMENTS = {"mi", "mo", "mn", "mtext"}
# Python-Markdown's arithmatex output in generic mode: \( \) inline in a span, \[ \] display in a div.
_ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.S)
_DELIMITED = re.compile(r"\s*\\([(\[])(.*)\\[)\]]\s*", re.S)


_SEE_GUIDE = "see 'Maths and code' in CONTRIBUTING.md"


class MathsError(ValueError):
    pass


def _local(tag: str) -> str:
    return tag[len(_MATHML_NS) :] if tag.startswith(_MATHML_NS) else tag


@lru_cache(maxsize=65536)
def to_mathml(tex: str, display: bool = False) -> str:
    """MathML for one formula, escaped for HTML. Raises MathsError when the site cannot render it."""
    try:
        root = convert_to_element(tex, display="block" if display else "inline")
    except Exception as exc:  # the converter raises many exception types on malformed TeX
        raise MathsError(f"cannot parse the maths: {exc or type(exc).__name__}") from None
    for node in root.iter():
        node.tag = _local(node.tag)
        # The converter leaves its own character references (&#x03B1;) in the text, next to characters the
        # author typed; decoding them here lets the serialiser escape everything exactly once.
        node.text = html.unescape(node.text) if node.text else node.text
        node.tail = html.unescape(node.tail) if node.tail else node.tail
        if node.tag not in ELEMENTS:
            raise MathsError(f"maths uses <{node.tag}>, which the site does not render")
        for name in node.attrib:
            if name not in ATTRIBUTES and not (node is root and name == "xmlns"):
                raise MathsError(f"maths sets '{name}' (from \\href, \\style or \\color), which is not allowed")
        if node.tag in _TOKEN_ELEMENTS and node.text:
            command = re.search(r"\\[A-Za-z]+|\\.", node.text)
            if command:
                raise MathsError(f"the maths command {command.group()} is not supported ({_SEE_GUIDE})")
    root.attrib.pop("xmlns", None)  # implied in HTML
    return ET.tostring(root, encoding="unicode", short_empty_elements=False)


def problems(tex: str, display: bool = False) -> list[str]:
    try:
        to_mathml(tex, display)
    except MathsError as exc:
        return [str(exc)]
    return []


def render_html(fragment: str) -> str:
    """Replace every arithmatex span or div in rendered HTML with MathML. A formula that cannot be rendered
    (the validator stops those first) keeps its TeX source as text."""

    def replace(match: re.Match) -> str:
        tag, body = match.groups()
        delimited = _DELIMITED.fullmatch(html.unescape(body))
        if not delimited:
            return match.group(0)
        opener, tex = delimited.groups()
        try:
            mathml = to_mathml(tex, display=opener == "[")
        except MathsError:
            return match.group(0)
        return f'<{tag} class="arithmatex">{mathml}</{tag}>'

    return _ARITHMATEX.sub(replace, fragment) if "arithmatex" in fragment else fragment
