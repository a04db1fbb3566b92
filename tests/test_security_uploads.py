"""Uploads: the site names files, strips EXIF/GPS, refuses non-photos; media is served safely."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from jiulongpo.roles import EDITOR, REVIEWER
from tests.admin_forms import form_data
from tests.factories import PhotoFactory, ProjectFactory
from tests.factories_editorial import DepartmentFactory, staff

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def jpeg_with_gps(name="我的家-IMG_0001.jpg"):
    image = Image.new("RGB", (80, 60), "orange")
    exif = image.getexif()
    exif[0x0110] = "Phone Model X"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (29.0, 30.0, 12.5)
    gps[3], gps[4] = "E", (106.0, 30.0, 1.0)
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def stored_exif(field_file):
    field_file.open("rb")
    try:
        return dict(Image.open(field_file).getexif())
    finally:
        field_file.close()


def test_the_test_image_really_carries_gps():
    assert GPS_IFD in Image.open(jpeg_with_gps()).getexif()


def test_a_photo_is_stored_under_a_name_the_site_made():
    photo = PhotoFactory(image=jpeg_with_gps("../../我的家-IMG_0001.jpg"))
    assert "IMG_0001" not in photo.image.name and ".." not in photo.image.name
    assert photo.image.name.startswith("photos/")


def test_exif_and_gps_are_stripped_from_photos_and_thumbnails():
    photo = PhotoFactory(image=jpeg_with_gps())
    assert stored_exif(photo.image) == {}
    assert stored_exif(photo.thumbnail_small) == {}


@pytest.fixture
def admin_client(client):
    department = DepartmentFactory()
    client.force_login(staff(REVIEWER))
    return client, ProjectFactory(department=department)


def upload_photo(client, project, upload):
    url = reverse("admin:projects_photo_add")
    data = form_data(client.get(url))
    data.update(project=project.pk, alt_text="照片", image=upload)
    return client.post(url, data)


def test_an_svg_upload_is_refused(admin_client):
    client, project = admin_client
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload_photo(
        client, project, SimpleUploadedFile("x.jpg", svg, content_type="image/jpeg")
    )
    assert "image" in response.context["adminform"].form.errors
    assert not project.photos.exists()


def test_a_file_that_is_not_an_image_is_refused(admin_client):
    client, project = admin_client
    html = b"<html><body><script>alert(1)</script></body></html>"
    response = upload_photo(
        client, project, SimpleUploadedFile("x.png", html, content_type="image/png")
    )
    assert response.status_code == 200
    assert not project.photos.exists()


def test_an_oversized_photo_is_refused_before_it_is_decoded(admin_client, settings):
    settings.PHOTO_MAX_BYTES = 100
    client, project = admin_client
    response = upload_photo(client, project, jpeg_with_gps())
    assert "照片文件太大" in response.content.decode()


def test_the_markdown_image_upload_renames_and_strips_exif(client):
    client.force_login(staff(EDITOR, DepartmentFactory()))
    response = client.post(
        reverse("markdownx_upload"),
        {"image": jpeg_with_gps()},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    image_code = response.json()["image_code"]
    url = image_code.split("(")[1].rstrip(")")
    served = client.get(url)
    content = b"".join(served.streaming_content)
    assert "IMG_0001" not in url
    assert dict(Image.open(BytesIO(content)).getexif()) == {}


def test_the_markdown_upload_refuses_svg(client):
    client.force_login(staff(EDITOR, DepartmentFactory()))
    svg = SimpleUploadedFile("x.svg", b"<svg></svg>", content_type="image/svg+xml")
    response = client.post(
        reverse("markdownx_upload"), {"image": svg}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.status_code == 400


def test_photos_are_served_inline_with_nosniff(client):
    photo = PhotoFactory()
    response = client.get(photo.image.url)
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")


def test_anything_else_in_media_is_downloaded_not_rendered(client, settings):
    folder = settings.MEDIA_ROOT / "markdown"
    folder.mkdir(parents=True)
    (folder / "page.html").write_text("<script>alert(1)</script>")
    response = client.get(f"{settings.MEDIA_URL}markdown/page.html")
    assert response["Content-Disposition"] == "attachment"
    assert response["Content-Type"] == "application/octet-stream"


def test_the_svg_check_explains_itself_in_chinese():
    from django.core.exceptions import ValidationError

    from projects.images import validate_raster_image

    svg = SimpleUploadedFile("x.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    with pytest.raises(ValidationError, match="不接受 SVG"):
        validate_raster_image(svg)
