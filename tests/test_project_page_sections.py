"""The project page's sections (phases, timeline, photos, tasks, 更新记录) in few queries."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from jiulongpo.publishing import PublicationState
from tests.factories import PhotoFactory, ProgressUpdateFactory, ProjectFactory
from tests.factories_livelihood import TaskFactory, TaskListFactory

pytestmark = pytest.mark.django_db

DRAFT = PublicationState.DRAFT


def page(client, project):
    response = client.get(project.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def a_full_project(length):
    """A parent with phases, updates with photos, livelihood tasks and a published history."""
    project = ProjectFactory(name="总项目")
    for n in range(length):
        phase = ProjectFactory(name=f"分期{n}", parent=project)
        ProgressUpdateFactory(project=phase, percent=n)
        update = ProgressUpdateFactory(project=project, percent=n)
        PhotoFactory(project=project, update=update, kind="before")
        PhotoFactory(project=project, kind="after")
        TaskFactory(title=f"实事{n}").projects.add(project)
        project.summary = f"第{n}次修改"
        project.save()
    return project


@pytest.mark.parametrize("length", [1, 12])
def test_a_page_with_every_section_runs_the_same_queries_at_any_length(
    client, django_assert_max_num_queries, length
):
    project = a_full_project(length)
    with django_assert_max_num_queries(8):
        html = page(client, project)
    assert f"分期{length - 1}" in html and f"实事{length - 1}" in html and "更新了：摘要" in html


def test_a_project_without_phases_tasks_or_history_skips_their_queries(
    client, django_assert_max_num_queries
):
    project = ProjectFactory()
    project.history.all().delete()
    with django_assert_max_num_queries(5):
        page(client, project)


def test_the_timeline_leaves_out_draft_and_future_updates(client):
    project = ProjectFactory()
    ProgressUpdateFactory(project=project, title="已发布的进展", date=date(2022, 3, 1))
    ProgressUpdateFactory(project=project, title="草稿进展", publication_state=DRAFT)
    ProgressUpdateFactory(
        project=project, title="将来的进展", published_at=timezone.now() + timedelta(days=1)
    )
    html = page(client, project)
    assert "已发布的进展" in html
    assert "草稿进展" not in html and "将来的进展" not in html


def test_progress_and_last_update_come_from_the_latest_published_update(client):
    project = ProjectFactory()
    ProgressUpdateFactory(project=project, percent=40, date=date(2022, 3, 1))
    ProgressUpdateFactory(project=project, percent=None, date=date(2022, 5, 1))
    ProgressUpdateFactory(
        project=project, percent=90, date=date(2022, 6, 1), publication_state=DRAFT
    )
    html = page(client, project)
    assert 'value="40"' in html
    assert 'datetime="2022-05-01"' in html


def test_a_photo_on_another_projects_published_update_still_shows(client):
    project, other = ProjectFactory(), ProjectFactory()
    published = ProgressUpdateFactory(project=other)
    draft = ProgressUpdateFactory(project=other, publication_state=DRAFT)
    PhotoFactory(project=project, update=published, kind="before", caption="别处已发布")
    PhotoFactory(project=project, update=draft, kind="before", caption="别处草稿")
    html = page(client, project)
    assert "别处已发布" in html and "别处草稿" not in html


def test_an_update_shows_its_photos_even_when_filed_under_another_project(client):
    project, other = ProjectFactory(), ProgressUpdateFactory().project
    update = ProgressUpdateFactory(project=project)
    PhotoFactory(project=other, update=update, caption="挂在本项目进展下")
    assert "挂在本项目进展下" in page(client, project)


def test_tasks_of_unpublished_lists_stay_hidden(client):
    project = ProjectFactory()
    TaskFactory(title="已公布清单的实事").projects.add(project)
    draft_list = TaskListFactory(year=2023, publication_state=DRAFT)
    TaskFactory(title="未公布清单的实事", task_list=draft_list).projects.add(project)
    TaskFactory(title="草稿实事", publication_state=DRAFT).projects.add(project)
    html = page(client, project)
    assert "已公布清单的实事" in html
    assert "未公布清单的实事" not in html and "草稿实事" not in html


def test_the_progress_bar_follows_the_page_language(client):
    project = ProjectFactory()
    ProgressUpdateFactory(project=project, percent=35)
    assert "完成 35%" in page(client, project)
    assert "35% complete" in client.get(f"/en{project.get_absolute_url()}").content.decode()
