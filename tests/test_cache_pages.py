"""Residents get cached pages, and never an old one after anything is saved or published."""

import time
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from jiulongpo.invalidation import CLOCK_KEY
from jiulongpo.publishing import PublicationState
from projects.models import Project
from tests.factories import ProgressUpdateFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_a_second_visit_is_served_from_the_cache(client):
    ProjectFactory(name="民主村片区")
    first = client.get(reverse("projects:list"))
    second = client.get(reverse("projects:list"))
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert "民主村片区" in second.content.decode()


def test_publishing_a_draft_shows_it_on_the_next_visit(client):
    draft = ProjectFactory(name="待发布的项目", publication_state=PublicationState.DRAFT)
    assert "待发布的项目" not in client.get(reverse("projects:list")).content.decode()
    draft.publication_state = PublicationState.PUBLISHED
    draft.save()
    assert "待发布的项目" in client.get(reverse("projects:list")).content.decode()


def test_a_deleted_project_leaves_the_cached_list_at_once(client):
    project = ProjectFactory(name="将被删除的项目")
    client.get(reverse("home"))
    project.delete()
    assert "将被删除的项目" not in client.get(reverse("home")).content.decode()


def test_a_new_progress_update_shows_on_the_cached_project_page(client):
    project = ProjectFactory()
    client.get(project.get_absolute_url())
    ProgressUpdateFactory(project=project, title="主体结构完工", percent=80)
    assert "主体结构完工" in client.get(project.get_absolute_url()).content.decode()


def test_a_scheduled_publication_appears_when_its_time_comes_without_any_save(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ProjectFactory(name="定时发布的项目", published_at=timezone.now() + timedelta(seconds=1))
    assert "定时发布的项目" not in client.get(reverse("projects:list")).content.decode()
    time.sleep(1.2)
    assert "定时发布的项目" in client.get(reverse("projects:list")).content.decode()


def test_an_unchanged_page_answers_304_to_its_etag(client):
    ProjectFactory()
    etag = client.get(reverse("projects:list"))["ETag"]
    response = client.get(reverse("projects:list"), headers={"if-none-match": etag})
    assert response.status_code == 304


def test_an_unchanged_page_answers_304_to_if_modified_since(client):
    last_modified = client.get(reverse("home"))["Last-Modified"]
    response = client.get(reverse("home"), headers={"if-modified-since": last_modified})
    assert response.status_code == 304


def test_an_old_etag_gets_the_new_page_after_a_save(client):
    project = ProjectFactory(name="旧名称")
    etag = client.get(reverse("projects:list"))["ETag"]
    project.name = "新名称"
    project.save()
    response = client.get(reverse("projects:list"), headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "新名称" in response.content.decode()


def test_signed_in_staff_never_get_a_cached_page(staff_client):
    staff_client.get(reverse("home"))
    assert "X-Page-Cache" not in staff_client.get(reverse("home"))


def test_the_health_check_is_never_cached(client):
    client.get(reverse("healthz"))
    assert "X-Page-Cache" not in client.get(reverse("healthz"))


def test_a_back_office_write_moves_the_content_clock(staff_client):
    project = ProjectFactory()
    before = caches["generation"].get(CLOCK_KEY)
    staff_client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "delete_selected", "_selected_action": [project.pk]},
    )
    assert caches["generation"].get(CLOCK_KEY)["changed_at"] > before["changed_at"]


def test_a_renamed_project_shows_its_new_name_in_cached_cards(staff_client):
    project = ProjectFactory(name="旧卡片名称")
    staff_client.get(reverse("projects:list"))
    project.name = "新卡片名称"
    project.save()
    assert "新卡片名称" in staff_client.get(reverse("projects:list")).content.decode()


def test_cached_filter_forms_keep_each_visitors_choices(staff_client):
    ProjectFactory(kind="street")
    staff_client.get(reverse("projects:list"), {"kind": "street"})
    html = staff_client.get(reverse("projects:list"), {"kind": "area"}).content.decode()
    assert '<option value="area" selected>' in html


def test_elder_mode_readers_never_get_the_ordinary_cached_page(client):
    client.get(reverse("home"))
    client.cookies["elder_mode"] = "1"
    assert "elder" in client.get(reverse("home")).content.decode()


def test_a_cached_page_keeps_the_security_headers_of_a_fresh_one(client):
    fresh = client.get(reverse("home"))
    cached = client.get(reverse("home"))
    assert cached["X-Page-Cache"] == "hit"
    assert cached["X-Frame-Options"] == fresh["X-Frame-Options"]


def test_with_one_shared_store_a_save_still_shows_at_once(client, settings):
    shared = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "one"}
    settings.CACHES = {"default": shared, "generation": shared}
    project = ProjectFactory(name="共用缓存旧名")
    client.get(reverse("projects:list"))
    project.name = "共用缓存新名"
    project.save()
    assert "共用缓存新名" in client.get(reverse("projects:list")).content.decode()


def test_a_page_the_page_cache_misses_reuses_its_cards(client, settings, django_assert_num_queries):
    settings.PAGE_CACHE_ENABLED = False
    for n in range(3):
        ProjectFactory(name=f"卡片项目{n}")
    url = reverse("projects:list")
    first = client.get(url).content.decode()
    with django_assert_num_queries(2):  # the count and the page's ids: no card is rebuilt
        second = client.get(url).content.decode()
    assert second == first
    assert all(f"卡片项目{n}" in second for n in range(3))


def test_cards_rendered_with_and_without_the_fragment_cache_are_the_same(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    parent = ProjectFactory(name="总项目")
    ProgressUpdateFactory(project=ProjectFactory(parent=parent, name="一期"), percent=60)
    url = reverse("projects:list")
    cached = client.get(url).content.decode()
    settings.FRAGMENT_CACHE_ENABLED = False
    assert client.get(url).content.decode() == cached
    assert "含 1 个分期" in cached
    assert "完成 60%" in cached


def test_after_a_save_a_list_renders_anew_only_the_card_of_the_saved_project(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    edited = ProjectFactory(summary="改动前的简介")
    other = ProjectFactory(summary="没有改动的简介")
    url = reverse("projects:list")
    client.get(url)
    # Written without a signal: only a card kept from before can still show the old summary.
    Project.objects.filter(pk=other.pk).update(summary="绕过缓存写入的简介")
    edited.summary = "改动后的简介"
    edited.save()
    html = client.get(url).content.decode()
    assert "改动后的简介" in html and "改动前的简介" not in html
    assert "没有改动的简介" in html
