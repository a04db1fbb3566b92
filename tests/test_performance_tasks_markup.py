"""The year page's cards and year links built in Python are the markup the templates made."""

from datetime import date
from decimal import Decimal

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation

from jiulongpo.publishing import PublicationState
from livelihood.task_pages import url_format, year_page
from livelihood.templatetags.task_list_tags import task_cards, year_nav_items
from tests.factories_editorial import DepartmentFactory
from tests.factories_livelihood import TaskFactory, TaskListFactory, TaskUpdateFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "en"]

# The year page's cards and year links as templates/livelihood/tasklist_detail.html wrote them.
CARD_LOOP = '{% for task in tasks %}{% include "includes/task_card.html" %}{% endfor %}'
YEAR_LOOP = (
    "{% for year in years %}<li>{% if year == current %}"
    '<strong aria-current="page">{{ year }}</strong>{% else %}'
    "<a href=\"{% url 'livelihood:year' year %}\">{{ year }}</a>{% endif %}</li>{% endfor %}"
)


@pytest.fixture
def tasks():
    """Cards of every shape: counted, hedged, in words, without status, escaped, in English."""
    department = DepartmentFactory(name="区卫生健康委")
    TaskFactory(
        number=1,
        title="新增学位",
        title_en="New school places",
        status="in_progress",
        department=department,
        summary="新建和改扩建学校。",
        target_value=Decimal("10000"),
        target_qualifier="plus",
        achieved_value=Decimal("6000"),
        unit="个",
    )
    TaskFactory(number=2, title="示范街开街 <b>&</b>", target_text="示范街开街", status="")
    TaskFactory(
        number=3,
        title="Street lights",
        status="completed",
        target_value=Decimal("2.5"),
        unit="公里",
    )
    with_updates = TaskFactory(number=4, status="delayed", summary="Summary <i>in English</i>")
    TaskUpdateFactory(task=with_updates, percent=35, date=date(2022, 4, 1))
    TaskUpdateFactory(task=with_updates, percent=None, date=date(2022, 5, 1))
    TaskUpdateFactory(
        task=with_updates,
        percent=80,
        date=date(2022, 6, 1),
        publication_state=PublicationState.DRAFT,
    )
    TaskFactory(number=5, target_value=Decimal("0"), achieved_value=Decimal("0"), unit="所")
    task_list, _years = year_page(2022)
    return task_list.published_tasks


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_task_cards_are_the_markup_the_include_loop_made(language, tasks):
    loop = engines["django"].from_string(CARD_LOOP)
    with translation.override(language):
        expected = loop.render({"tasks": tasks})
        built = task_cards(tasks, url_format("livelihood:task", "year", "number"))
    assert built == expected
    assert built.count('<article class="card task-card">') == 5


def test_the_task_cards_read_nothing_more_from_the_database(tasks, django_assert_num_queries):
    task_url = url_format("livelihood:task", "year", "number")
    with django_assert_num_queries(0):
        task_cards(tasks, task_url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_year_links_are_the_markup_the_template_loop_made(language):
    years = [2024, 2023, 2022]
    loop = engines["django"].from_string(YEAR_LOOP)
    with translation.override(language):
        expected = loop.render({"years": years, "current": 2023})
        links = [(year, url_format("livelihood:year", "year").format(year=year)) for year in years]
        assert year_nav_items(links, 2023) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_url_pattern_gives_the_urls_reverse_gives(language):
    with translation.override(language):
        pattern = url_format("livelihood:task", "year", "number")
        assert pattern.format(year=2022, number=7) == reverse(
            "livelihood:task", kwargs={"year": 2022, "number": 7}
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_year_page_is_the_page_the_templates_made(client, language, tasks):
    """The whole section, as the page shows it, against the loops it replaced."""
    TaskListFactory(year=2021)
    prefix = "" if language == "zh-hans" else "/en"
    html = client.get(f"{prefix}/livelihood/2022/").content.decode()
    with translation.override(language):
        cards = engines["django"].from_string(CARD_LOOP).render({"tasks": tasks[:1]})
        years = (
            engines["django"]
            .from_string(YEAR_LOOP)
            .render({"years": [2022, 2021], "current": 2022})
        )
    assert cards in html and f"<ul>{years}</ul>" in html
