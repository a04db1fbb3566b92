import pytest

from tests.factories import PhotoFactory, ProjectFactory, image_upload

pytestmark = pytest.mark.django_db


def test_the_admin_refuses_a_photo_without_alt_text(staff_client):
    project = ProjectFactory()
    response = staff_client.post(
        "/admin/projects/photo/add/",
        {"project": project.pk, "image": image_upload(), "alt_text": "", "position": 0},
    )
    assert response.status_code == 200
    assert "alt_text" in response.context["adminform"].form.errors
    assert not project.photos.exists()


def test_every_photo_is_rendered_with_its_alt_text(client):
    photo = PhotoFactory(alt_text="改造后的街景：新铺的步道和座椅")
    project = photo.project
    project.cover_photo = photo
    project.save()
    assert 'alt="改造后的街景：新铺的步道和座椅"' in client.get("/projects/").content.decode()
