"""The two trees reports roll up over: areas (province → commune → village) and organisations.

Areas carry GSO codes, validity dates and lineage, so that the July 2025 mergers (Nghị quyết
202/2025/QH15: 34 provinces; 3,321 communes, wards and special zones; no districts) and later ones
are recorded, and a current unit can be compared with what its predecessors had (domain.md §Units).

Subtree queries use a materialised `path` ("0000001/0000042/"): one indexed prefix match on SQLite
and PostgreSQL alike. A unit retired by a merger stays in the tree under its successor's parent, so
its old records remain inside the scope of the officials who now hold its territory (ADR 0002).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import CatalogueQuerySet, LabelledModel
from danvan.core.text import fold


class AreaLevel(models.IntegerChoices):
    NATION = 0, _("Toàn quốc")
    PROVINCE = 1, _("Tỉnh, thành phố")
    COMMUNE = 2, _("Xã, phường, đặc khu")
    VILLAGE = 3, _("Thôn, tổ dân phố")
    # The district level ended on 01/7/2025 (Nghị quyết 202/2025/QH15; Luật Tổ chức chính quyền địa phương
    # 2025): it exists only in the old tree. Numbered 4 because the other values are stored; `RANK` orders.
    DISTRICT = 4, _("Quận, huyện, thị xã, thành phố thuộc tỉnh (trước 01/7/2025)")


# Top-down order of the levels (the stored values are not: DISTRICT came last).
LEVEL_RANK = {AreaLevel.NATION: 0, AreaLevel.PROVINCE: 1, AreaLevel.DISTRICT: 2, AreaLevel.COMMUNE: 3,
              AreaLevel.VILLAGE: 4}


class AreaQuerySet(models.QuerySet):
    def current(self, on: dt.date | None = None) -> AreaQuerySet:
        on = on or dt.date.today()
        return self.filter(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=on)).filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=on)
        )

    def subtree(self, area: Area) -> AreaQuerySet:
        return self.filter(path__startswith=area.path)

    def search(self, query: str) -> AreaQuerySet:
        """Name search with or without diacritics: "quynh vinh" finds "Quỳnh Vinh"."""
        folded = fold(query)
        return self.filter(search_name__contains=folded) if folded else self

    def restrict(self, user, action: str = "view") -> AreaQuerySet:
        """Areas in the user's subtree; the same rule as `ScopedQuerySet.restrict`."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if action == "change" and not user.can_administer:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(path__startswith=user.scope_path) if user.scope_path else self.none()


