"""The value axis's unit, said as readers say it: 4.348e10 USD is drawn as 43.5 on an axis of
US$ billion. Only the facts' own `unit` and `value` are read."""
from __future__ import annotations

from dataclasses import dataclass

# How a unit is named on an axis; a unit not listed is named as facts.yml spells it.
NAMES = {"USD": "US$", "EUR": "€", "CNY": "yuan", "JPY": "yen", "percent": "%"}
CURRENCIES = frozenset({"USD", "EUR", "CNY", "JPY"})
MAGNITUDES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@dataclass(frozen=True)
class Unit:
    unit: str  # as in facts.yml: USD, percent, deaths
    scale: float  # a fact's value divided by this is what the axis shows
    label: str  # "US$ billion", "%", "deaths"

    def scaled(self, value: float) -> float:
        return value / self.scale

    def short(self, value: float) -> str:
        """A value as the picture labels it: one decimal (two below ten), no trailing zero."""
        scaled = self.scaled(value)
        text = f"{scaled:,.{2 if abs(scaled) < 10 else 1}f}".rstrip("0").rstrip(".")
        return text + ("%" if self.unit == "percent" else "")


def axis_unit(unit: str, values: list[float]) -> Unit:
    """The unit of an axis whose largest value sets the magnitude (billion, million)."""
    top = max((abs(v) for v in values), default=0)
    name = NAMES.get(unit, unit)
    for size, word in MAGNITUDES:
        if top >= size:
            label = f"{name} {word}" if unit in CURRENCIES else f"{word} {name}"
            return Unit(unit, size, label)
    return Unit(unit, 1.0, name)
