from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from danvan.core.submissions import TOKEN_FIELD, new_token

register = template.Library()


@register.simple_tag
def submission_token() -> SafeString:
    """A create form's one-time token (core.submissions): put it beside {% csrf_token %}."""
    return format_html('<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, new_token())
