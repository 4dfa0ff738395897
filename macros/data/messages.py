"""Pydantic's validation errors, said the way an editor can act on: what is wrong and the fix.

Pydantic's own messages ("Field required", "Extra inputs are not permitted", "String should
match pattern '^[a-z0-9]+…'") name neither the field's purpose nor what to write instead.
`explained()` turns one error of `ValidationError.errors()` into a line with its fix; the
loaders (`loading.py`, `editions/catalogue.py`) use it for every record they validate.
"""
from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import Problem

# What each pattern of records.py (and the editions file) asks for, in the editor's words.
PATTERNS = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "write an id as lower-case words and digits joined by hyphens, such as 'turkey-trade-2019'",
    r"^\d{4}(-\d{2}(-\d{2})?)?$": "write the date as precisely as the source gives it, in quotes: \"2021\", \"2021-03\" or \"2021-03-16\"",
    r"^\d+\.\d+$": "write the version as two numbers in quotes, such as \"2.1\"",
    r"^[A-Z]{3}$": "use the ISO 3166-1 alpha-3 code in capitals (KAZ, KGZ, TJK, TKM, UZB, ...)",
    r"^[0-9a-f]{7,40}$": "give the commit the edition was published from, as git prints it (git rev-parse HEAD: 7 to 40 characters 0-9 and a-f)",
}
# Fields that hold a partial date or a version: YAML reads them unquoted as numbers or dates.
QUOTED = {r"^\d{4}(-\d{2}(-\d{2})?)?$", r"^\d+\.\d+$"}
# Pydantic's wording, which no line an editor sees may carry on its own (tests check it).
RAW = ("Field required", "Extra inputs are not permitted", "Input should be", "String should", "List should", "Value error,")


def explained(error: dict, model: type[BaseModel]) -> str:
    """One error of `ValidationError.errors()` for a record of `model`, with its fix."""
    kind, ctx, loc = error["type"], error.get("ctx") or {}, tuple(error["loc"])
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else "it"
    value = shown(error.get("input"))
    if kind == "missing":
        return f"missing: add {name}: to the entry (every {model_name(model, loc[:-1])} entry needs it)"
    if kind == "extra_forbidden":
        owner = model_at(model, loc[:-1])
        fields = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
        if close:
            return f"{name}: is not a field of {model_name(model, loc[:-1], article=True)} entry: did you mean {close[0]}:? rename it"
        return f"{name}: is not a field of {model_name(model, loc[:-1], article=True)} entry: remove it, or use one of {', '.join(fields)}"
    if kind == "string_pattern_mismatch":
        return f"{value!r} does not fit: {PATTERNS.get(ctx.get('pattern'), 'see the schema in macros/data/records.py for what to write')}"
    if kind == "string_type":
        pattern = field_pattern(model, loc)
        if pattern in QUOTED:
            kind_read = {"int": "number", "float": "number", "date": "date", "datetime": "date"}.get(type(error.get("input")).__name__, type(error.get("input")).__name__)
            return f"{value!r} was read as a {kind_read}, not text: {PATTERNS[pattern]}"
        return f"{value!r} is not text: write it as text (in quotes if YAML would read it as a number, date or list)"
    if kind == "literal_error":
        return f"{value!r} is not allowed here: use one of {ctx.get('expected')}"
    if kind == "string_too_short":
        return "is empty: write it, or remove the field where it is optional" if ctx.get("min_length") == 1 else f"is too short: write at least {ctx.get('min_length')} characters"
    if kind == "string_too_long":
        return f"is longer than {ctx.get('max_length')} characters: quote a shorter passage, the few words that carry the claim"
    if kind == "too_short":
        if name == "citations":
            return "names no source: add citations: with at least one {source: id} (and quote: for a seed)"
        return f"lists {ctx.get('actual_length', 0)} item(s): give at least {ctx.get('min_length')}"
    if kind in ("url_parsing", "url_scheme", "url_type", "url_too_long"):
        return f"{value!r} is not a web address: give the full http:// or https:// address of what is cited"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{value!r} is not a date: write the day as year-month-day, such as 2026-11-22"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        whole = kind.startswith("int")
        return f"{value!r} is not a {'whole ' if whole else ''}number: write {'digits only' if whole else 'the number alone (8.5, not 8.5 bn)'}" + ("" if whole else "; the unit goes in unit:")
    if kind in ("bool_parsing", "bool_type"):
        return f"{value!r} is neither true nor false: write true or false"
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        bound = ctx.get("le", ctx.get("ge", ctx.get("lt", ctx.get("gt"))))
        side = "at most" if kind.startswith("less") else "at least"
        degrees = " (degrees: latitude from -90 to 90, longitude from -180 to 180; lat comes before lon)" if name in {"lat", "lon", "west", "east", "south", "north"} else ""
        return f"{value!r} is out of range: give a value {side} {bound:g}{degrees}"
    if kind == "list_type":
        return f"is not a list: write each item on its own line, starting with '- ' (or [] for none)"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{value!r} is not a record: write its fields under it, one per line ({model_name(model, loc, article=False)} fields such as id:)"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    return f"{error['msg']}: see {model_name(model, loc)} in macros/data/records.py for what the field holds"


class shown(str):
    """A value as the editor wrote it: text in quotes, anything else as YAML would print it."""

    def __new__(cls, value):
        return super().__new__(cls, repr(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) or value is None else str(value))

    def __repr__(self) -> str:
        return str(self)

    def __format__(self, spec: str) -> str:
        return str(self)


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The record type found at a location inside `model` (list indexes skipped)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        current = record_type(field.annotation) if field else None
    return current


def record_type(annotation: Any) -> type[BaseModel] | None:
    """The record type an annotation holds: Citation in list[Citation], View in View | None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = record_type(arg)
        if found:
            return found
    return None


def field_pattern(model: type[BaseModel], loc: tuple) -> str | None:
    """The pattern a string field must match, if any."""
    owner = model_at(model, loc[:-1])
    field = owner.model_fields.get(loc[-1]) if owner and loc and isinstance(loc[-1], str) else None
    if field is None:
        return None
    return next((meta.pattern for meta in field.metadata if getattr(meta, "pattern", None)), None)


def model_name(model: type[BaseModel], loc: tuple, article: bool = False) -> str:
    owner = model_at(model, loc) or model
    name = owner.__name__.lower()
    if name == "placeonlayer":
        name = "place-on-layer"
    elif name == "mapspec":
        name = "map"
    return (("an " if name[0] in "aeiou" else "a ") + name) if article else name


def validated(raw: list | None, name: str, model: type[BaseModel], key: str = "id") -> tuple[list, list[Problem]]:
    """Each item of a file's list validated; a broken item becomes problems (named by its `key`), not a record."""
    records, problems = [], []
    for index, item in enumerate(raw or []):
        entry = str(item.get(key, f"#{index + 1}")) if isinstance(item, dict) else f"#{index + 1}"
        try:
            records.append(model.model_validate(item))
        except ValidationError as err:
            problems += [Problem(name, entry, ".".join(str(p) for p in e["loc"]), explained(e, model)) for e in err.errors()]
    return records, problems
