"""A change reaches exactly the cached detail pages that show it: a park's, a figure's, a
livelihood task's and a year's task-list page are rendered anew, in Chinese and in English,
when anything on them changes, and stay cached when something they do not show changes."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from jiulongpo import page_tags
from jiulongpo.publishing import PublicationState
from tests.factories import ProgressUpdateFactory, ProjectFactory, SubdistrictFactory
from tests.factories_editorial import DepartmentFactory
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    ParkFactory,
    ParkPhotoFactory,
    TaskFactory,
    TaskListFactory,
    TaskUpdateFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

# None of these pages shows a change log (更新记录), so no history model is read; a page that
# starts showing one must name its history model here (its rows are written by the save of the
# row they record, which bumps the page).
HISTORY_MODELS = set()


def path_of(row):
    """The row's Chinese path, whatever language the last request left active."""
    with translation.override(settings.LANGUAGE_CODE):
        return row.get_absolute_url()


def both(path):
    return (path, f"/en{path}")


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response["X-Page-Cache"], response.content.decode()


def cache(client, path):
    """Visit the page in both languages twice: the second visits are cache hits."""
    for url in both(path):
        visit(client, url)
        assert visit(client, url)[0] == "hit"


def still_cached(client, path):
    return [visit(client, url)[0] for url in both(path)] == ["hit", "hit"]


def rendered_anew(client, path):
    """The page in both languages, which must be cache misses: [Chinese HTML, English HTML]."""
    pages = [visit(client, url) for url in both(path)]
    assert [state for state, _html in pages] == ["miss", "miss"]
    return [html for _state, html in pages]


def not_found_in_both(client, path):
    return [client.get(url).status_code for url in both(path)] == [404, 404]


def shows(client, path, text, english=None):
    """The page is rendered anew and shows `text` (in English, `english` when it differs)."""
    chinese_html, english_html = rendered_anew(client, path)
    return text in chinese_html and (english or text) in english_html


def hides(client, path, text):
    return all(text not in html for html in rendered_anew(client, path))


def read_by(client, path):
    """(HTML, rows instantiated, SQL run) while the page at `path` is rendered."""
    rows = []

    def note(sender, instance, **kwargs):
        rows.append(instance)

    post_init.connect(note)
    try:
        with CaptureQueriesContext(connection) as queries:
            html = client.get(path).content.decode()
    finally:
        post_init.disconnect(note)
    return html, rows, " ".join(query["sql"] for query in queries.captured_queries)


def rows_without_a_rule_naming(path, rows):
    """Models of rows read on the page whose rule does not name the page's tags."""
    tags = page_tags.for_path(path) - {page_tags.EVERYTHING}
    return {
        row._meta.label_lower for row in rows if not page_tags.changed_by(row) & tags
    } - HISTORY_MODELS


def tables_without_a_rule_naming(path, sql):
    """Models whose table the page's queries read, in a join or a subquery too (a latest
    percent is read without making a row), and none of whose rows has a rule naming the
    page's tags. Link tables are left out: a link's change is handled as a change of the rows
    at both ends (invalidation._links_changed)."""
    tags = page_tags.for_path(path) - {page_tags.EVERYTHING}
    return {
        model._meta.label_lower
        for model in apps.get_models()
        if f'"{model._meta.db_table}"' in sql
        and not any(page_tags.changed_by(row) & tags for row in model._base_manager.all())
    } - HISTORY_MODELS


def something_unrelated_changes(other_year):
    """Edits to rows that the pages of the tests below do not show; `other_year` is another
    year's task list, made before the pages were cached (a new year is in every list's
    year navigation)."""
    ParkFactory(name="无关的公园")
    other_park = ParkFactory()
    ParkPhotoFactory(park=other_park, caption="别的公园的照片")
    other_park.name = "别的公园改名"
    other_park.save()
    IndicatorValueFactory(indicator=IndicatorFactory(name="别的指标"), value="7")
    other_task = TaskFactory(title="别的实事", task_list=other_year)
    TaskUpdateFactory(task=other_task, title="别的实事的进展")
    unlinked = ProjectFactory(name="无关的项目")
    ProgressUpdateFactory(project=unlinked, percent=90)
    other_task.projects.add(unlinked)


# --- a park's page --------------------------------------------------------------------------


