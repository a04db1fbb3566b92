from django import template

from jiulongpo.history import published_changes as build_published_changes

register = template.Library()


@register.simple_tag
def published_changes(obj):
    """{% published_changes project as changes %}: one query, however long the history."""
    return build_published_changes(obj)
