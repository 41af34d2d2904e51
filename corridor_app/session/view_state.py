"""View state with one owner: what the analyst is looking at, announced when it changes.

The window's widgets never hold the only copy of the current corridor, display
currency or scenario, and never read it back from another widget: they set it
here and follow it from here (napari's evented ``ViewerModel``, glue's state
objects). ``batch`` groups changes so a subscriber hears each field once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar, cast, overload

from corridor_app.model.money import Display
from corridor_app.model.pacing import DEFAULT_START_YEAR
from corridor_app.model.reconcile import DEFAULT_TOLERANCE_PCT

T = TypeVar("T")
Listener = Callable[[Any], None]


class Field(Generic[T]):
    """An announced attribute of ``ViewState`` with a default."""

    def __init__(self, default: T) -> None:
        self.default = default
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> Field[T]: ...
    @overload
    def __get__(self, obj: ViewState, owner: type) -> T: ...
    def __get__(self, obj: ViewState | None, owner: type) -> T | Field[T]:
        if obj is None:
            return self
        return cast(T, obj._values.get(self.name, self.default))

    def __set__(self, obj: ViewState, value: T) -> None:
        obj._set(self.name, value)


class ViewState:
    """Corridor, display currency, selected scenario, tolerance, pacing start year, the tornado's ranges."""

    corridor: Field[str] = Field("")
    display: Field[Display] = Field(Display.parse("USD bn"))
    scenario: Field[str] = Field("")  # the scenario selected for the charts ("" when none)
    tolerance: Field[float] = Field(DEFAULT_TOLERANCE_PCT)
    pacing_start_year: Field[int] = Field(DEFAULT_START_YEAR)
    tornado_own_ranges: Field[bool] = Field(False)  # each country to its own low/high, not ±N % (issue 18)

    def __init__(self) -> None:
        self._values: dict[str, object] = {}
        self._listeners: dict[str, list[Listener]] = {}
        self._batch_depth = 0
        self._pending: dict[str, object] = {}

    @classmethod
    def fields(cls) -> tuple[str, ...]:
        return tuple(name for name, value in vars(cls).items() if isinstance(value, Field))

    def subscribe(self, name: str, listener: Listener) -> None:
        """Call ``listener(new_value)`` whenever ``name`` changes."""
        if name not in self.fields():
            raise AttributeError(f"no view state named {name!r}")
        self._listeners.setdefault(name, []).append(listener)

    def unsubscribe(self, name: str, listener: Listener) -> None:
        self._listeners.get(name, []).remove(listener)

    def _set(self, name: str, value: object) -> None:
        unchanged = getattr(self, name) == value
        self._values[name] = value
        if unchanged:
            return
        if self._batch_depth:
            self._pending[name] = value
            return
        self._announce(name, value)

    def _announce(self, name: str, value: object) -> None:
        for listener in list(self._listeners.get(name, [])):
            try:
                listener(value)
            except Exception:  # noqa: BLE001 - one failing view must not stop the others
                sys.excepthook(*sys.exc_info())

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Set several fields; each subscriber hears once, at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if not self._batch_depth:
                pending, self._pending = self._pending, {}
                for name, value in pending.items():
                    self._announce(name, value)
