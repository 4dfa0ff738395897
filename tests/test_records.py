"""Record schemas: what a single entry may hold."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from macros.data.records import Source

SOURCE = {
    "id": "x", "kind": "reference", "title": "T", "publisher": "P", "date": "2020", "accessed": "2026-11-22", "description": "D",
}


@pytest.mark.parametrize("url", ["https://en.wikipedia.org/wiki/Bishkek", "https://worddisk.com/wiki/Astana/", "https://de.zxc.wiki/wiki/Woruch", "https://www.wikiwand.com/en/Osh"])
def test_a_wiki_or_a_copy_of_one_is_refused_with_what_to_cite_instead(url):
    with pytest.raises(ValidationError) as err:
        Source.model_validate(SOURCE | {"url": url})
    assert "is a wiki or a copy of one: cite the original publisher" in str(err.value)


def test_an_original_publisher_is_accepted():
    Source.model_validate(SOURCE | {"url": "https://24.kg/english/322786_UN_Chief/"})
