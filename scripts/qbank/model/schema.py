"""The single source of truth for the file formats in ``questions/``.

Every scalar arrives as a string (see ``safe_yaml``), so the models are strict about strings and convert
only where a field really is a date or a number. The JSON Schema in ``schema/`` is generated from these
models by ``qbank schema``; a test fails when the committed copy is stale.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SHORT_ANSWER_MAX_WORDS = 120
QUESTION_MAX_CHARS = 300
# Generous ceilings (several times the longest real entry) so a hostile file cannot bloat a page.
SHORT_ANSWER_MAX_CHARS = 1_500
DETAILED_ANSWER_MAX_CHARS = 20_000
ITEM_MAX_CHARS = 500  # one follow-up or pitfall
KEY_POINT_MAX_CHARS = 160  # one sentence an interviewer listens for
KEY_POINTS_MIN, KEY_POINTS_MAX = 3, 6
TITLE_MAX_CHARS = 300
URL_MAX_CHARS = 2_000
LIST_MAX_ITEMS = 20
CODE_MAX_CHARS = 20_000  # one part of an exercise
SCHEMA_HEADER = "# yaml-language-server: $schema=../../schema/question.schema.json"
DIFFICULTIES = ("easy", "medium", "hard")

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=3, max_length=80)]
TagName = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=2, max_length=40)]
Text = Annotated[str, StringConstraints(min_length=1)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=TITLE_MAX_CHARS)]


def _iso_date(value: object) -> object:
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise PydanticCustomError("bad_date", "expected a date written YYYY-MM-DD, got '{value}'", {"value": value})
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise PydanticCustomError(
                "bad_date", "impossible date '{value}': {reason}", {"value": value, "reason": str(exc)}
            ) from None
    return value


def _whole_number(value: object) -> object:
    if isinstance(value, str):
        if not re.fullmatch(r"[0-9]{1,4}", value):
            raise PydanticCustomError("bad_number", "expected a whole number, got '{value}'", {"value": value})
        return int(value)
    return value


def _max_words(text: str) -> str:
    words = len(text.split())
    if words > SHORT_ANSWER_MAX_WORDS:
        raise PydanticCustomError(
            "too_many_words",
            "short answer has {words} words; the limit is {limit}",
            {"words": words, "limit": SHORT_ANSWER_MAX_WORDS},
        )
    return text


def _single_line(text: str) -> str:
    if "\n" in text.strip():
        raise PydanticCustomError("multi_line", "must be one line; use a folded scalar (>-) for long text", {})
    return text.strip()


# One line: a follow-up or pitfall is a list item, and a second line would escape the list on the page.
Item = Annotated[str, StringConstraints(min_length=1, max_length=ITEM_MAX_CHARS), AfterValidator(_single_line)]
KeyPoint = Annotated[str, StringConstraints(min_length=1, max_length=KEY_POINT_MAX_CHARS), AfterValidator(_single_line)]
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date"})]
Position = Annotated[int, BeforeValidator(_whole_number), Field(ge=0, le=9999)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Answer(_Strict):
    short: Annotated[Text, AfterValidator(_max_words), StringConstraints(max_length=SHORT_ANSWER_MAX_CHARS)] = Field(
        description=f"The 30-second answer an interviewer wants to hear, at most {SHORT_ANSWER_MAX_WORDS} words. Markdown."
    )
    detailed: Annotated[Text, StringConstraints(max_length=DETAILED_ANSWER_MAX_CHARS)] | None = Field(
        default=None,
        description="Markdown: ### sub-headings at most, $inline$ and $$display$$ maths, fenced code.",
    )


class Reference(_Strict):
    title: Title = Field(description="The real title of the work the link points to.")
    url: Annotated[Text, StringConstraints(max_length=URL_MAX_CHARS)] = Field(
        description="An https link; arXiv papers as https://arxiv.org/abs/<id>."
    )


Code = Annotated[str, StringConstraints(min_length=1, max_length=CODE_MAX_CHARS)]


class WrongSolution(_Strict):
    mistake: Annotated[Text, AfterValidator(_single_line), StringConstraints(max_length=KEY_POINT_MAX_CHARS)] = Field(
        description="The mistake, in one line: 'softmax without the max shift', 'mask off by one'."
    )
    code: Code = Field(description="A plausible wrong solution; the tests must fail on it.")


class Exercise(_Strict):
    """A coding exercise. Every part is Python using only the standard library and NumPy."""

    starter: Code = Field(
        description="Signatures with docstrings (shapes, dtypes, edge cases); bodies raise NotImplementedError."
    )
    solution: Code = Field(description="The reference implementation; the tests pass on it.")
    tests: Code = Field(
        description="def test_...(): functions with asserts, importing the functions under test from the module named "
        "by the id with hyphens as underscores: from top_p_sampling import top_p_filter."
    )
    wrong: list[WrongSolution] = Field(min_length=1, max_length=LIST_MAX_ITEMS, description="Wrong solutions the tests catch.")


class Question(_Strict):
    """One interview question: questions/<topic>/<id>.yaml."""

    model_config = ConfigDict(title="GenAI Interview Bank question", extra="forbid", strict=True, frozen=True)

    id: Slug = Field(description="Permanent identity; equals the file name.")
    question: Annotated[Text, AfterValidator(_single_line), StringConstraints(max_length=QUESTION_MAX_CHARS)]
    difficulty: Literal["easy", "medium", "hard"]
    tags: list[TagName] = Field(min_length=1, max_length=LIST_MAX_ITEMS, description="Tags from questions/_tags.yaml.")
    subtopic: Slug | None = Field(default=None, description="Required when the topic has subtopics, forbidden otherwise.")
    answer: Answer | None = None
    key_points: list[KeyPoint] = Field(
        default_factory=list,
        min_length=KEY_POINTS_MIN,
        max_length=KEY_POINTS_MAX,
        description="What an interviewer listens for in a strong answer: "
        f"{KEY_POINTS_MIN} to {KEY_POINTS_MAX} one-sentence items of at most {KEY_POINT_MAX_CHARS} characters. "
        "Practice mode shows them as a self-grading checklist. Inline Markdown.",
    )
    follow_ups: list[Item] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    pitfalls: list[Item] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    references: list[Reference] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    related: list[Slug] = Field(default_factory=list, max_length=LIST_MAX_ITEMS, description="Ids of related questions.")
    exercise: Exercise | None = Field(
        default=None, description="A coding exercise with starter, solution, tests and wrong solutions."
    )
    last_reviewed: IsoDate


OneLine = Annotated[Text, AfterValidator(_single_line), StringConstraints(max_length=TITLE_MAX_CHARS)]


class Subtopic(_Strict):
    id: Slug
    title: Title
    position: Position
    description: OneLine | None = Field(default=None, description="One sentence for the page's lead and its meta description.")
    order: list[Slug] = Field(default_factory=list, description="Question ids shown first, in this order.")


class Topic(_Strict):
    """A topic folder's metadata: questions/<topic>/_topic.yaml."""

    model_config = ConfigDict(title="GenAI Interview Bank topic", extra="forbid", strict=True, frozen=True)

    title: Title
    description: OneLine
    position: Position
    subtopics: list[Subtopic] = Field(default_factory=list)
    order: list[Slug] = Field(default_factory=list, description="Question ids shown first, in this order.")


def json_schemas() -> dict[str, dict]:
    """The editor schemas, keyed by file name under schema/."""
    return {
        "question.schema.json": Question.model_json_schema(),
        "topic.schema.json": Topic.model_json_schema(),
    }
