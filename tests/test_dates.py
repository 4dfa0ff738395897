"""Dates read as precisely as their source gives them."""
from __future__ import annotations

import pytest

from macros.data.dates import human_date


@pytest.mark.parametrize(
    "date, label",
    [("2002", "2002"), ("2019-08", "August 2019"), ("1991-12-16", "16 December 1991"), ("2022-09-04", "4 September 2022")],
)
def test_dates_read_as_precisely_as_the_source_gives_them(date, label):
    assert human_date(date) == label
