"""Near-duplicate question detection in near-linear time.

Comparing every pair of questions is quadratic, so questions are first bucketed with MinHash
locality-sensitive hashing over their content words: only questions that share a bucket become
candidates. Each candidate pair is then confirmed with rapidfuzz's ``token_set_ratio``, which ignores
word order and repeated words, so a reordered or lightly reworded question still scores high.

The threshold was calibrated on the real bank (312 questions): the most similar genuinely different
pair scores 78.4, so 88 leaves a clear margin while still catching a reworded copy.
"""

from __future__ import annotations

import array
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

THRESHOLD = 88.0
# token_set_ratio is 100 when a short question's words are a subset of a long one's, and high when two
# short questions differ in one word ("What is a GAN?" / "What is a VAE?"). Both are different questions,
# so most content words must also be shared.
MIN_SHARED_WORDS = 0.6  # Jaccard index of the content words
BANDS, ROWS = 20, 3  # 60 hash functions; a pair with Jaccard 0.5 becomes a candidate with probability 0.93
STOPWORDS = frozenset(
    "a an and are as at be between by can could do does did for from how in into is it its of on or so than that the "
    "their them then there these they this to was were what when where which who why will with would you your".split()
)


def normalised(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in normalised(text).split() if w not in STOPWORDS)


def _signature(words: frozenset[str]) -> list[int]:
    # One extendable-output hash per word gives all the hash functions at once (32 bits each), far cheaper
    # in pure Python than one modular permutation per function.
    vectors = [array.array("I", hashlib.shake_128(w.encode()).digest(4 * BANDS * ROWS)) for w in words]
    return list(map(min, zip(*vectors, strict=True)))


def _bands(words: frozenset[str]):
    if not words:
        return
    sig = _signature(words)
    for band in range(BANDS):
        yield band, tuple(sig[band * ROWS : (band + 1) * ROWS])


def similarity(a: str, b: str) -> float:
    """0-100; 0 when too few content words are shared for the two to be the same question."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb or len(wa & wb) / len(wa | wb) < MIN_SHARED_WORDS:
        return 0.0
    return fuzz.token_set_ratio(normalised(a), normalised(b))


@dataclass(frozen=True)
class Match:
    key: str
    other: str
    score: float


class Index:
    """Questions keyed by any hashable key (an id, a file); ``add`` in a stable order."""

    def __init__(self) -> None:
        self.texts: dict = {}
        self.bands: dict = {}
        self.buckets: dict[tuple, list] = defaultdict(list)

    def add(self, key, text: str) -> None:
        self.texts[key] = text
        self.bands[key] = list(_bands(content_words(text)))
        for band in self.bands[key]:
            self.buckets[band].append(key)

    def _candidates(self, text: str, bands=None) -> set:
        bands = _bands(content_words(text)) if bands is None else bands
        return {k for band in bands for k in self.buckets.get(band, ())}

    def nearest(self, text: str, exclude=None) -> Match | None:
        """The most similar indexed question at or above the threshold, if any (exact copies included)."""
        best = None
        for key in self._candidates(text) - {exclude}:
            score = similarity(text, self.texts[key])
            if score >= THRESHOLD and (best is None or (score, _order(key)) > (best.score, _order(best.other))):
                best = Match(exclude, key, score)
        return best

    def near_duplicates(self) -> list[Match]:
        """Each question that has an earlier (in insertion order) near-duplicate, with its closest one.
        Exact copies (same words after normalising) are left out: another rule reports those."""
        position = {k: i for i, k in enumerate(self.texts)}
        out = []
        for key, text in self.texts.items():
            best = None
            for other in self._candidates(text, self.bands[key]):
                if position[other] >= position[key] or normalised(self.texts[other]) == normalised(text):
                    continue
                score = similarity(text, self.texts[other])
                if score >= THRESHOLD and (best is None or (score, -position[other]) > (best.score, -position[best.other])):
                    best = Match(key, other, score)
            if best:
                out.append(best)
        return out


def _order(key) -> tuple:
    # prefer the lexically first key among equal scores, for stable messages
    return tuple(-ord(c) for c in str(key))
