"""The child's answer travels with long text columns in pieces (issue 7: the window paints while it is read)."""

from __future__ import annotations

import io
import pickle

import numpy as np
import pytest

from corridor_app.io import transfer


class Counting(pickle.Unpickler):
    calls = 0

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        Counting.calls += 1


def test_long_object_columns_come_back_equal_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transfer, "CHUNK_ROWS", 1000)
    texts = np.array([f"note {i}" if i % 7 else None for i in range(4500)], dtype=object)
    numbers = np.arange(4500, dtype=np.float64)
    answer = ("ok", {"note": texts, "amount": numbers, "same": texts, "short": texts[:10]}, 3)
    Counting.calls = 0
    back = transfer.loads(transfer.dumps(answer), Counting)
    assert back[0] == "ok" and back[2] == 3
    assert back[1]["note"].dtype == object and back[1]["note"].tolist() == texts.tolist()
    assert back[1]["same"] is back[1]["note"]  # one column sent once, shared as before
    assert np.array_equal(back[1]["amount"], numbers) and back[1]["short"].tolist() == texts[:10].tolist()
    assert Counting.calls == 1 + 5 + 1  # the piece counts, five pieces of 1000 cells, the rest


def _frame(*parts: bytes) -> bytes:
    return len(parts).to_bytes(8, "big") + b"".join(len(p).to_bytes(8, "big") for p in parts) + b"".join(parts)


@pytest.mark.parametrize(
    "data",
    [
        pickle.dumps(("ok", [], 0)),  # not the hand-over form
        b"",
        _frame(pickle.dumps([1]), pickle.dumps("main")),  # says one piece, sends none
        _frame(pickle.dumps([1]), pickle.dumps("main"), pickle.dumps("not a list")),
        _frame(pickle.dumps("no counts"), pickle.dumps("main")),
        _frame(pickle.dumps([]), pickle.dumps("main"))[:-3],  # cut short
    ],
)
def test_anything_else_is_refused(data: bytes) -> None:
    with pytest.raises(pickle.UnpicklingError):
        transfer.loads(data, lambda b: pickle.Unpickler(io.BytesIO(b)))


def test_a_reference_to_a_column_never_sent_is_refused() -> None:
    class Ref(pickle.Pickler):
        def persistent_id(self, obj: object) -> int | None:
            return 5 if obj == "x" else None

    main = io.BytesIO()
    Ref(main).dump(["x"])
    with pytest.raises(pickle.UnpicklingError, match="did not send"):
        transfer.loads(_frame(pickle.dumps([]), main.getvalue()), lambda b: pickle.Unpickler(io.BytesIO(b)))


def test_the_parts_written_one_after_the_other_are_the_answer() -> None:
    answer = ("ok", np.array([f"t{i}" for i in range(3 * transfer.CHUNK_ROWS)], dtype=object), 1)
    data = b"".join(transfer.dump_parts(answer))
    back = transfer.loads(data, lambda b: pickle.Unpickler(io.BytesIO(b)))
    assert back[1].tolist() == answer[1].tolist()


def test_the_builder_pickles_one_piece_per_step(monkeypatch: pytest.MonkeyPatch) -> None:  # issue 7
    monkeypatch.setattr(transfer, "CHUNK_ROWS", 100)
    texts = np.array([f"row {i}" for i in range(250)], dtype=object)
    builder = transfer.PartsBuilder(("ok", texts, np.arange(250.0)))
    with pytest.raises(RuntimeError):
        builder.parts()  # nothing pickled yet
    steps = 1
    while not builder.step():
        steps += 1
    assert steps == 1 + 3  # the main pickle, then three pieces of at most 100 cells
    data = b"".join(builder.parts())
    assert data == transfer.dumps(("ok", texts, np.arange(250.0)))
    back = transfer.loads(data, lambda b: pickle.Unpickler(io.BytesIO(b)))
    assert back[1].tolist() == texts.tolist()


def test_an_answer_without_long_columns_is_done_in_one_step() -> None:
    builder = transfer.PartsBuilder({"short": np.array(["a", None], dtype=object)})
    assert builder.step() and builder.done
    assert transfer.loads(b"".join(builder.parts()), lambda b: pickle.Unpickler(io.BytesIO(b)))["short"][1] is None
