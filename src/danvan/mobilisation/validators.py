"""Checks on evidence attachments: size and type, by extension and by the file's first bytes.

The size limit is the project setting `DANVAN_MAX_ATTACHMENT_MB` (README, configuration).
"""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Extension → accepted leading bytes ("magic numbers"): a renamed .exe is refused.
ACCEPTED_TYPES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
}


def validate_evidence_file(upload) -> None:
    limit_mb = settings.DANVAN_MAX_ATTACHMENT_MB
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(_("Tệp lớn hơn %(mb)s MB cho phép.") % {"mb": limit_mb}, code="too_large")
    suffix = PurePath(upload.name).suffix.lower()
    if suffix not in ACCEPTED_TYPES:
        raise ValidationError(
            _("Chỉ nhận tệp PDF, ảnh JPG/PNG, Word hoặc Excel (%(types)s).")
            % {"types": ", ".join(sorted(ACCEPTED_TYPES))},
            code="bad_type",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(16)
    upload.seek(position)
    if not any(head.startswith(magic) for magic in ACCEPTED_TYPES[suffix]):
        raise ValidationError(
            _("Nội dung tệp không đúng với đuôi %(suffix)s.") % {"suffix": suffix}, code="bad_content"
        )
