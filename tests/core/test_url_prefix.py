"""`core.views.url_prefix`: a row's link is the prefix reversed once plus its id, as `reverse()` writes it."""

from __future__ import annotations

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from danvan.core.views import url_prefix


@pytest.mark.parametrize("script_prefix", ["/", "/danvan/"])
@pytest.mark.parametrize(("name", "args"), [("letters:letter_detail", ()), ("reception:session_detail", ()),
                                            ("duplicates:confirm", (1_000_007,)), ("duplicates:reject", (42,))])
def test_a_row_link_is_what_reverse_writes(script_prefix, name, args):
    set_script_prefix(script_prefix)
    try:
        for pk in (1, 999, 1_000_000, 12_345_678):
            assert f"{url_prefix(name, *args)}{pk}/" == reverse(name, args=[*args, pk])
        assert url_prefix(name, *args).startswith(script_prefix)
    finally:
        clear_script_prefix()


def test_a_route_not_ending_in_an_id_fails_rather_than_giving_wrong_links():
    with pytest.raises(ValueError, match="does not end in an id"):
        url_prefix("reception:visit_create")  # buoi-tiep/<id>/luot-tiep/: the id is not last
