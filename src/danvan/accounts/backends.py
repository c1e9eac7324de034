"""The sign-in backend: Django's, with the user's organisation and its area read with the user.

Every page needs both: `restrict()` reads the user's area path (`User.scope_path`) and the top bar names the
organisation. Read with the user, a request asks the database once for them instead of three times.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ScopedModelBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = model._default_manager.select_related("organisation__area").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
