"""Hot-spot records made through the services, as the app makes them."""

from __future__ import annotations

import datetime as dt

from danvan.core.choices import ContentKind, Field
from danvan.hotspots import services
from danvan.hotspots.models import HotSpotField, RiskLevel
from danvan.reception import services as reception
from danvan.reception.models import Handling, SessionKind
from tests.letters.factories import receive

DAY = dt.date(2026, 3, 10)


def hotspot(actor, organisation, subject_area, *, title="Tranh chấp bồi thường dự án đường tỉnh 208",
            identified_on=DAY, field=HotSpotField.LAND_COMPENSATION):
    return services.create_hotspot(actor, organisation=organisation, title=title, subject_area=subject_area,
                                   field=field, people_involved=40, risk_level=RiskLevel.HIGH,
                                   lead_body="UBND xã Quảng Lâm", identified_on=identified_on)


def measure(actor, spot, *, decided_on=DAY, due_on=None, content="Tổ chức đối thoại với các hộ dân"):
    return services.add_measure(actor, spot, content=content, owner="UBND xã", decided_on=decided_on,
                                due_on=due_on or decided_on + dt.timedelta(days=30))


def letter(actor, organisation, *, on, matter=None, subject_area=None, signers=1, field=Field.LAND_HOUSING,
           summary="Khiếu nại việc bồi thường thu hồi đất"):
    people = [{"full_name": f"Nông Văn Ký {i}"} for i in range(signers)]
    return receive(actor, organisation, received_on=on, matter=matter, subject_area=subject_area,
                   new_petitioners=people, field=field, summary=summary)


def visit(actor, organisation, *, on, matter=None, subject_area=None, persons=1, field=Field.LAND_HOUSING):
    session = reception.open_session(actor, organisation=organisation, kind=SessionKind.REGULAR, date=on,
                                     place="Trụ sở tiếp công dân")
    reps = 0 if persons < 5 else (2 if persons <= 10 else 5)
    return reception.record_visit(actor, session, citizen=reception.CitizenDetails(full_name="Hoàng Văn Dân"),
                                  content_kind=ContentKind.COMPLAINT, field=field, summary="Bồi thường đất",
                                  handling=Handling.GUIDED, persons=persons, representatives=reps,
                                  subject_area=subject_area, matter=matter)
