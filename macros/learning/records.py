"""Typed records of the learning data files: self-checks, source labs, teaching plans, the
comparison of the three powers and the five countries. Schemas only; checks across records are
`checks.py`'s. Each record carries the site's fixed citation block (`citations`).

A place in a chapter is named by the chapter's file name and a section anchor, as
`turkey#schools` (`Ref`); a self-check item or a lab names its chapter by file name alone.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..data.records import CENTRAL_ASIA, Citation, Iso3, Record, Slug, Text

# A chapter section: "<chapter file name>#<anchor>", e.g. "russia#bases".
Ref = Annotated[str, Field(pattern=r"^[a-z0-9-]+#[a-z0-9-]+$")]
Power = Literal["russia", "china", "turkey"]
POWERS: tuple[Power, ...] = ("russia", "china", "turkey")
NO_CITATION = "cites nothing: add citations: (the sources it rests on)"


class Learning(Record):
    """A record with an id and the fixed citation block."""

    id: Slug
    citations: list[Citation] = []


# ---- Self-check items and source labs (the end of every chapter) ----


class SelfCheckItem(Learning):
    """One question at the end of a chapter, tied to one of its objectives. With options it is
    multiple choice (`correct` is the number of the right option); without, a short answer.
    `fact:` makes it a "whose claim is this figure, and as of when?" item, `place:` and `map:`
    a "place it on the map" item; the answer cites the item's citations and the fact's."""

    chapter: Slug  # the chapter's file name under docs/chapters/, without .md
    objective: int = Field(ge=1)  # the number of the objective in the chapter's front matter
    question: Text
    options: list[Text] = []
    correct: int | None = Field(default=None, ge=1)
    answer: Text  # why: the explanation a reader sees when they open the answer
    section: Slug  # the anchor, in the same chapter, of the section that teaches it
    fact: Slug | None = None
    place: Slug | None = None
    map: Slug | None = None

    @model_validator(mode="after")
    def well_formed(self):
        if self.options and self.correct is None:
            raise ValueError("a multiple-choice item says which option is right: add correct: (1 for the first option)")
        if self.options and len(self.options) < 2:
            raise ValueError("a multiple-choice item offers at least two options")
        if self.correct is not None and not self.options:
            raise ValueError("correct: is for multiple choice: add options:, or drop correct: for a short answer")
        if self.correct is not None and self.correct > len(self.options):
            raise ValueError(f"correct: {self.correct} but only {len(self.options)} options")
        if (self.place is None) != (self.map is None):
            raise ValueError("a map item names both place: (places.yml) and map: (maps.yml)")
        if not self.citations and self.fact is None:
            raise ValueError("the answer " + NO_CITATION + " or fact: (a fact id whose sources it cites)")
        return self

    @property
    def kind(self) -> str:
        return "whose-figure" if self.fact else "map" if self.place else "choice" if self.options else "short"


class LabStep(Record):
    text: Text
    citations: list[Citation] = []


class SourceLab(Learning):
    """A claim the chapter does not discuss, from a stored report: the steps to check it and a
    model answer. `claim_source` is the report the claim comes from (cited with the claim)."""

    chapter: Slug
    objective: int = Field(ge=1)
    title: Text
    claim: Text  # the claim, in our words, saying who made it and when
    claim_source: Citation
    steps: list[LabStep] = Field(min_length=3)
    answer: Text  # the model answer; its citations are the record's
    section: Slug  # the section of the chapter that prepares a reader for it

    @model_validator(mode="after")
    def cited(self):
        if not self.citations:
            raise ValueError("the model answer " + NO_CITATION)
        return self


# ---- Teaching plans (one per chapter, on the instructors' side) ----


class Activity(Record):
    minutes: int = Field(ge=1)
    title: Text
    what: Text
    sections: list[Slug] = []  # anchors in the chapter the activity uses


class LessonPlan(Record):
    minutes: int = Field(ge=15)  # the length of the class: the activities add up to it
    activities: list[Activity] = Field(min_length=3)


class Role(Record):
    role: Text
    brief: Text


class RolePlay(Record):
    title: Text
    setting: Text  # the scene, with its date
    task: Text  # what the players must produce
    roles: list[Role] = Field(min_length=3)
    sections: list[Slug] = Field(min_length=1)
    citations: list[Citation] = Field(min_length=1)


class Essay(Record):
    prompt: Text
    objectives: list[int] = Field(min_length=1)


class Criterion(Record):
    criterion: Text
    strong: Text
    adequate: Text
    weak: Text


class QuestionNote(Record):
    """What the chapter offers a seminar on one of its discussion questions."""

    question: int = Field(ge=1)
    note: Text
    sections: list[Slug] = Field(min_length=1)
    facts: list[Slug] = []


Level = Literal["first", "further", "advanced"]
LEVELS: dict[str, str] = {"first": "A first read", "further": "Going further", "advanced": "For advanced readers"}


class Reading(Record):
    source: Slug
    level: Level
    note: Text  # why read it, in a sentence


class TeachingPlan(Learning):
    """Everything an instructor needs to teach one chapter. The id is the chapter's file name."""

    lesson: LessonPlan
    role_play: RolePlay
    essays: list[Essay] = Field(min_length=2)
    rubric: list[Criterion] = Field(min_length=3)
    question_notes: list[QuestionNote] = Field(min_length=1)
    reading: list[Reading] = Field(min_length=3)


# ---- The three powers side by side ----


class Cell(Record):
    """What one power has in one field: facts (figures) and a short statement, each cited."""

    facts: list[Slug] = []
    text: str | None = None
    citations: list[Citation] = []
    section: Ref  # where a chapter explains it

    @model_validator(mode="after")
    def says_something_cited(self):
        if not self.facts and not self.text:
            raise ValueError("a cell gives facts: or text: (a short statement)")
        if self.text and not self.citations:
            raise ValueError("the statement " + NO_CITATION)
        return self


class ComparisonRow(Learning):
    """One field compared. With `one_count: true` every figure in the row is counted by the
    same body for the same year (checked), so the cells can be read side by side."""

    title: Text
    question: Text  # what the row asks
    one_count: bool = False
    note: Text  # how to read the row: whose count, what it leaves out
    cells: dict[Power, Cell]

    @model_validator(mode="after")
    def every_power(self):
        missing = [p for p in POWERS if p not in self.cells]
        if missing:
            raise ValueError(f"a row gives a cell for each power: add {', '.join(missing)}")
        return self


# ---- The five countries ----


class Country(Learning):
    """A Central Asian state's page: its figures (one count for all five), its map, a summary."""

    code: Iso3
    population: Slug  # a fact; the five population facts share one counter and one date
    output: Slug  # a fact (GDP); the five share one counter and one year
    map: Slug  # a map spec focused on the country
    summary: Text  # two or three sentences in our words, cited

    @model_validator(mode="after")
    def central_asian(self):
        if self.code not in CENTRAL_ASIA:
            raise ValueError(f"a country page is for one of the five states: {', '.join(CENTRAL_ASIA)}")
        if not self.citations:
            raise ValueError("the summary " + NO_CITATION)
        return self
