"""A change reaches exactly the cached pages that show it: a project's page is rendered anew
when anything on it changes, and stays cached when another project or a park changes."""

import time
from datetime import timedelta

import pytest
from django.db.models.signals import post_init
from django.urls import reverse
from django.utils import timezone

from jiulongpo import page_tags
from tests.factories import PhotoFactory, ProgressUpdateFactory, ProjectFactory, SubdistrictFactory
from tests.factories_livelihood import ParkFactory, TaskFactory, TaskListFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["X-Page-Cache"], response.content.decode()


def cached(client, url):
    """Visit twice: the second visit is a cache hit."""
    visit(client, url)
    state, _html = visit(client, url)
    assert state == "hit"


def test_saving_one_project_leaves_every_other_project_page_cached(client):
    edited, other = ProjectFactory(name="改名前的项目"), ProjectFactory(name="无关的项目")
    for url in (edited.get_absolute_url(), other.get_absolute_url(), reverse("projects:list")):
        cached(client, url)
    edited.name = "改名后的项目"
    edited.save()
    state, html = visit(client, edited.get_absolute_url())
    assert state == "miss" and "改名后的项目" in html
    assert visit(client, other.get_absolute_url())[0] == "hit"
    # Lists show every project: they are rendered anew.
    state, html = visit(client, reverse("projects:list"))
    assert state == "miss" and "改名后的项目" in html


def test_the_english_page_of_a_project_is_invalidated_too(client):
    project = ProjectFactory(name_en="Old English name")
    url = "/en" + project.get_absolute_url()
    cached(client, url)
    project.name_en = "New English name"
    project.save()
    assert "New English name" in visit(client, url)[1]


def test_a_park_or_another_projects_update_leaves_a_project_page_cached(client):
    project = ProjectFactory()
    cached(client, project.get_absolute_url())
    ParkFactory(name="新公园")
    ProgressUpdateFactory(title="别的项目的进展")
    assert visit(client, project.get_absolute_url())[0] == "hit"


def test_a_phase_update_shows_on_the_cached_page_of_its_parent(client):
    parent = ProjectFactory(name="总项目")
    phase = ProjectFactory(name="一期", parent=parent)
    cached(client, parent.get_absolute_url())
    ProgressUpdateFactory(project=phase, percent=70)
    assert "完成 70%" in visit(client, parent.get_absolute_url())[1]


def test_a_renamed_parent_shows_in_the_breadcrumbs_of_its_cached_phases(client):
    parent = ProjectFactory(name="旧总项目名")
    phase = ProjectFactory(name="二期", parent=parent)
    cached(client, phase.get_absolute_url())
    parent.name = "新总项目名"
    parent.save()
    assert "新总项目名" in visit(client, phase.get_absolute_url())[1]


def test_a_phase_moved_to_another_project_leaves_one_page_and_joins_the_other(client):
    old_parent, new_parent = ProjectFactory(), ProjectFactory()
    phase = ProjectFactory(name="迁移的分期", parent=old_parent)
    cached(client, old_parent.get_absolute_url())
    cached(client, new_parent.get_absolute_url())
    phase.parent = new_parent
    phase.save()
    assert "迁移的分期" not in visit(client, old_parent.get_absolute_url())[1]
    assert "迁移的分期" in visit(client, new_parent.get_absolute_url())[1]


def test_an_update_moved_to_another_project_leaves_the_first_page(client):
    first, second = ProjectFactory(), ProjectFactory()
    update = ProgressUpdateFactory(project=first, title="录错项目的进展")
    cached(client, first.get_absolute_url())
    update.project = second
    update.save()
    assert "录错项目的进展" not in visit(client, first.get_absolute_url())[1]


def test_a_new_photo_and_a_deleted_update_show_on_the_cached_page(client):
    project = ProjectFactory()
    update = ProgressUpdateFactory(project=project, title="将删除的进展")
    cached(client, project.get_absolute_url())
    PhotoFactory(project=project, caption="新的现场照片")
    update.delete()
    html = visit(client, project.get_absolute_url())[1]
    assert "新的现场照片" in html and "将删除的进展" not in html


