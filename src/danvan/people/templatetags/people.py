"""`{% person shown %}`: a ShownIdentity the gate produced, written by `people.identity.identity_html`."""

from django import template
from django.utils.safestring import SafeString

from danvan.people.identity import ShownIdentity, identity_html

register = template.Library()


@register.simple_tag
def person(shown: ShownIdentity, brief: bool = False, contacts: bool = False) -> SafeString:
    return identity_html(shown, brief=brief, contacts=contacts)
