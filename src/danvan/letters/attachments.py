"""Checks on an uploaded attachment: its size and its type, by extension and by its first bytes.

The extension alone can lie (a renamed executable), so the first bytes must match the signature of
the type the extension claims. Office files are either OLE2 compound files (.doc, .xls) or ZIP
packages (.docx, .xlsx) whose first entries name their part folder.
"""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"

# extension → accepted signatures of the first bytes
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "doc": (OLE2,),
    "xls": (OLE2,),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
}
ALLOWED_LABEL = "pdf, jpg, png, doc, docx, xls, xlsx"
FIELD = "attachments"


def max_bytes() -> int:
    return int(settings.DANVAN_MAX_ATTACHMENT_MB) * 1024 * 1024


def validate_attachment(upload: UploadedFile) -> None:
    """Raise a ValidationError on the `attachments` field, naming the file, if it is too big or of a wrong type."""
    name = upload.name or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in SIGNATURES:
        raise ValidationError({FIELD: _("Tệp đính kèm «%(name)s» không đúng định dạng cho phép (%(allowed)s).")
                               % {"name": name, "allowed": ALLOWED_LABEL}})
    if upload.size > max_bytes():
        raise ValidationError({FIELD: _("Tệp đính kèm «%(name)s» vượt quá dung lượng cho phép %(mb)s MB.")
                               % {"name": name, "mb": settings.DANVAN_MAX_ATTACHMENT_MB}})
    if upload.size == 0:
        raise ValidationError({FIELD: _("Tệp đính kèm «%(name)s» rỗng.") % {"name": name}})
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES[extension]):
        raise ValidationError({FIELD: _("Nội dung tệp đính kèm «%(name)s» không khớp với định dạng .%(ext)s.")
                               % {"name": name, "ext": extension}})
    if extension in ("docx", "xlsx"):
        part = b"word/" if extension == "docx" else b"xl/"
        if part not in head and b"[Content_Types].xml" not in head:
            raise ValidationError({FIELD: _("Nội dung tệp đính kèm «%(name)s» không khớp với định dạng .%(ext)s.")
                                   % {"name": name, "ext": extension}})
