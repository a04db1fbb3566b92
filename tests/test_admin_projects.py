import pytest
from django.urls import reverse

from projects.models import Photo, ProgressUpdate, Subdistrict
from tests.factories import ProjectFactory, image_upload

pytestmark = pytest.mark.django_db


def _inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _project_form(project, **extra):
    data = {
        "name": project.name,
        "name_en": "",
        "slug": project.slug,
        "summary": project.summary,
        "body": "",
        "kind": "",
        "status": "",
        "pilot_level": "",
        "publication_state": "published",
        "published_at_0": "2022-01-01",
        "published_at_1": "00:00:00",
        "source": "",
        **_inline_management("updates"),
        **_inline_management("photos"),
    }
    data.update(extra)
    return data


def test_editor_adds_a_progress_update_from_the_project_page(staff_client, client):
    project = ProjectFactory(name="国美支路示范段")
    url = reverse("admin:projects_project_change", args=[project.pk])
    data = _project_form(
        project,
        **_inline_management("updates", total=1),
        **{
            "updates-0-date": "2022-08-15",
            "updates-0-percent": "100",
            "updates-0-title": "示范段改造全面完工",
            "updates-0-body": "沿街立面和人行道完成改造。",
            "updates-0-publication_state": "published",
            "updates-0-published_at_0": "2022-08-15",
            "updates-0-published_at_1": "00:00:00",
            "updates-0-source": "",
        },
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ProgressUpdate.objects.get(project=project).percent == 100
    assert "示范段改造全面完工" in client.get(project.get_absolute_url()).content.decode()


def test_admin_refuses_percent_over_100_with_a_chinese_error(staff_client):
    project = ProjectFactory()
    data = _project_form(
        project,
        **_inline_management("updates", total=1),
        **{
            "updates-0-date": "2022-08-15",
            "updates-0-percent": "120",
            "updates-0-title": "错误的进度",
            "updates-0-publication_state": "draft",
            "updates-0-published_at_0": "2022-08-15",
            "updates-0-published_at_1": "00:00:00",
        },
    )
    response = staff_client.post(reverse("admin:projects_project_change", args=[project.pk]), data)
    assert response.status_code == 200
    assert not ProgressUpdate.objects.exists()


def test_admin_refuses_an_svg_photo_and_saves_nothing(staff_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    project = ProjectFactory()
    svg = SimpleUploadedFile("x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
    data = _project_form(
        project,
        **_inline_management("photos", total=1),
        **{"photos-0-image": svg, "photos-0-alt_text": "图", "photos-0-position": "0"},
    )
    response = staff_client.post(reverse("admin:projects_project_change", args=[project.pk]), data)
    assert response.status_code == 200
    assert not Photo.objects.exists()


def test_admin_adds_a_photo_with_thumbnails(staff_client):
    project = ProjectFactory()
    data = _project_form(
        project,
        **_inline_management("photos", total=1),
        **{
            "photos-0-image": image_upload(size=(900, 600)),
            "photos-0-alt_text": "改造后的街道",
            "photos-0-kind": "after",
            "photos-0-position": "0",
        },
    )
    response = staff_client.post(reverse("admin:projects_project_change", args=[project.pk]), data)
    assert response.status_code == 302
    assert Photo.objects.get().thumbnail_small


def test_admin_project_list_searches_and_filters(staff_client):
    ProjectFactory(name="民主村片区", status="construction")
    ProjectFactory(name="九龙半岛", status="started")
    response = staff_client.get(
        reverse("admin:projects_project_changelist"), {"q": "民主", "status__exact": "construction"}
    )
    html = response.content.decode()
    assert "民主村片区" in html and "九龙半岛" not in html


def test_admin_project_form_uses_the_markdown_editor(staff_client):
    response = staff_client.get(reverse("admin:projects_project_add"))
    assert "markdownx" in response.content.decode()


@pytest.mark.parametrize(
    "point, error",
    [
        ({"latitude": "129.5", "longitude": "106.5"}, "确保该值小于或等于90"),
        ({"latitude": "29.5", "longitude": ""}, "经度和纬度要么都填，要么都不填"),
    ],
    ids=["off-the-globe", "half-a-point"],
)
def test_admin_refuses_a_subdistrict_centre_off_the_map_and_saves_nothing(
    staff_client, point, error
):
    url = reverse("admin:projects_subdistrict_add")
    data = {"name": "测试街道", "slug": "ceshi", "kind": "subdistrict", "source": "", **point}
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Subdistrict.objects.filter(slug="ceshi").exists()
