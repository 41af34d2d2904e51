"""xlsx, xlsm, xlsb, xls and ods through python-calamine (fast, and no XML DOM).

Chart sheets are skipped; every worksheet comes back as a ``RawSheet`` whose
offsets keep real row and column numbers. Any failure of the parser, including
the Rust panics that derive from ``BaseException``, becomes a ``LoadError``.
"""

from __future__ import annotations

import itertools
from typing import cast

import python_calamine as calamine

from corridor_app.io.errors import LoadError
from corridor_app.io.loading.formats import PROTECTED, format_name, reader_detail, resave_advice
from corridor_app.io.loading.grid import RawSheet
from corridor_app.io.loading.xmlscan import MAX_BOX_CELLS


def read_spreadsheet(path: str, kind: str = "xlsx") -> list[RawSheet]:
    """Read every worksheet of a spreadsheet file of ``kind`` (the preflight's name for its format)."""
    try:
        book = calamine.CalamineWorkbook.from_path(path)
    except calamine.PasswordError:
        raise LoadError(path, PROTECTED) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - calamine panics derive from BaseException
        raise LoadError(
            path,
            f"the file is damaged or not in the {format_name(kind)} format; {resave_advice(kind)}",
            detail=reader_detail(exc),
        ) from None
    sheets = []
    for meta in book.sheets_metadata:
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue
        try:
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.height * sheet.width > MAX_BOX_CELLS:
                raise LoadError(
                    path,
                    f"the sheet spans {sheet.height:,} rows x {sheet.width:,} columns, "
                    f"more than {MAX_BOX_CELLS:,} cells",
                    sheet=meta.name,
                )
            start = sheet.start or (0, 0)
            # Row by row rather than one to_python call: a worker thread loading a million rows
            # then lets the GUI thread run between rows instead of holding the GIL for seconds.
            # iter_rows starts at row 0 (columns at the data's first), so the rows above are dropped.
            rows = list(itertools.islice(sheet.iter_rows(), start[0], None))
        except LoadError:
            raise
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001
            raise LoadError(
                path,
                f"the sheet cannot be read: it is damaged or uses something this app does not know; "
                f"{resave_advice(kind)}",
                sheet=meta.name,
                detail=reader_detail(exc),
            ) from None
        # iter_rows already gives a fresh list per row: no copy (a million rows cost 0.2 s to copy).
        cells = cast(list[list[object]], rows)
        sheets.append(RawSheet(meta.name, cells, first_row=start[0] + 1, first_col=start[1]))
    return sheets
