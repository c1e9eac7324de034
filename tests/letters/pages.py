"""Reading the letter page as an officer does: a closed action's form is made when it is opened."""

from __future__ import annotations

from django.urls import reverse


def opened_form(client, letter, action: str) -> str:
    """The form of `action` as the page's htmx puts it in place when the officer opens it."""
    response = client.get(reverse("letters:letter_action", args=[letter.pk, action]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200, response.status_code
    return response.content.decode()