def test_unrelated_changes_leave_a_park_page_cached(client):
    park, other_year = ParkFactory(name="天宝公园"), TaskListFactory(year=2019)
    cache(client, path_of(park))
    something_unrelated_changes(other_year)
    assert still_cached(client, path_of(park))


def test_a_renamed_park_shows_on_its_cached_page(client):
    park = ParkFactory(name="旧公园名")
    cache(client, path_of(park))
    park.name = "新公园名"
    park.save()
    assert shows(client, path_of(park), "新公园名")


def test_a_park_with_a_new_address_leaves_its_old_address(client):
    park = ParkFactory(slug="old-park-address")
    cache(client, "/parks/old-park-address/")
    park.slug = "new-park-address"
    park.save()
    assert not_found_in_both(client, "/parks/old-park-address/")


def test_an_unpublished_park_leaves_its_cached_page(client):
    park = ParkFactory()
    cache(client, path_of(park))
    park.publication_state = PublicationState.UNPUBLISHED
    park.save()
    assert not_found_in_both(client, path_of(park))


def test_a_new_and_a_deleted_park_photo_show_on_the_cached_page(client):
    park = ParkFactory()
    old = ParkPhotoFactory(park=park, caption="将删除的照片")
    cache(client, path_of(park))
    ParkPhotoFactory(park=park, caption="新拍的公园照片")
    old.delete()
    pages = rendered_anew(client, path_of(park))
    assert all("新拍的公园照片" in html and "将删除的照片" not in html for html in pages)


def test_a_photo_moved_to_another_park_leaves_one_page_and_joins_the_other(client):
    first, second = ParkFactory(), ParkFactory()
    photo = ParkPhotoFactory(park=first, caption="挂错公园的照片")
    cache(client, path_of(first))
    cache(client, path_of(second))
    photo.park = second
    photo.save()
    assert hides(client, path_of(first), "挂错公园的照片")
    assert shows(client, path_of(second), "挂错公园的照片")


def test_a_deleted_cover_photo_of_another_park_leaves_the_cached_page(client):
    # Deleting a cover photo empties Park.cover_photo with no signal for the park.
    park, other = ParkFactory(), ParkFactory()
    park.cover_photo = ParkPhotoFactory(park=other, alt_text="借来的封面照片")
    park.save()
    cache(client, path_of(park))
    park.cover_photo.delete()
    assert hides(client, path_of(park), "借来的封面照片")


def test_a_park_moved_to_another_subdistrict_and_a_renamed_subdistrict_show(client):
    park = ParkFactory(subdistrict=SubdistrictFactory(name="原来的街道"))
    cache(client, path_of(park))
    park.subdistrict = SubdistrictFactory(name="后来的街道")
    park.save()
    assert shows(client, path_of(park), "后来的街道")
    park.subdistrict.name = "改名的街道"
    park.subdistrict.save()
    assert shows(client, path_of(park), "改名的街道")


def test_a_renamed_department_shows_on_the_cached_park_page(client):
    park = ParkFactory(department=DepartmentFactory(name="区林业局旧名"))
    cache(client, path_of(park))
    park.department.name = "区林业局新名"
    park.department.save()
    assert shows(client, path_of(park), "区林业局新名")


def test_every_model_a_park_page_reads_has_a_rule_naming_the_page(client):
    park = ParkFactory(
        subdistrict=SubdistrictFactory(),
        department=DepartmentFactory(name="区城市管理局"),
        facilities="步道、厕所",
    )
    park.cover_photo = ParkPhotoFactory(park=park, caption="公园全景")
    park.save()
    park.projects.add(ProjectFactory())
    path = path_of(park)
    html, rows, sql = read_by(client, path)
    assert "公园全景" in html and "区城市管理局" in html and "og:image" in html
    assert rows_without_a_rule_naming(path, rows) == set()
    assert tables_without_a_rule_naming(path, sql) == set()


# --- a figure's page ------------------------------------------------------------------------


def test_unrelated_changes_leave_a_figure_page_cached(client):
    indicator = IndicatorFactory()
    IndicatorValueFactory(indicator=indicator, year=2021)
    other_year = TaskListFactory(year=2019)
    cache(client, path_of(indicator))
    something_unrelated_changes(other_year)
    SubdistrictFactory(name="新设的街道").save()
    assert still_cached(client, path_of(indicator))


