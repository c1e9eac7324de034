"""What every scenario gets: the data's province, a period, a logged-in province officer, SQL access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection


@dataclass
class Context:
    root: Any  # units.Area, the province
    start: dt.date
    end: dt.date
    today: dt.date
    user: Any
    client: Any
    data_size: dict

    def sql(self, query: str, params: list | tuple = ()) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()

    def sql_value(self, query: str, params: list | tuple = ()):
        return self.sql(query, params)[0][0]

    def get(self, url: str) -> int:
        response = self.client.get(url)
        if response.status_code != 200:
            raise AssertionError(f"GET {url} -> {response.status_code}")
        return len(response.content)


def build_context(today: dt.date | None = None) -> Context:
    from django.db.models import Count
    from django.test import Client

    from danvan.accounts.models import Role, User
    from danvan.letters.models import Letter
    from danvan.units.models import Area, Organisation, OrganisationType

    # The province holding most letters: at national scale, the busiest one.
    top = (Letter.objects.filter(area__level__in=(1, 2)).values("area__path").annotate(n=Count("pk"))
           .order_by("-n").first())
    province_path = top["area__path"].split("/")[:2] if top else None
    if province_path:
        root = Area.objects.get(path="/".join(province_path) + "/")
    else:
        root = Area.objects.get(code="04", level=1)
    board = (Organisation.objects.filter(area=root, type=OrganisationType.MOBILISATION_BOARD, active=True)
             .order_by("pk").first())
    user = User.objects.filter(username="bench-officer").first()
    if user is None:
        user = User(username="bench-officer", organisation=board, role=Role.OFFICER)
        user.set_unusable_password()
        user._change_reason = "bench"
        user.save()
    elif user.organisation_id != board.pk:
        user.organisation = board
        user._change_reason = "bench"
        user.save()
    client = Client(HTTP_HOST="127.0.0.1")  # an allowed host: outside tests "testserver" is not
    client.force_login(user, backend="danvan.accounts.backends.ScopedModelBackend")
    last = Letter.objects.order_by("-received_on").values_list("received_on", flat=True).first()
    today = today or (last or dt.date.today())
    end = dt.date(today.year - 1, 12, 31)
    start = dt.date(end.year, 1, 1)
    return Context(root=root, start=start, end=end, today=today, user=user, client=client, data_size={})
