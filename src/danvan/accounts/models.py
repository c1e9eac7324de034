"""Accounts: every user belongs to one organisation and holds one role (ADR 0004).

- viewer: reads the records of their area's subtree;
- officer: also records data;
- head: also approves, and may see the identities of denouncers (Luật Tố cáo 2018 Điều 47);
- administrator: manages units, accounts and the holiday calendar of their subtree, and records data.
  An administrator is an IT role and does not see confidential identities.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.models import LabelledModel


class Role(models.TextChoices):
    VIEWER = "viewer", _("Xem")
    OFFICER = "officer", _("Cán bộ nhập liệu")
    HEAD = "head", _("Lãnh đạo")
    ADMINISTRATOR = "admin", _("Quản trị")


class UserQuerySet(models.QuerySet):
    def restrict(self, user: User | None, action: str = "view") -> UserQuerySet:
        """Accounts of the bodies in `user`'s subtree (the same rule as records); changed by administrators
        only. A user always sees their own account."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if action == "change" and not user.can_administer:
            return self.none()
        if user.is_superuser:
            return self
        scope_path = user.scope_path
        if not scope_path:
            return self.filter(pk=user.pk)
        return self.filter(models.Q(organisation__area__path__startswith=scope_path) | models.Q(pk=user.pk))


class ScopedUserManager(UserManager.from_queryset(UserQuerySet)):
    """Django's user manager (create_user, …) with `restrict()`."""


class User(LabelledModel, AbstractUser):
    organisation = models.ForeignKey(
        "units.Organisation",
        verbose_name=_("Cơ quan, tổ chức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    role = models.CharField(_("Vai trò"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    position = models.CharField(_("Chức vụ"), max_length=120, blank=True)

    objects = ScopedUserManager()
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("Tài khoản")
        verbose_name_plural = _("Tài khoản")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def scope_path(self) -> str:
        """The path prefix of the area subtree this user may see; "" for a user with no organisation."""
        if self.organisation_id is None:
            return ""
        return self.organisation.area.path

    @property
    def can_record(self) -> bool:
        return self.is_superuser or self.role in (Role.OFFICER, Role.HEAD, Role.ADMINISTRATOR)

    @property
    def can_approve(self) -> bool:
        return self.is_superuser or self.role == Role.HEAD

    @property
    def can_see_identities(self) -> bool:
        """Heads only (Luật Tố cáo 2018 Điều 47); a letter's assigned handler is checked by the letter."""
        return self.role == Role.HEAD

    @property
    def can_administer(self) -> bool:
        return self.is_superuser or self.role == Role.ADMINISTRATOR
