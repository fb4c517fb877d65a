"""British and American spellings folded to one form, so search finds "quantisation" when a reader types
"quantization", and the other way round. The bank is written in both.

The search index holds folded text, and docs/javascripts/search.js folds each query with the same rules
before searching (tests/browser/test_search_relevance.py checks that both fold every word of the bank alike).
Folding goes to the -ize, -or, -er and single-l forms. It is a word-for-word replacement that keeps the
word count and the word's capitals, so excerpts stay readable.
"""

from __future__ import annotations

import re

# -ise/-isation to -ize/-ization, unless the "is" belongs to the root (noise, pairwise, supervise, precise).
_ISE = re.compile(r"^([a-z]{2,}?)is(e|es|ed|ing|er|ers|ation|ations|able)$")
_ISE_ROOTS = frozenset(
    """ad adv advert an appr appra ar bru chast chem circumc compr comprom conc cr cru dem desp dev disgu exc exerc
    expert franch gu improv inc merchand mort parad pra pract prec prem prom ra repr rev superv surpr telev treat
    val""".split()
)
# Roots ending like these keep their "is" too: noise, tortoise, pairwise, unsupervised, enterprise, compromise.
_ISE_ROOT_ENDS = ("o", "w", "perv", "rpr", "prom")
# -yse to -yze (analyse, catalyse, paralyse); "analysis" is the same in both.
_YSE = re.compile(r"^(analy|cataly|paraly|hydroly|dialy|electroly)s(e|es|ed|ing|er|ers)$")
# -our to -or, -re to -er, -ll- to -l-, and single words.
_OUR = re.compile(
    r"^(behavi|col|fav|flav|harb|hon|hum|lab|neighb|rum|vap|endeav|savi|vig|rig|cand|splend|ard|arm)our(s|ed|ing|ite|ites|al|ally|able|less|ful|er|ers)?$"
)
_RE = re.compile(r"^(cent|met|lit|fib|theat|spect|calib|sab|lust|somb)r(e|es|ed|ing)$")
_RE_ENDS = {"e": "", "es": "s", "ed": "ed", "ing": "ing"}
_LL = re.compile(
    r"^(model|label|travel|cancel|fuel|level|tunnel|channel|funnel|signal|total|marshal|dial|counsel|pedal|rival|equal|jewel|parcel|marvel|quarrel|shovel|unravel|relabel|remodel)l(ed|ing|er|ers)$"
)
_WORDS = {
    "artefact": "artifact",
    "artefacts": "artifacts",
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "analogue": "analog",
    "analogues": "analogs",
    "dialogue": "dialog",
    "dialogues": "dialogs",
    "licence": "license",
    "licences": "licenses",
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "programme": "program",
    "programmes": "programs",
    "judgement": "judgment",
    "judgements": "judgments",
    "acknowledgement": "acknowledgment",
    "ageing": "aging",
    "grey": "gray",
    "sceptical": "skeptical",
    "fulfil": "fulfill",
    "fulfils": "fulfills",
    "enrol": "enroll",
    "enrols": "enrolls",
    "mould": "mold",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
}
# ASCII letters only, so that Python and JavaScript split text into the same words.
_WORD = re.compile(r"[A-Za-z]+")


def _fold_lower(word: str) -> str:
    if word in _WORDS:
        return _WORDS[word]
    m = _ISE.match(word)
    if m and m.group(1) not in _ISE_ROOTS and not m.group(1).endswith(_ISE_ROOT_ENDS):
        return m.group(1) + "iz" + m.group(2)
    m = _YSE.match(word)
    if m:
        return m.group(1) + "z" + m.group(2)
    m = _OUR.match(word)
    if m:
        return m.group(1) + "or" + (m.group(2) or "")
    m = _RE.match(word)
    if m:
        return m.group(1) + "er" + _RE_ENDS[m.group(2)]
    m = _LL.match(word)
    if m:
        return m.group(1) + m.group(2)
    return word


def _fold_word(word: str) -> str:
    """One word folded; a changed word keeps its capitals if it was all capitals or started with one."""
    lower = word.lower()
    folded = _fold_lower(lower)
    if folded == lower:
        return word
    if len(word) > 1 and word.isupper():
        return folded.upper()
    return folded[0].upper() + folded[1:] if word[0].isupper() else folded


def fold(text: str) -> str:
    """The text with each British spelling the rules know replaced by its American one."""
    return _WORD.sub(lambda m: _fold_word(m.group()), text)
