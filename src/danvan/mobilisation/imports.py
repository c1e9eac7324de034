"""Excel bulk entry of propaganda sessions: a template with Vietnamese headers, and a reader that
turns each sheet row into a `SessionRow` or a row-level error ("Dòng 7, cột Ngày: ...").

Reading never saves: `services.record_propaganda_sessions` saves all rows or none.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from danvan.core.forms import INT_MAX, ascii_int
from danvan.core.text import fold, normalize
from danvan.mobilisation.choices import SessionKind
from danvan.mobilisation.services import SESSION_COLUMNS, SessionRow, row_error

MAX_ROWS = 2000  # a commune's quarter is dozens of rows; this only guards against a wrong file


def _kind_by_label() -> dict[str, str]:
    labels = {fold(str(label)): value for value, label in SessionKind.choices}
    labels.update({fold(value): value for value in SessionKind.values})
    return labels


def build_template() -> bytes:
    """The .xlsx officers fill in: one header row, a drop-down for the kind, and a sheet of guidance."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Buổi tuyên truyền")
    sheet.append([str(label) for _field, label in SESSION_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDE", (14, 30, 50, 30, 14), strict=True):
        sheet.column_dimensions[column].width = width
    labels = ",".join(str(label).replace(",", "") for _value, label in SessionKind.choices)
    validation = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=False)
    sheet.add_data_validation(validation)
    validation.add(f"B2:B{MAX_ROWS + 1}")
    guide = book.create_sheet(_("Hướng dẫn"))
    for line in (
        _("Mỗi dòng là một buổi tuyên truyền, phổ biến pháp luật; dòng 1 là tiêu đề, giữ nguyên."),
        _("Ngày: dạng dd/mm/yyyy, ví dụ 15/07/2026."),
        _("Hình thức: %(kinds)s.") % {"kinds": "; ".join(str(label) for _v, label in SessionKind.choices)},
        _("Số người dự: số nguyên dương."),
        _("Nếu có một dòng sai, không dòng nào được lưu; sửa theo thông báo rồi tải lên lại."),
    ):
        guide.append([line])
    guide.column_dimensions["A"].width = 100
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _parse_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = normalize(str(value))
    for fmt in ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _parse_count(value) -> int:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    number = ascii_int(normalize(str(value)).replace(".", ""), 0, INT_MAX)  # "1.538": a Vietnamese count
    if number is None:
        raise ValueError(value)
    return number


def read_sessions_workbook(upload) -> list[SessionRow]:
    """Parse the first sheet; raise one ValidationError listing every bad row and column."""
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError(_("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")) from exc
    sheet = book.worksheets[0]
    fields = [field for field, _label in SESSION_COLUMNS]
    kinds = _kind_by_label()
    header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    expected = [fold(str(label)) for _field, label in SESSION_COLUMNS]
    if [fold(str(cell or "")) for cell in header[: len(expected)]] != expected:
        raise ValidationError(
            _("Dòng 1 phải là tiêu đề của mẫu: %(headers)s.")
            % {"headers": ", ".join(str(label) for _f, label in SESSION_COLUMNS)}
        )
    rows: list[SessionRow] = []
    errors: list[str] = []
    for line, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = dict(zip(fields, list(values) + [None] * len(fields), strict=False))
        if all(cell is None or not str(cell).strip() for cell in cells.values()):
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(_("Tệp có quá %(n)s dòng.") % {"n": MAX_ROWS})
        held_on = attendees = None
        kind = ""
        if cells["held_on"] is None or not str(cells["held_on"]).strip():
            errors.append(row_error(line, "held_on", _("Chưa ghi ngày.")))
        else:
            try:
                held_on = _parse_date(cells["held_on"])
            except ValueError:
                errors.append(
                    row_error(
                        line,
                        "held_on",
                        _("“%(value)s” không phải ngày dạng dd/mm/yyyy.") % {"value": cells["held_on"]},
                    )
                )
        raw_kind = fold(str(cells["kind"] or ""))
        if raw_kind in kinds:
            kind = kinds[raw_kind]
        else:
            errors.append(
                row_error(
                    line,
                    "kind",
                    _("Chọn một trong: %(kinds)s.")
                    % {"kinds": "; ".join(str(label) for _v, label in SessionKind.choices)},
                )
            )
        if cells["attendees"] is None or not str(cells["attendees"]).strip():
            errors.append(row_error(line, "attendees", _("Chưa ghi số người dự.")))
        else:
            try:
                attendees = _parse_count(cells["attendees"])
            except ValueError:
                errors.append(
                    row_error(
                        line,
                        "attendees",
                        _("“%(value)s” không phải số nguyên.") % {"value": cells["attendees"]},
                    )
                )
        rows.append(
            SessionRow(
                line=line,
                held_on=held_on,
                kind=kind,
                topic=normalize(str(cells["topic"] or "")),
                place=normalize(str(cells["place"] or "")),
                attendees=attendees,
            )
        )
    book.close()
    if errors:
        raise ValidationError(errors)
    if not rows:
        raise ValidationError(_("Tệp không có dòng dữ liệu nào."))
    return rows