def test_a_renamed_indicator_shows_on_its_cached_page(client):
    indicator = IndicatorFactory(name="旧指标名")
    cache(client, path_of(indicator))
    indicator.name = "新指标名"
    indicator.save()
    assert shows(client, path_of(indicator), "新指标名")


def test_new_edited_and_deleted_values_show_on_the_cached_figure_page(client):
    indicator = IndicatorFactory()
    edited = IndicatorValueFactory(indicator=indicator, year=2020, source_note="旧的出处")
    deleted = IndicatorValueFactory(indicator=indicator, year=2021, source_note="将删除的数值")
    cache(client, path_of(indicator))
    IndicatorValueFactory(indicator=indicator, year=2022, source_note="新发布的数值")
    edited.source_note = "改过的出处"
    edited.save()
    deleted.delete()
    pages = rendered_anew(client, path_of(indicator))
    assert all(
        "新发布的数值" in html and "改过的出处" in html and "将删除的数值" not in html
        for html in pages
    )


def test_a_value_moved_to_another_indicator_leaves_one_page_and_joins_the_other(client):
    first, second = IndicatorFactory(), IndicatorFactory()
    value = IndicatorValueFactory(indicator=first, source_note="录错指标的数值")
    cache(client, path_of(first))
    cache(client, path_of(second))
    value.indicator = second
    value.save()
    assert hides(client, path_of(first), "录错指标的数值")
    assert shows(client, path_of(second), "录错指标的数值")


def test_an_indicator_with_a_new_code_leaves_its_old_address(client):
    indicator = IndicatorFactory(code="old-code")
    cache(client, "/figures/old-code/")
    indicator.code = "new-code"
    indicator.save()
    assert not_found_in_both(client, "/figures/old-code/")


def test_every_model_a_figure_page_reads_has_a_rule_naming_the_page(client):
    indicator = IndicatorFactory(target_value=20, target_note="到2025年")
    IndicatorValueFactory(indicator=indicator, year=2021, value="16.5", source_note="年报")
    IndicatorValueFactory(indicator=indicator, year=2022, value="16.8")
    path = path_of(indicator)
    html, rows, sql = read_by(client, path)
    assert "<svg" in html and "年报" in html
    assert rows_without_a_rule_naming(path, rows) == set()
    assert tables_without_a_rule_naming(path, sql) == set()


# --- a livelihood task's page ---------------------------------------------------------------


def test_unrelated_changes_leave_a_task_page_cached(client):
    task = TaskFactory(title="加装电梯")
    task.projects.add(ProjectFactory())
    other_year = TaskListFactory(year=2019)
    cache(client, path_of(task))
    something_unrelated_changes(other_year)
    other_year.title = "别的年度清单改名"
    other_year.save()
    assert still_cached(client, path_of(task))


def test_a_renamed_task_shows_on_its_cached_page(client):
    task = TaskFactory(title="旧实事名")
    cache(client, path_of(task))
    task.title = "新实事名"
    task.save()
    assert shows(client, path_of(task), "新实事名")


def test_a_renumbered_task_leaves_its_old_address(client):
    task = TaskFactory(number=7)
    cache(client, "/livelihood/2022/7/")
    task.number = 8
    task.save()
    assert not_found_in_both(client, "/livelihood/2022/7/")


def test_a_task_moved_to_another_year_leaves_its_old_address(client):
    task = TaskFactory(number=3, title="挪到下一年的实事")
    TaskFactory(number=3, task_list=TaskListFactory(year=2023), title="下一年的实事")
    cache(client, "/livelihood/2022/3/")
    cache(client, "/livelihood/2023/3/")
    task.number = 4
    task.task_list = TaskListFactory(year=2023)
    task.save()
    assert not_found_in_both(client, "/livelihood/2022/3/")
    assert still_cached(client, "/livelihood/2023/3/")


def test_new_and_deleted_task_updates_show_on_the_cached_task_page(client):
    task = TaskFactory()
    old = TaskUpdateFactory(task=task, title="将删除的实事进展")
    cache(client, path_of(task))
    TaskUpdateFactory(task=task, title="新的实事进展")
    old.delete()
    pages = rendered_anew(client, path_of(task))
    assert all("新的实事进展" in html and "将删除的实事进展" not in html for html in pages)


