from django import template

from danvan.core import formatting

register = template.Library()


@register.filter
def vn_number(value, decimals=0):
    return formatting.vn_number(value, int(decimals))


@register.filter
def vn_date(value):
    return formatting.vn_date(value)


@register.simple_tag
def vn_percent(numerator, denominator, decimals=1):
    return formatting.vn_percent(numerator, denominator, int(decimals))
