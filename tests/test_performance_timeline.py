"""The project page's timeline, built in Python, reads as the template loop it replaced."""

from datetime import date

import pytest
from django.template import engines
from django.utils import translation

from jiulongpo.publishing import PublicationState
from projects.detail import attach_timeline
from projects.templatetags.timeline import timeline_items
from tests.factories import PhotoFactory, ProgressUpdateFactory, ProjectFactory

pytestmark = pytest.mark.django_db

# The loop as templates/projects/project_detail.html rendered it before.
TIMELINE_LOOP = """{% load site_tags content_lang %}{% for update in updates %}
      <li id="update-{{ update.pk }}">
        <h3><time datetime="{{ update.date.isoformat }}">{{ update.date|date:"DATE_FORMAT" }}</time> {{ update.title|zh }}</h3>
        {% if update.percent is not None %}{% progress_bar update.percent %}{% endif %}
        {% if update.body %}<div class="prose">{{ update|body_html }}</div>{% endif %}
        {% if update.visible_photos %}<div class="gallery">{% for photo in update.visible_photos %}{% include "includes/photo.html" with size="small" %}{% endfor %}</div>{% endif %}
      </li>
      {% endfor %}"""  # noqa: E501


@pytest.fixture
def project():
    project = ProjectFactory()
    ProgressUpdateFactory(
        project=project,
        date=date(2022, 3, 9),
        title="外立面改造开工 <第一批>",
        percent=None,
        body="- 涉及 **12** 栋楼\n- 居民意见 & 建议已收集",
    )
    with_photos = ProgressUpdateFactory(
        project=project, date=date(2022, 10, 1), title="Phase one opened", percent=100, body=""
    )
    PhotoFactory(project=project, update=with_photos, caption="开街当天", credit="区融媒体中心")
    PhotoFactory(project=project, update=with_photos, caption="", taken_on=date(2022, 9, 30))
    ProgressUpdateFactory(project=project, percent=0, title="草稿", publication_state="draft")
    ProgressUpdateFactory(project=project, date=date(2021, 12, 31), title="规划公示", percent=5)
    return attach_timeline(project)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_timeline_items_read_as_the_template_loop(project, language):
    updates = project.published_updates
    assert [u.percent for u in updates] == [100, None, 5]  # newest first, the draft left out
    loop = engines["django"].from_string(TIMELINE_LOOP)
    with translation.override(language):
        expected = loop.render({"updates": updates})
        built = timeline_items(updates)
    assert built.split() == expected.split()
    assert "&lt;第一批&gt;" in built and "<strong>12</strong>" in built
    assert built.count('<figure class="photo">') == 2


def test_the_project_page_shows_the_timeline(client, project):
    html = client.get(project.get_absolute_url()).content.decode()
    assert html.count('<li id="update-') == 3
    assert "外立面改造开工 &lt;第一批&gt;" in html


def test_a_project_without_updates_says_so(client):
    project = ProjectFactory(publication_state=PublicationState.PUBLISHED)
    assert "还没有发布进展更新。" in client.get(project.get_absolute_url()).content.decode()
