"""Spelling folding for search (qbank.site.spelling): British forms become American ones, words whose "is"
belongs to the root are left alone, and a folded text keeps its words and capitals."""

import pytest

from qbank.site.spelling import fold


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("quantisation", "quantization"),
        ("optimiser", "optimizer"),
        ("normalised", "normalized"),
        ("tokenising", "tokenizing"),
        ("recognisable", "recognizable"),
        ("analyse", "analyze"),
        ("behavioural", "behavioral"),
        ("colours", "colors"),
        ("centred", "centered"),
        ("centres", "centers"),
        ("modelling", "modeling"),
        ("labelled", "labeled"),
        ("artefacts", "artifacts"),
        ("licence", "license"),
        ("judgement", "judgment"),
    ],
)
def test_a_british_spelling_becomes_the_american_one(british, american):
    assert fold(british) == american


@pytest.mark.parametrize("american", ["quantization", "optimizer", "behavior", "center", "modeling", "analyze"])
def test_an_american_spelling_is_already_folded(american):
    assert fold(american) == american


@pytest.mark.parametrize(
    "word",
    [
        "noise", "denoising", "pairwise", "otherwise", "supervised", "unsupervised", "exercise", "precise",
        "concise", "premise", "revise", "promise", "compromised", "enterprise", "surprise", "advertise",
        "expertise", "raise", "raising", "rise", "arise", "crises", "disable", "analysis", "wise", "tortoise",
        "called", "smaller", "installed", "excelled", "flour", "hour", "metric",
    ],
)
def test_a_word_whose_is_or_ending_belongs_to_its_root_is_unchanged(word):
    assert fold(word) == word


def test_capitals_are_kept():
    assert fold("Quantisation QUANTISATION quantisation") == "Quantization QUANTIZATION quantization"


def test_only_words_change_and_their_number_stays():
    text = "INT4 quantisation (GPTQ-style), colour-coded; 3 optimisers' states: 8 bytes/param."
    assert fold(text) == "INT4 quantization (GPTQ-style), color-coded; 3 optimizers' states: 8 bytes/param."
    assert len(fold(text).split()) == len(text.split())
