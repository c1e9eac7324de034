"""List pages with filters, rendered by the real views through Django's test Client as a province
officer; baseline: the plain SQL that fetches the same page of rows (50, newest first) in the scope."""

from __future__ import annotations

from bench.scenarios import scenario

LETTERS = ("danvan.letters.views",)
RECEPTION = ("danvan.reception.views",)
MOBILISATION = ("danvan.mobilisation.views",)


def _letters_sql(ctx, where: str = "", params=()):
    return ctx.sql(
        "SELECT l.id, l.received_on, l.summary, l.status, l.due_on, o.name FROM letters_letter l "
        "JOIN units_area a ON a.id = l.area_id JOIN units_organisation o ON o.id = l.organisation_id "
        f"WHERE l.archived_at IS NULL AND a.path LIKE %s {where} ORDER BY l.received_on DESC, l.id DESC LIMIT 50",
        [ctx.root.path + "%", *params],
    )


@scenario("page: danh sách đơn", requires=LETTERS, baseline=lambda ctx: _letters_sql(ctx),
          baseline_name="SQL trang 50 đơn")
def _(ctx):
    return ctx.get("/don-thu/")


@scenario("page: đơn lọc khiếu nại, đất đai", requires=LETTERS,
          baseline=lambda ctx: _letters_sql(ctx, "AND l.content_kind = %s AND l.field = %s", ("complaint", "land")),
          baseline_name="SQL trang 50 đơn lọc")
def _(ctx):
    return ctx.get("/don-thu/?content_kind=complaint&field=land")


@scenario("page: đơn quá hạn", requires=LETTERS,
          baseline=lambda ctx: _letters_sql(ctx, "AND l.due_on < %s", (ctx.today,)),
          baseline_name="SQL trang 50 đơn quá hạn")
def _(ctx):
    return ctx.get("/don-thu/?deadline=overdue")


# The search compares the folded summary (no diacritics, lower case: letters.Letter.search_text), so its
# baseline reads the same column; typed with or without diacritics the query finds the same letters.
@scenario("page: tìm đơn theo từ khóa", requires=LETTERS,
          baseline=lambda ctx: _letters_sql(ctx, "AND l.search_text LIKE %s", ("%boi thuong%",)),
          baseline_name="SQL LIKE trên tóm tắt không dấu")
def _(ctx):
    return ctx.get("/don-thu/?q=b%E1%BB%93i+th%C6%B0%E1%BB%9Dng")


@scenario("page: tìm đơn theo từ khóa không dấu", requires=LETTERS,
          baseline=lambda ctx: _letters_sql(ctx, "AND l.search_text LIKE %s", ("%boi thuong%",)),
          baseline_name="SQL LIKE trên tóm tắt không dấu")
def _(ctx):
    return ctx.get("/don-thu/?q=boi+thuong")


# A surname two citizens in five bear: the letters signed by one of them are many. Matched by a set
# (`pk IN (…)`) it outgrew PostgreSQL's work_mem and the plan re-ran it for every letter (36 s a page at
# national scale); by EXISTS per letter, 0,5 s.
@scenario("page: tìm đơn theo họ phổ biến (Nguyễn)", requires=LETTERS,
          baseline=lambda ctx: _letters_sql(ctx, "AND l.search_text LIKE %s", ("%nguyen%",)),
          baseline_name="SQL LIKE trên tóm tắt không dấu")
def _(ctx):
    return ctx.get("/don-thu/?q=Nguy%E1%BB%85n")


def _sessions_sql(ctx):
    return ctx.sql(
        "SELECT s.id, s.date, s.kind, s.place FROM reception_receptionsession s JOIN units_area a ON a.id = s.area_id "
        "WHERE s.archived_at IS NULL AND a.path LIKE %s ORDER BY s.date DESC, s.id DESC LIMIT 50",
        [ctx.root.path + "%"],
    )


@scenario("page: danh sách buổi tiếp công dân", requires=RECEPTION, baseline=_sessions_sql,
          baseline_name="SQL trang 50 buổi tiếp")
def _(ctx):
    return ctx.get("/tiep-cong-dan/")


