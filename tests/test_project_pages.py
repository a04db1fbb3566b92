import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from tests.factories import (
    PhotoFactory,
    ProgressUpdateFactory,
    ProjectFactory,
    SubdistrictFactory,
)

pytestmark = pytest.mark.django_db


def test_project_list_shows_published_projects(client):
    ProjectFactory(name="民主村片区")
    response = client.get(reverse("projects:list"))
    assert response.status_code == 200
    assert "民主村片区" in response.content.decode()


def test_draft_projects_are_hidden_from_residents(client):
    draft = ProjectFactory(name="尚未发布的项目", publication_state=PublicationState.DRAFT)
    assert "尚未发布的项目" not in client.get(reverse("projects:list")).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_filters_combine_and_stay_in_pagination_links(client):
    place = SubdistrictFactory(slug="yangjiaping")
    for n in range(13):
        ProjectFactory(kind="area", status="construction", subdistrict=place, name=f"片区{n:02}")
    ProjectFactory(kind="street", status="construction", subdistrict=place, name="街区项目")
    response = client.get(
        reverse("projects:list"),
        {"kind": "area", "status": "construction", "subdistrict": "yangjiaping"},
    )
    html = response.content.decode()
    assert response.context["paginator"].count == 13
    assert "街区项目" not in html
    assert "kind=area&amp;status=construction&amp;subdistrict=yangjiaping&amp;page=2" in html


def test_project_page_shows_latest_published_progress(client):
    project = ProjectFactory()
    ProgressUpdateFactory(project=project, date="2022-03-01", percent=30, title="开工")
    ProgressUpdateFactory(project=project, date="2022-06-01", percent=60, title="主体完成")
    ProgressUpdateFactory(
        project=project,
        date="2022-09-01",
        percent=90,
        title="草稿进展",
        publication_state=PublicationState.DRAFT,
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert 'value="60"' in html
    assert "主体完成" in html and "草稿进展" not in html


def _many_projects(count):
    parent = ProjectFactory(name="总项目")
    for n in range(count):
        project = ProjectFactory(parent=parent if n % 3 == 0 else None, featured=n % 2 == 0)
        ProgressUpdateFactory(project=project)
        PhotoFactory(project=project)
    return parent


@pytest.mark.parametrize("count", [2, 30])
def test_project_list_query_count_does_not_grow_with_projects(
    client, django_assert_max_num_queries, count
):
    _many_projects(count)
    with django_assert_max_num_queries(6):
        assert client.get(reverse("projects:list")).status_code == 200


@pytest.mark.parametrize("count", [2, 30])
def test_project_page_query_count_does_not_grow_with_updates(
    client, django_assert_max_num_queries, count
):
    project = _many_projects(count)
    for _ in range(count):
        ProgressUpdateFactory(project=project)
        PhotoFactory(project=project, kind="before")
    with django_assert_max_num_queries(8):
        assert client.get(project.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("count", [2, 30])
def test_home_query_count_does_not_grow_with_projects(client, django_assert_max_num_queries, count):
    _many_projects(count)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("home")).status_code == 200


def test_project_page_shows_before_and_after_photos_with_sizes_and_lazy_loading(client):
    project = ProjectFactory()
    PhotoFactory(project=project, kind="before", alt_text="改造前的旧楼")
    PhotoFactory(project=project, kind="after", alt_text="改造后的新街", caption="示范街")
    html = client.get(project.get_absolute_url()).content.decode()
    assert 'alt="改造前的旧楼"' in html and 'alt="改造后的新街"' in html
    assert 'loading="lazy"' in html and 'width="64" height="48"' in html


def test_photos_of_a_draft_update_stay_hidden(client):
    project = ProjectFactory()
    draft = ProgressUpdateFactory(project=project, publication_state=PublicationState.DRAFT)
    PhotoFactory(project=project, update=draft, alt_text="草稿里的照片")
    assert "草稿里的照片" not in client.get(project.get_absolute_url()).content.decode()


def test_a_project_with_only_a_name_renders_gracefully(client):
    project = ProjectFactory(summary="")
    html = client.get(project.get_absolute_url()).content.decode()
    assert "未公布" in html and "还没有发布进展更新" in html


def test_phases_are_listed_on_the_parent_page(client):
    parent = ProjectFactory(name="民主村片区")
    ProjectFactory(name="民主村片区（一期）", parent=parent, status="open")
    html = client.get(parent.get_absolute_url()).content.decode()
    assert "民主村片区（一期）" in html and "已开放" in html


def test_home_shows_featured_projects_and_latest_updates(client):
    project = ProjectFactory(name="九龙半岛", featured=True)
    ProgressUpdateFactory(project=project, title="主体工程推进")
    html = client.get(reverse("home")).content.decode()
    assert "九龙半岛" in html and "主体工程推进" in html


def test_unknown_page_gets_a_helpful_chinese_404(client):
    response = client.get("/projects/no-such-project/")
    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()


def test_server_error_page_is_in_chinese(client):
    from django.template.loader import render_to_string

    assert "服务器出错了" in render_to_string("500.html")


def test_markdown_body_is_sanitized(client):
    project = ProjectFactory(
        body="**加粗**\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
        "[点我](javascript:alert(1))"
    )
    html = client.get(project.get_absolute_url()).content.decode()
    main = html[html.index("<main") :]
    assert "<strong>加粗</strong>" in main
    assert "<script>" not in main and "onerror" not in main and "javascript:" not in main