class Area(LabelledModel):
    level = models.PositiveSmallIntegerField(_("Cấp"), choices=AreaLevel.choices)
    code = models.CharField(_("Mã"), max_length=20, help_text=_("Mã đơn vị hành chính của Tổng cục Thống kê"))
    name = models.CharField(_("Tên"), max_length=200)
    division_type = models.CharField(_("Loại"), max_length=40, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("Thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    search_name = models.CharField(max_length=200, db_index=True, editable=False, default="")
    valid_from = models.DateField(_("Hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("Hiệu lực đến"), null=True, blank=True)
    latitude = models.DecimalField(_("Vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("Kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    remote = models.BooleanField(
        _("Vùng sâu, vùng xa, đi lại khó khăn"),
        default=False,
        help_text=_("Kéo dài thời hạn giải quyết khiếu nại (Luật Khiếu nại 2011 Điều 28, 37)."),
    )
    remote_basis = models.CharField(
        _("Căn cứ xác định vùng sâu, vùng xa"), max_length=300, blank=True,
        help_text=_("Văn bản xác định xã thuộc vùng sâu, vùng xa, ví dụ quyết định của Thủ tướng Chính phủ về danh "
                    "sách xã đặc biệt khó khăn."),
    )

    objects = AreaQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Địa bàn")
        verbose_name_plural = _("Địa bàn")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["level", "code", "valid_from"], name="area_unique_code_per_validity"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_current(self) -> bool:
        today = dt.date.today()
        return (self.valid_from is None or self.valid_from <= today) and (
            self.valid_to is None or self.valid_to >= today
        )

    def clean(self) -> None:
        if self.parent_id:
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk and self.pk is not None:
                    raise ValidationError({"parent": _("Một địa bàn không thể thuộc chính nó.")})
                ancestor = ancestor.parent
            if LEVEL_RANK[self.parent.level] >= LEVEL_RANK[self.level] and self.valid_to is None:
                raise ValidationError({"parent": _("Địa bàn cấp trên phải ở cấp cao hơn.")})
        elif self.level != AreaLevel.NATION and self.valid_to is None:
            raise ValidationError({"parent": _("Địa bàn phải thuộc một địa bàn cấp trên.")})
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")})

    def compute_path(self) -> str:
        prefix = self.parent.path if self.parent_id else ""
        return f"{prefix}{self.pk:07d}/"

    def save(self, *args, **kwargs) -> None:
        self.search_name = fold(self.name)
        if self.pk is None:
            super().save(*args, **kwargs)
            kwargs.pop("force_insert", None)
            self.path = self.compute_path()
            type(self).objects.filter(pk=self.pk).update(path=self.path)
            return
        new_path = self.compute_path()
        if self.path and new_path != self.path:
            # Re-parenting moves the whole subtree.
            old = self.path
            for child in type(self).objects.filter(path__startswith=old).exclude(pk=self.pk):
                type(self).objects.filter(pk=child.pk).update(path=new_path + child.path[len(old) :])
        self.path = new_path
        super().save(*args, **kwargs)

    def ancestors(self) -> list[Area]:
        """The units from the country down to this one. Read once per instance and path: a letter's page asks
        for them in several of its forms."""
        cached = getattr(self, "_ancestors", None)
        if cached is not None and cached[0] == self.path:
            return list(cached[1])
        ids = [int(part) for part in self.path.strip("/").split("/") if part]
        by_id = {a.pk: a for a in Area.objects.filter(pk__in=ids)}
        found = [by_id[i] for i in ids if i in by_id]
        self._ancestors = (self.path, found)
        return list(found)

    def predecessors_on(self, on: dt.date) -> list[Area]:
        """The units whose territory this unit held on `on`, following lineage back through mergers.

        A unit valid on `on` stands for itself; otherwise its predecessors are followed, recursively,
        so that "the same period last year" of a ward created in July 2025 sums the old communes.
        """
        if (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or self.valid_to >= on):
            return [self]
        result: list[Area] = []
        for link in self.predecessor_links.select_related("predecessor"):
            if not link.weight:
                continue  # a divided unit whose figures another successor carries
            for area in link.predecessor.predecessors_on(on):
                if area not in result:
                    result.append(area)
        return result


class AreaLineage(LabelledModel):
    """A predecessor → successor link: a merger, a split, a rename (e.g. Nghị quyết 202/2025/QH15)."""

    predecessor = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="successor_links")
    successor = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="predecessor_links")
    effective = models.DateField(_("Ngày hiệu lực"))
    legal_basis = models.CharField(_("Căn cứ"), max_length=200, blank=True)
    # A unit divided among several successors (a commune split between two new communes): which part of
    # its figures each successor carries for "so với cùng kỳ". Empty: the default successor (`is_default`)
    # carries all of it, the others nothing; an administrator may set the real shares.
    share = models.DecimalField(
        _("Tỷ lệ (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        help_text=_("Phần số liệu của đơn vị cũ tính cho đơn vị mới khi đơn vị cũ được chia cho nhiều đơn vị."),
    )
    is_default = models.BooleanField(
        _("Đơn vị kế thừa mặc định"), default=True,
        help_text=_("Khi đơn vị cũ được chia: đơn vị mới nhận địa chỉ cũ và số liệu nếu chưa nhập tỷ lệ."),
    )

    # Lineage is national reference data: everyone reads it, administrators record mergers.
    objects = CatalogueQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Sắp xếp đơn vị")
        verbose_name_plural = _("Sắp xếp đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="lineage_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective:%d/%m/%Y})"

    @property
    def weight(self) -> Decimal:
        """The fraction of the predecessor's figures this successor carries (1 for a whole merger)."""
        if self.share is not None:
            return self.share / 100
        return Decimal(1) if self.is_default else Decimal(0)

    def clean(self) -> None:
        if self.share is not None and not (0 <= self.share <= 100):
            raise ValidationError({"share": _("Tỷ lệ phải từ 0 đến 100%.")})


class OrganisationType(models.TextChoices):
    PARTY_COMMITTEE = "party", _("Cấp ủy Đảng")
    MOBILISATION_BOARD = "board", _("Ban Tuyên giáo và Dân vận")
    PEOPLES_COMMITTEE = "ubnd", _("Ủy ban nhân dân")
    FATHERLAND_FRONT = "mttq", _("Ủy ban MTTQ Việt Nam")
    SOCIO_POLITICAL = "sociopolitical", _("Tổ chức chính trị - xã hội")
    ARMED_FORCES = "army", _("Lực lượng vũ trang")
    POLICE = "police", _("Công an")
    OTHER = "other", _("Khác")


class DocumentStyle(models.TextChoices):
    STATE = "state", _("Văn bản hành chính nhà nước (NĐ 30/2020/NĐ-CP)")
    PARTY = "party", _("Văn bản của Đảng (HD 36-HD/VPTW)")


class OrganisationQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view") -> OrganisationQuerySet:
        areas = Area.objects.restrict(user, action)
        if user is not None and getattr(user, "is_superuser", False) and action == "view":
            return self
        return self.filter(area__in=areas)


class Organisation(LabelledModel):
    name = models.CharField(_("Tên cơ quan, tổ chức"), max_length=255)
    short_name = models.CharField(
        _("Tên viết tắt"), max_length=40, blank=True, help_text=_("Dùng trong số văn bản, ví dụ BDVTU, UBND.")
    )
    type = models.CharField(_("Loại"), max_length=20, choices=OrganisationType.choices)
    area = models.ForeignKey(Area, verbose_name=_("Địa bàn"), on_delete=models.PROTECT, related_name="organisations")
    superior = models.ForeignKey(
        "self", verbose_name=_("Cơ quan cấp trên"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    document_style = models.CharField(
        _("Thể thức văn bản"), max_length=10, choices=DocumentStyle.choices, default=DocumentStyle.STATE
    )
    search_name = models.CharField(max_length=255, db_index=True, editable=False, default="")
    active = models.BooleanField(_("Đang hoạt động"), default=True)

    objects = OrganisationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Cơ quan, tổ chức")
        verbose_name_plural = _("Cơ quan, tổ chức")
        ordering = ["area__path", "type", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)
