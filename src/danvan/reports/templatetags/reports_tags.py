from django import template

register = template.Library()


@register.filter
def dictget(mapping, key):
    """`row.current|dictget:code`: a figure by indicator code."""
    return mapping.get(key) if mapping else None
