"""Russia, China and Turkey side by side: one generated page, a row for each field the issue
names, every cell a cited fact or a short cited statement linked to the chapter section that
explains it, and figures set side by side only when one body counted them for one year."""
from __future__ import annotations

from urllib.parse import urljoin

import pytest

from learning_helpers import by_id, data, edit, page, problems

PAGE = "compare/"
FIELDS = {"security", "institutions", "trade", "investment", "arms", "soft-power", "migration"}


def rows(site) -> dict[str, object]:
    art = page(site, PAGE).select_one("article")
    return {h["id"]: art.select_one(f"figure#compare-{h['id']}") for h in art.select("h2[id]") if art.select_one(f"figure#compare-{h['id']}")}


def test_the_page_is_in_the_navigation_with_a_section_for_each_field(site, config):
    assert "compare.md" in str(config["nav"])
    assert set(rows(site)) == FIELDS


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_every_cell_is_cited_and_links_to_the_section_that_explains_it(site, field):
    figure = rows(site)[field]
    headers = [th.get_text(strip=True) for th in figure.select("thead th")]
    assert headers == ["Russia", "China", "Turkey"]
    cells = figure.select("tbody td")
    assert len(cells) == 3
    for power, cell in zip(headers, cells):
        assert cell.select("sup.cite a.cite-link"), f"{field}/{power}: no citation"
        link = cell.select_one(".compare-more a")
        target = urljoin(PAGE, link["href"])
        chapter, anchor = target.split("#")
        assert chapter.startswith("chapters/") and page(site, chapter).find(id=anchor), f"{field}/{power}: {target}"
    assert figure.select_one(".source-line sup.cite"), "the table's source line"


def test_one_count_rows_set_side_by_side_only_one_bodys_figures_for_one_year(library):
    one_count = [r for r in data("comparison.yml") if r.get("one_count")]
    assert "trade" in {r["id"] for r in one_count}, "trade is compared by one count"
    for row in one_count:
        facts = [library.facts[f] for cell in row["cells"].values() for f in cell.get("facts", [])]
        assert len(facts) >= 2, row["id"]
        assert len({(f.counted_by, f.as_of[:4]) for f in facts}) == 1, row["id"]


def test_two_counters_in_a_one_count_row_stop_the_build(data_dir):
    edit(data_dir, "comparison.yml", lambda records: by_id(records, "trade")["cells"]["china"].update(facts=["china-ca-trade-2024-customs"]))
    found = problems(data_dir)
    assert any("entry 'trade'" in p and "one_count: the row's figures must be one body's count for one year" in p for p in found), found


def test_an_uncited_statement_stops_the_build(data_dir):
    edit(data_dir, "comparison.yml", lambda records: by_id(records, "security")["cells"]["china"].update(citations=[]))
    assert any("entry 'security'" in p and "cites nothing" in p for p in problems(data_dir))
