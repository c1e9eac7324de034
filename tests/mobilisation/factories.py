"""Records made through the services, as the app makes them (style.md, zulip)."""

from __future__ import annotations

import datetime as dt

from danvan.core.choices import Field
from danvan.mobilisation import services
from danvan.mobilisation.choices import (
    ChairRole,
    CommendationKind,
    OpinionHandling,
    PracticeField,
    PracticeHolder,
    RecipientKind,
    SessionKind,
    SupportProvider,
)
from danvan.mobilisation.models import (
    Briefing,
    Commendation,
    Directive,
    PropagandaSession,
    Supervision,
    SupportContribution,
    TrainingCourse,
)

DAY = dt.date(2025, 3, 10)


def dialogue(actor, organisation, *, held_on=DAY, participants=50, topic="Giải phóng mặt bằng đường tỉnh 208"):
    return services.record_dialogue(
        actor, organisation=organisation, held_on=held_on, topic=topic, chair_name="Nông Văn Hải",
        chair_role=ChairRole.PEOPLES_COMMITTEE_CHAIR, participants=participants,
    )


def opinion(actor, dialogue_, *, field=Field.LAND_HOUSING, handling=OpinionHandling.ANSWERED, content="Đền bù chậm"):
    return services.add_opinion(actor, dialogue_, content=content, field=field, handling=handling)


def commitment(actor, dialogue_, *, due_on=None, content="Chi trả tiền đền bù"):
    return services.add_commitment(actor, dialogue_, content=content, owner="UBND xã",
                                   due_on=due_on or dialogue_.held_on + dt.timedelta(days=30))


def practice(actor, organisation, *, field=PracticeField.ECONOMY, registered_on=DAY, name="Nuôi bò sinh sản"):
    return services.register_good_practice(
        actor, organisation=organisation, registered_on=registered_on, name=name,
        holder=PracticeHolder.COLLECTIVE, holder_name="Hội Nông dân xã", field=field, year=registered_on.year,
    )


def session(actor, organisation, *, held_on=DAY, attendees=40, kind=SessionKind.LEGAL):
    return services.record(actor, PropagandaSession, organisation=organisation, held_on=held_on, kind=kind,
                           topic="Luật Đất đai 2024", attendees=attendees)


def course(actor, organisation, *, starts_on=DAY, attendances=60):
    return services.record(actor, TrainingCourse, organisation=organisation, title="Bồi dưỡng công tác dân vận",
                           starts_on=starts_on, attendances=attendances)


def briefing(actor, organisation, *, held_on=DAY, participants=25):
    return services.record(actor, Briefing, organisation=organisation, held_on=held_on, period="Quý I/2026",
                           participants=participants, conclusions="Tập trung giải quyết kiến nghị tồn đọng")


def supervision(actor, organisation, *, held_on=DAY, supervised=None):
    return services.record(actor, Supervision, organisation=organisation, held_on=held_on, supervised=supervised,
                           supervised_name="" if supervised else "Trường Tiểu học Quảng Lâm",
                           subject="Thực hiện quy chế dân chủ ở cơ sở")


def support(actor, organisation, *, given_on=DAY, workdays=10, money_vnd=5_000_000,
            provider=SupportProvider.BORDER_GUARD):
    return services.record(actor, SupportContribution, organisation=organisation, given_on=given_on,
                           provider=provider, provider_name="Đồn Biên phòng Lý Vạn",
                           description="Làm đường giao thông nông thôn", workdays=workdays, money_vnd=money_vnd)


def commendation(actor, organisation, *, decided_on=DAY, kind=CommendationKind.MEDAL,
                 recipient_kind=RecipientKind.INDIVIDUAL, recipient_name="Hoàng Thị Mai"):
    return services.record(actor, Commendation, organisation=organisation, kind=kind, recipient_kind=recipient_kind,
                           recipient_name=recipient_name, decision_number="125-QĐ/BDVTW", decided_on=decided_on)


def directive(actor, organisation, *, issued_on=dt.date(2021, 7, 20), code="23-QĐ/TW", **extra):
    return services.record(actor, Directive, organisation=organisation, code=code,
                           title="Quy chế công tác dân vận của hệ thống chính trị", issued_on=issued_on, **extra)
