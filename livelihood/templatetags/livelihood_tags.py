from django import template
from django.utils.translation import gettext as _

from jiulongpo.mapdata import url_around
from jiulongpo.markup import format_html, format_html_join
from jiulongpo.templatetags.content_lang import zh
from livelihood import numbers
from livelihood.models import Indicator, TaskList, TaskStatus

register = template.Library()


@register.filter
def cn_number(value):
    """5059万, 1.6万, 1434: for pages."""
    return numbers.cn_number(value)


@register.filter
def full_number(value):
    """50,590,000: every digit, for tables."""
    return numbers.full_number(value)


def links_by(viewname, kwarg):
    """slug → URL of viewname from one reverse(), for lists of hundreds of links.

    Only for slug-like values (codes, slugs): they need no quoting.
    """
    head, tail = url_around(viewname, **{kwarg: "SLUG"})
    return lambda value: f"{head}{value}{tail}"


@register.simple_tag
def value_rows(values):
    """An indicator's table body, one <tr> per year (built in Python: hundreds of rows)."""
    return format_html_join(
        "",
        '\n        <tr><th scope="row">{}</th><td>{}</td><td>{}</td><td class="num">{}</td>'
        "<td>{}</td></tr>\n      ",
        (
            (
                value.year,
                value.period_note or "—",
                value.get_qualifier_display() if value.qualifier else "—",
                numbers.full_number(value.value) if value.value is not None else value.value_text,
                value.source_note or value.source or "—",
            )
            for value in values
        ),
    )


@register.simple_tag
def park_items(parks):
    """The park list's <li> rows, with map coordinates (built in Python: hundreds of rows)."""
    link = links_by("parks:detail", "slug")
    no_status, no_location = _("状态未公布"), _("暂无坐标，未在地图上显示")
    rows = []
    for park in parks:
        location = ""
        if park.has_location:
            location = format_html(' data-lat="{}" data-lng="{}"', park.latitude, park.longitude)
        meta = [park.get_status_display() or no_status]
        if park.kind:
            meta.insert(0, park.get_kind_display())
        if park.subdistrict:
            meta.append(park.subdistrict.name)
        if not park.has_location:
            meta.append(no_location)
        rows.append(
            format_html(
                '\n      <li{}>\n        <a href="{}">{}</a>\n        <span class="meta">{}</span>'
                "\n      </li>",
                location,
                link(park.slug),
                zh(park.display_name),
                " · ".join(str(part) for part in meta),
            )
        )
    return format_html_join("", "{}", ((row,) for row in rows))


@register.simple_tag
def nearby_items(nearby, walk_minutes):
    """The "near me" list's <li> rows, nearest first (built in Python, as park_items): in a
    dense part of the district every park can be within the walking circle."""
    link = links_by("parks:detail", "slug")
    badge = format_html(
        '<strong class="badge">{}</strong>',
        _("%(walk_minutes)s分钟内") % {"walk_minutes": walk_minutes},
    )
    distance = _("直线约 %(m)s 米，步行约 %(minutes)s 分钟")
    return format_html_join(
        "",
        NEARBY_ITEM,
        (
            (
                "within" if item.within_circle else "beyond",
                item.park.latitude,
                item.park.longitude,
                link(item.park.slug),
                zh(item.park.display_name),
                distance % {"m": item.metres, "minutes": item.minutes},
                badge if item.within_circle else "",
            )
            for item in nearby
        ),
    )


NEARBY_ITEM = (
    '\n    <li class="{}" data-lat="{}" data-lng="{}">\n      <a href="{}">{}</a>\n      — {}'
    "\n      {}\n    </li>\n    "
)


@register.simple_tag
def park_links(parks):
    """Links to these parks, separated by 、 (built in Python: it can name every park)."""
    link = links_by("parks:detail", "slug")
    return format_html_join(
        "、",
        '<a href="{}">{}</a>',
        ((link(park.slug), zh(park.display_name)) for park in parks),
    )


@register.inclusion_tag("livelihood/home_section.html")
def livelihood_home():
    """The home page's view of this year's tasks and the headline figures."""
    task_list = TaskList.objects.published().first()
    tasks = []
    if task_list:
        # Only titles, links and progress: no department, and the list is already at hand.
        listed = task_list.tasks.published().listed().with_progress().order_by("number")
        tasks = list(listed)
        for task in tasks:
            task.task_list = task_list
    return {
        "task_list": task_list,
        "tasks": tasks,
        "completed": sum(t.status == TaskStatus.COMPLETED for t in tasks),
        "headline_figures": Indicator.objects.headline().with_latest_published_value(),
    }
