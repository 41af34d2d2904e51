"""Origins as arrays and column stamps (issue: fast at any size): same behaviour as the lists they replace."""

from __future__ import annotations

import numpy as np

from corridor_app.model.sheets import CONTRIBUTIONS
from corridor_app.model.table import Origin, OriginList, Table


def test_origin_list_behaves_like_a_list() -> None:
    origins = OriginList([Origin("A", 2), None, Origin("B", 7)])
    assert len(origins) == 3
    assert origins[0] == Origin("A", 2) and origins[1] is None and origins[-1] == Origin("B", 7)
    origins.insert(1, Origin("B", 9))
    origins.extend_rows("A", np.array([10, 11]))
    assert list(origins) == [Origin("A", 2), Origin("B", 9), None, Origin("B", 7), Origin("A", 10), Origin("A", 11)]
    kept = origins.take(np.array([True, False, True, False, False, True]))
    assert kept == [Origin("A", 2), None, Origin("A", 11)]


def test_delete_and_insert_keep_origins_with_their_rows() -> None:
    table = Table(CONTRIBUTIONS)
    table.append_many([{"country": c, "amount": 1.0} for c in "xyz"], [Origin("S", r) for r in (2, 3, 4)])
    table.delete([1])
    table.insert([1], [{"country": "new", "amount": 2.0}])
    assert [table.value(r, "country") for r in range(3)] == ["x", "new", "z"]
    assert list(table.origins) == [Origin("S", 2), None, Origin("S", 4)]
    assert table.where(2) == ("S", 4)


def test_stamps_change_with_the_column_they_follow() -> None:
    table = Table(CONTRIBUTIONS)
    table.append_many([{"country": "x", "amount": 1.0}], [None])
    country, amount = table.stamp("country"), table.stamp("amount")
    table.set_value(0, "amount", 2.0)
    assert table.stamp("country") == country and table.stamp("amount") != amount
    before = table.stamp("country")
    table.delete([0])
    assert table.stamp("country") != before


def test_a_table_with_extra_columns_is_built_and_copied() -> None:
    # issue 17: extra columns are found in the column dict; a table made with extras must have them there.
    from corridor_app.model.sheets import CONTRIBUTIONS
    from corridor_app.model.table import Table

    table = Table(CONTRIBUTIONS, ["Status", "Share"])
    assert table.keys[-2:] == ["Status", "Share"] and table.column_spec("Status").kind == "text"
    copied = table.copy()
    assert copied.keys == table.keys and not copied.is_numeric("Share")