def test_a_photo_hung_on_another_projects_update_shows_there_when_edited(client):
    owner, shown_on = ProjectFactory(), ProjectFactory()
    update = ProgressUpdateFactory(project=shown_on)
    photo = PhotoFactory(project=owner, update=update, caption="旧的图片说明")
    cached(client, shown_on.get_absolute_url())
    photo.caption = "新的图片说明"
    photo.save()
    assert "新的图片说明" in visit(client, shown_on.get_absolute_url())[1]


def test_a_cover_photo_of_another_project_edited_or_deleted_shows_on_the_page(client):
    owner = ProjectFactory()
    photo = PhotoFactory(project=owner, alt_text="旧的封面说明")
    covered = ProjectFactory(cover_photo=photo)
    cached(client, covered.get_absolute_url())
    photo.alt_text = "新的封面说明"
    photo.save()
    assert "新的封面说明" in visit(client, covered.get_absolute_url())[1]
    cached(client, covered.get_absolute_url())
    photo.delete()  # empties covered.cover_photo without a signal for it
    assert "og:image" not in visit(client, covered.get_absolute_url())[1]


def test_a_renamed_subdistrict_shows_on_cached_project_pages(client):
    subdistrict = SubdistrictFactory(name="旧街道名")
    project = ProjectFactory(subdistrict=subdistrict)
    cached(client, project.get_absolute_url())
    subdistrict.name = "新街道名"
    subdistrict.save()
    assert "新街道名" in visit(client, project.get_absolute_url())[1]


def test_livelihood_tasks_linked_renamed_and_removed_show_on_the_project_page(client):
    project = ProjectFactory()
    task = TaskFactory(title="加装电梯")
    cached(client, project.get_absolute_url())
    task.projects.add(project)
    assert "加装电梯" in visit(client, project.get_absolute_url())[1]
    task.title = "老旧小区加装电梯"
    task.save()
    assert "老旧小区加装电梯" in visit(client, project.get_absolute_url())[1]
    TaskListFactory(year=task.task_list.year, title="ignored")  # get_or_create: no change
    task.task_list.title = "新的年度清单名"
    task.task_list.save()
    assert "新的年度清单名" in visit(client, project.get_absolute_url())[1]
    task.projects.clear()
    assert "老旧小区加装电梯" not in visit(client, project.get_absolute_url())[1]
    task.projects.add(project)
    visit(client, project.get_absolute_url())
    task.delete()
    assert "老旧小区加装电梯" not in visit(client, project.get_absolute_url())[1]


def test_a_project_linked_from_its_own_side_shows_the_task(client):
    project = ProjectFactory()
    task = TaskFactory(title="口袋公园建设")
    cached(client, project.get_absolute_url())
    project.livelihood_tasks.add(task)
    assert "口袋公园建设" in visit(client, project.get_absolute_url())[1]


def test_a_scheduled_update_appears_on_the_cached_project_page_when_its_time_comes(
    client, django_capture_on_commit_callbacks
):
    project = ProjectFactory()
    with django_capture_on_commit_callbacks(execute=True):
        ProgressUpdateFactory(
            project=project,
            title="定时发布的进展",
            published_at=timezone.now() + timedelta(seconds=1),
        )
    assert "定时发布的进展" not in visit(client, project.get_absolute_url())[1]
    assert visit(client, project.get_absolute_url())[0] == "hit"
    time.sleep(1.2)
    assert "定时发布的进展" in visit(client, project.get_absolute_url())[1]


def test_every_model_a_project_page_reads_has_a_rule_naming_the_page(client):
    """A model read on the page without a rule would leave the cached page stale."""
    parent = ProjectFactory(subdistrict=SubdistrictFactory())
    project = ProjectFactory(parent=parent, subdistrict=parent.subdistrict)
    ProjectFactory(parent=project)
    update = ProgressUpdateFactory(project=project)
    PhotoFactory(project=project, update=update)
    PhotoFactory(project=project, kind="before")
    TaskFactory().projects.add(project)
    project.name = "改过一次"  # a change log entry
    project.save()
    read = set()

    def note(sender, **kwargs):
        read.add(sender._meta.label_lower)

    post_init.connect(note)
    try:
        html = client.get(project.get_absolute_url()).content.decode()
    finally:
        post_init.disconnect(note)
    assert "更新记录" in html and "相关民生实事" in html and "分期" in html
    # History rows are written by the save of the project itself, which bumps its page.
    unruled = read - set(page_tags.RULES) - {"jiulongpo.historicalproject"}
    assert unruled == set()
