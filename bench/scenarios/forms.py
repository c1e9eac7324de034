"""Intake forms as a province officer opens them (issue 16): their weight in bytes and their time. The searchable
pickers (ADR 0020) keep the bodies, communes and matters out of the page; the letter form must stay under
150 KB and 300 ms at province scale."""

from __future__ import annotations

from bench.scenarios import scenario

# Above this the scenario fails (an error row in the table): the page weight is the point of the pickers.
INTAKE_MAX_BYTES = 150_000


def _weighed(ctx, url: str) -> int:
    size = ctx.get(url)
    if size >= INTAKE_MAX_BYTES:
        raise AssertionError(f"{url}: {size:,} byte ≥ {INTAKE_MAX_BYTES:,}".replace(",", "."))
    return size


@scenario("page: biểu mẫu tiếp nhận đơn", requires=("danvan.core.pickers",))
def _(ctx):
    return _weighed(ctx, "/don-thu/tiep-nhan/")


@scenario("page: mở buổi tiếp công dân", requires=("danvan.core.pickers",))
def _(ctx):
    return _weighed(ctx, "/tiep-cong-dan/buoi-tiep/moi/")


@scenario("page: tìm cơ quan trong bộ chọn", requires=("danvan.core.pickers",))
def _(ctx):
    return ctx.get("/don-vi/chon/co-quan/?q=uy+ban")


@scenario("page: tìm vụ việc trong bộ chọn", requires=("danvan.core.pickers",))
def _(ctx):
    return ctx.get("/vu-viec/chon/?q=dat")
