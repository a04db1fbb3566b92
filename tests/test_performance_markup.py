"""jiulongpo.markup's format_html is Django's, faster: same escaping for every kind of value."""

from decimal import Decimal

import pytest
from django.utils import html as django_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from jiulongpo import markup

VALUES = [
    '<script>alert("x")</script>',
    "O'Brien & <b>",
    mark_safe("<em>kept</em>"),
    gettext_lazy("公园"),
    gettext_lazy("<i>lazy</i> & more"),
    42,
    -3.75,
    Decimal("12.50"),
    None,
    True,
    "",
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_each_value_is_escaped_as_django_escapes_it(value):
    template = '<td title="{}">{}</td>'
    assert markup.format_html(template, value, value) == django_html.format_html(
        template, value, value
    )


def test_the_result_is_safe_markup():
    assert isinstance(markup.format_html("<b>{}</b>", "x"), SafeString)


def test_rows_are_joined_as_django_joins_them():
    rows = [(value, index) for index, value in enumerate(VALUES)]
    expected = django_html.format_html_join("\n", "<tr><td>{}</td><td>{}</td></tr>", rows)
    assert markup.format_html_join("\n", "<tr><td>{}</td><td>{}</td></tr>", rows) == expected
