"""Every state change of the mobilisation registry: typed, transactional, audited (adding-a-model.md §2).

Writes go through `danvan.core.services` (create/update/archive), which checks the actor's scope,
runs `full_clean` and stamps the history row with the actor and a reason. One module per sub-domain,
mirroring `mobilisation/models/`; the reads are in `mobilisation/queries.py`. Everything is importable
from here as before (`from danvan.mobilisation.services import record`), reads included.
"""

from danvan.mobilisation.queries import (
    MissingReview,
    closing_report_draft,
    missing_reviews,
    missing_reviews_in_scope,
    overdue_commitments,
    overdue_follow_ups,
)
from danvan.mobilisation.services.activities import (
    SESSION_COLUMNS,
    SESSION_FIELDS,
    SessionRow,
    add_briefing_task,
    add_recommendation,
    record_propaganda_sessions,
    row_error,
    session_column_label,
)
from danvan.mobilisation.services.base import (
    ARCHIVABLE,
    PLAIN_RECORDS,
    FollowUpItem,
    amend,
    archive_record,
    complete_commitment,
    complete_follow_up,
    record,
    restore_record,
)
from danvan.mobilisation.services.dialogues import add_commitment, add_opinion, close_dialogue, record_dialogue
from danvan.mobilisation.services.directives import file_review
from danvan.mobilisation.services.practices import (
    PRACTICE_TRANSITIONS,
    add_evidence,
    recognise,
    register_good_practice,
    replicate,
    start_building,
)

__all__ = [
    "ARCHIVABLE", "PLAIN_RECORDS", "PRACTICE_TRANSITIONS", "SESSION_COLUMNS", "SESSION_FIELDS", "FollowUpItem",
    "MissingReview", "SessionRow", "add_briefing_task", "add_commitment", "add_evidence", "add_opinion",
    "add_recommendation", "amend", "archive_record", "close_dialogue", "closing_report_draft", "complete_commitment",
    "complete_follow_up",
    "file_review", "missing_reviews", "missing_reviews_in_scope", "overdue_commitments", "overdue_follow_ups",
    "recognise", "record", "record_dialogue", "record_propaganda_sessions", "register_good_practice", "replicate",
    "restore_record", "row_error", "session_column_label", "start_building",
]