def test_an_update_moved_to_another_task_leaves_its_page(client):
    first, second = TaskFactory(), TaskFactory()
    update = TaskUpdateFactory(task=first, title="录错实事的进展")
    cache(client, path_of(first))
    cache(client, path_of(second))
    update.task = second
    update.save()
    assert hides(client, path_of(first), "录错实事的进展")
    assert shows(client, path_of(second), "录错实事的进展")


def test_a_project_linked_and_unlinked_from_either_side_shows_on_the_task_page(client):
    task = TaskFactory()
    project = ProjectFactory(name="承担实事的项目")
    cache(client, path_of(task))
    task.projects.add(project)
    assert shows(client, path_of(task), "承担实事的项目")
    project.livelihood_tasks.remove(task)
    assert hides(client, path_of(task), "承担实事的项目")
    project.livelihood_tasks.add(task)
    assert shows(client, path_of(task), "承担实事的项目")
    task.projects.clear()
    assert hides(client, path_of(task), "承担实事的项目")
    task.projects.add(project)
    visit(client, path_of(task))
    project.livelihood_tasks.clear()
    assert hides(client, path_of(task), "承担实事的项目")


def test_a_linked_project_renamed_or_deleted_shows_on_the_task_page(client):
    task = TaskFactory()
    project = ProjectFactory(name="改名前的承担项目")
    task.projects.add(project)
    cache(client, path_of(task))
    project.name = "改名后的承担项目"
    project.save()
    assert shows(client, path_of(task), "改名后的承担项目")
    project.delete()
    assert hides(client, path_of(task), "改名后的承担项目")


def test_a_linked_projects_new_progress_shows_on_the_task_page(client):
    # The page shows each project's latest percent, read in a subquery.
    task = TaskFactory()
    project = ProjectFactory()
    task.projects.add(project)
    cache(client, path_of(task))
    ProgressUpdateFactory(project=project, percent=35)
    assert shows(client, path_of(task), "完成 35%", "35% complete")


def test_a_progress_update_moved_off_a_linked_project_leaves_the_task_page(client):
    task = TaskFactory()
    linked, other = ProjectFactory(), ProjectFactory()
    task.projects.add(linked)
    update = ProgressUpdateFactory(project=linked, percent=45)
    cache(client, path_of(task))
    update.project = other
    update.save()
    assert hides(client, path_of(task), "完成 45%")


def test_a_renamed_task_list_and_department_show_on_the_cached_task_page(client):
    task = TaskFactory(department=DepartmentFactory(name="区教委旧名"))
    cache(client, path_of(task))
    task.task_list.title = "改名后的年度清单"
    task.task_list.save()
    assert shows(client, path_of(task), "改名后的年度清单")
    task.department.name = "区教委新名"
    task.department.save()
    assert shows(client, path_of(task), "区教委新名")


def test_an_unpublished_task_list_takes_its_cached_task_pages_away(client):
    task = TaskFactory()
    cache(client, path_of(task))
    task.task_list.publication_state = PublicationState.UNPUBLISHED
    task.task_list.save()
    assert not_found_in_both(client, path_of(task))


def test_a_task_list_moved_to_another_year_takes_its_task_pages_along(client):
    task = TaskFactory(number=5)
    cache(client, "/livelihood/2022/5/")
    task.task_list.year = 2021
    task.task_list.save()
    assert not_found_in_both(client, "/livelihood/2022/5/")


def test_a_task_page_written_with_leading_zeros_is_invalidated_too(client):
    # /livelihood/02022/05/ is task 5 of 2022: its tags hold the numbers, not the text.
    task = TaskFactory(number=5)
    cache(client, "/livelihood/02022/05/")
    task.title = "前导零的实事页也更新"
    task.save()
    assert shows(client, "/livelihood/02022/05/", "前导零的实事页也更新")


def test_every_model_a_task_page_reads_has_a_rule_naming_the_page(client):
    task = TaskFactory(department=DepartmentFactory(name="区卫生健康委"), summary="摘要")
    TaskUpdateFactory(task=task, percent=30, title="实事过半")
    project = ProjectFactory(subdistrict=SubdistrictFactory())
    ProgressUpdateFactory(project=project, percent=40)
    task.projects.add(project)
    path = path_of(task)
    html, rows, sql = read_by(client, path)
    assert "实事过半" in html and "区卫生健康委" in html and project.name in html
    assert rows_without_a_rule_naming(path, rows) == set()
    assert tables_without_a_rule_naming(path, sql) == set()


