"""A year's task list built in Python: its cards (includes/task_card.html, as the template
writes it) and its links to the other years.

Through the template engine a card (an include, a nested include for the progress bar and a
dozen lookups, filters and translations) cost about 0.25 ms, so a year's cards took most of
the page's time; here they take a sixth of that. tests/test_performance_tasks_markup.py
compares both for the same tasks in both languages.
"""

from django import template
from django.utils.translation import gettext as _

from jiulongpo.markup import format_html, format_html_join
from jiulongpo.templatetags.content_lang import zh
from jiulongpo.templatetags.site_tags import progress_bar

register = template.Library()

CARD = """<article class="card task-card">
  <h4><a href="{}">{}</a></h4>
  <p class="meta">
    <span class="status status-{}">{}</span>
    {}
  </p>
  {}
  <dl class="target">
    <dt>{}</dt><dd>{}</dd>
    {}
  </dl>
  {}
  {}
</article>
"""


@register.simple_tag
def task_cards(tasks, task_url):
    """{% for task in tasks %}{% include "includes/task_card.html" %}{% endfor %}, with
    task_url the tasks' URL pattern (jiulongpo.mapdata.url_format)."""
    target, achieved = _("目标"), _("已完成")
    no_status, not_announced = _("状态未公布"), _("未公布")

    def fields(task):
        department = task.department
        progress_text = task.progress_text
        return (
            task_url.format(year=task.task_list.year, number=task.number),
            zh(task.display_title),
            task.status or "unknown",
            task.get_status_display() or no_status,
            format_html("<span>{}</span>", department.name) if department else "",
            format_html("<p>{}</p>", zh(task.summary)) if task.summary else "",
            target,
            task.target_display or not_announced,
            format_html("<dt>{}</dt><dd>{}</dd>", achieved, task.achieved_display)
            if task.achieved_value is not None
            else "",
            format_html('<p class="progress-text">{}</p>', progress_text) if progress_text else "",
            progress_bar(task.progress),
        )

    return format_html_join("", CARD, map(fields, tasks))


@register.simple_tag
def year_nav_items(year_links, current):
    """The <li> of each year, its link or, for the year shown, the year in bold."""
    return format_html_join(
        "",
        "<li>{}</li>",
        (
            (
                format_html('<strong aria-current="page">{}</strong>', year)
                if year == current
                else format_html('<a href="{}">{}</a>', url, year),
            )
            for year, url in year_links
        ),
    )
