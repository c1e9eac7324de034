from typing import Any

from django import template

from danvan.core import formatting, renderers

register = template.Library()


@register.filter
def field_block(field: Any) -> str:
    """`{{ form.x|field_block }}`: the field in its `<div class="field">` (`core.renderers.field_block`)."""
    return renderers.field_block(field)


@register.filter
def vn_number(value: Any, decimals: int | str = 0) -> str:
    return formatting.vn_number(value, int(decimals))


@register.filter
def vn_date(value: Any) -> str:
    return formatting.vn_date(value)


@register.simple_tag
def vn_percent(numerator: Any, denominator: Any, decimals: int | str = 1) -> str:
    return formatting.vn_percent(numerator, denominator, int(decimals))