# --- a year's task list ---------------------------------------------------------------------


def test_unrelated_changes_leave_a_task_list_page_cached(client):
    task = TaskFactory()
    task_list, other_year = task.task_list, TaskListFactory(year=2019)
    cache(client, path_of(task_list))
    something_unrelated_changes(other_year)
    other = TaskFactory(task_list=other_year)
    other.title = "别的年度的实事改名"
    other.save()
    assert still_cached(client, path_of(task_list))


def test_a_project_a_listed_task_carries_out_leaves_the_list_cached(client):
    # The list shows no projects: a project's change reaches its task's page only.
    task = TaskFactory()
    project = ProjectFactory()
    task.projects.add(project)
    cache(client, path_of(task.task_list))
    project.name = "改名的承担项目"
    project.save()
    ProgressUpdateFactory(project=project, percent=80)
    assert still_cached(client, path_of(task.task_list))


def test_a_renamed_task_list_shows_on_its_cached_page(client):
    task_list = TaskListFactory(year=2022)
    cache(client, path_of(task_list))
    task_list.title = "2022年民生实事（修订）"
    task_list.save()
    assert shows(client, path_of(task_list), "2022年民生实事（修订）")


def test_new_renamed_and_deleted_tasks_show_on_the_cached_list(client):
    renamed = TaskFactory(title="改名前的实事")
    deleted = TaskFactory(title="将删除的实事")
    path = path_of(renamed.task_list)
    cache(client, path)
    TaskFactory(title="新增的实事")
    renamed.title = "改名后的实事"
    renamed.save()
    deleted.delete()
    pages = rendered_anew(client, path)
    assert all(
        "新增的实事" in html and "改名后的实事" in html and "将删除的实事" not in html
        for html in pages
    )


def test_a_task_moved_to_another_year_leaves_one_list_and_joins_the_other(client):
    task = TaskFactory(title="挪年度的实事")
    later = TaskListFactory(year=2023)
    TaskFactory(task_list=later)
    cache(client, "/livelihood/2022/")
    cache(client, "/livelihood/2023/")
    task.task_list = later
    task.save()
    assert hides(client, "/livelihood/2022/", "挪年度的实事")
    assert shows(client, "/livelihood/2023/", "挪年度的实事")


def test_a_task_update_shows_as_progress_on_the_cached_list(client):
    task = TaskFactory()
    cache(client, path_of(task.task_list))
    TaskUpdateFactory(task=task, percent=65)
    assert shows(client, path_of(task.task_list), "完成 65%", "65% complete")


def test_a_newly_published_year_shows_in_the_year_navigation(client):
    TaskFactory()
    draft = TaskListFactory(year=2023, publication_state=PublicationState.DRAFT)
    cache(client, "/livelihood/2022/")
    draft.publication_state = PublicationState.PUBLISHED
    draft.save()
    assert shows(
        client, "/livelihood/2022/", 'href="/livelihood/2023/"', 'href="/en/livelihood/2023/"'
    )


def test_a_renamed_department_shows_on_the_cached_list(client):
    task = TaskFactory(department=DepartmentFactory(name="区民政局旧名"))
    cache(client, path_of(task.task_list))
    task.department.name = "区民政局新名"
    task.department.save()
    assert shows(client, path_of(task.task_list), "区民政局新名")


def test_the_list_page_of_a_year_written_with_a_leading_zero_is_invalidated_too(client):
    # /livelihood/02022/ is 2022's page: its tags hold the number, not the text.
    task_list = TaskListFactory(year=2022)
    cache(client, "/livelihood/02022/")
    task_list.title = "前导零也更新"
    task_list.save()
    assert shows(client, "/livelihood/02022/", "前导零也更新")


def test_every_model_a_task_list_page_reads_has_a_rule_naming_the_page(client):
    task = TaskFactory(department=DepartmentFactory(name="区人力社保局"), summary="摘要")
    TaskFactory(kind="commitment", title="领域承诺")
    TaskUpdateFactory(task=task, percent=20)
    TaskListFactory(year=2021)
    task.projects.add(ProjectFactory())
    path = path_of(task.task_list)
    html, rows, sql = read_by(client, path)
    assert "区人力社保局" in html and "领域承诺" in html and "完成 20%" in html
    assert rows_without_a_rule_naming(path, rows) == set()
    assert tables_without_a_rule_naming(path, sql) == set()