@scenario("page: sổ tiếp công dân", requires=RECEPTION,
          baseline=lambda ctx: ctx.sql(
              "SELECT v.id, s.date, v.summary FROM reception_visit v JOIN reception_receptionsession s ON s.id = "
              "v.session_id JOIN units_area a ON a.id = v.area_id WHERE v.archived_at IS NULL AND a.path LIKE %s "
              "ORDER BY s.date DESC, v.id DESC LIMIT 50", [ctx.root.path + "%"]),
          baseline_name="SQL trang 50 lượt tiếp")
def _(ctx):
    return ctx.get("/tiep-cong-dan/so-tiep-cong-dan/")


@scenario("page: danh sách đối thoại", requires=MOBILISATION,
          baseline=lambda ctx: ctx.sql(
              "SELECT d.id, d.held_on, d.topic FROM mobilisation_dialogue d JOIN units_area a ON a.id = d.area_id "
              "WHERE d.archived_at IS NULL AND a.path LIKE %s ORDER BY d.held_on DESC, d.id DESC LIMIT 50",
              [ctx.root.path + "%"]),
          baseline_name="SQL trang 50 đối thoại")
def _(ctx):
    return ctx.get("/dan-van/doi-thoai/")


@scenario("page: mô hình Dân vận khéo", requires=MOBILISATION,
          baseline=lambda ctx: ctx.sql(
              "SELECT p.id, p.registered_on, p.name FROM mobilisation_goodpractice p JOIN units_area a ON "
              "a.id = p.area_id WHERE p.archived_at IS NULL AND a.path LIKE %s "
              "ORDER BY p.registered_on DESC, p.id DESC "
              "LIMIT 50", [ctx.root.path + "%"]),
          baseline_name="SQL trang 50 mô hình")
def _(ctx):
    return ctx.get("/dan-van/dan-van-kheo/")


# ------------------------------------------------------------------------ page weight of a national user's lists
# A national user's scope holds 10.101 bodies: a filter listing them all made each list weigh 663 KB (issue 16).
# The filters are searchable pickers (ADR 0020); above this weight the scenario fails (an error row in the table).
LIST_MAX_BYTES = 150_000


def _national_client(ctx):
    """A client of a national head (the central mobilisation board; a superuser without a body if the data has
    none), made once per run."""
    client = getattr(ctx, "national_client", None)
    if client is not None:
        return client
    from django.test import Client

    from danvan.accounts.models import Role, User
    from danvan.units.models import AreaLevel, Organisation, OrganisationType

    board = Organisation.objects.filter(type=OrganisationType.MOBILISATION_BOARD, area__level=AreaLevel.NATION,
                                        active=True).order_by("pk").first()
    user = User.objects.filter(username="bench-national").first()
    if user is None:
        user = User(username="bench-national", organisation=board, role=Role.HEAD, is_superuser=board is None)
        user.set_unusable_password()
        user._change_reason = "bench"
        user.save()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend="danvan.accounts.backends.ScopedModelBackend")
    ctx.national_client = client
    return client


def _weighed_national(ctx, url: str) -> int:
    response = _national_client(ctx).get(url)
    if response.status_code != 200:
        raise AssertionError(f"GET {url} -> {response.status_code}")
    size = len(response.content)
    if size >= LIST_MAX_BYTES:
        raise AssertionError(f"{url}: {size:,} byte ≥ {LIST_MAX_BYTES:,}".replace(",", "."))
    return size


@scenario("page: danh sách đối thoại, toàn quốc", requires=MOBILISATION + ("danvan.core.pickers",))
def _(ctx):
    return _weighed_national(ctx, "/dan-van/doi-thoai/")


@scenario("page: mô hình Dân vận khéo, toàn quốc", requires=MOBILISATION + ("danvan.core.pickers",))
def _(ctx):
    return _weighed_national(ctx, "/dan-van/dan-van-kheo/")


@scenario("page: danh sách đơn, toàn quốc", requires=LETTERS + ("danvan.core.pickers",))
def _(ctx):
    return _weighed_national(ctx, "/don-thu/")
