from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from projects.images import validate_raster_image
from tests.factories import PhotoFactory, image_upload

pytestmark = pytest.mark.django_db


def test_a_real_jpeg_is_accepted_and_gets_two_thumbnails():
    photo = PhotoFactory(image=image_upload(size=(1600, 1200)))
    assert photo.thumbnail_small.name.endswith("-480.jpg")
    with Image.open(photo.thumbnail_large) as large:
        assert large.size == (1200, 900)


def test_the_uploaders_file_name_is_never_used():
    photo = PhotoFactory(image=image_upload(name="../../我的家 住址.jpg"))
    assert "我的家" not in photo.image.name and photo.image.name.startswith("photos/")


def test_gps_and_other_exif_are_stripped():
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {2: (29.0, 30.0, 0.0)}  # GPSInfo: a latitude
    photo = PhotoFactory(image=image_upload(exif=exif.tobytes()))
    with Image.open(photo.image.path) as saved:
        assert not saved.getexif()


def test_svg_is_refused_with_a_chinese_message():
    svg = SimpleUploadedFile(
        "map.svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'
    )
    with pytest.raises(ValidationError, match="不接受 SVG"):
        validate_raster_image(svg)


def test_a_text_file_named_jpg_is_refused():
    with pytest.raises(ValidationError, match="无法识别这张图片"):
        validate_raster_image(SimpleUploadedFile("fake.jpg", b"not an image at all" * 10))


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.PHOTO_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="照片文件太大"):
        validate_raster_image(image_upload(size=(400, 400), fmt="PNG"))


def test_a_decompression_bomb_is_refused(settings):
    settings.PHOTO_MAX_PIXELS = 1_000_000
    # A tiny file that declares a huge canvas: the classic decompression bomb.
    buffer = BytesIO()
    Image.new("1", (5000, 5000)).save(buffer, "PNG")
    bomb = SimpleUploadedFile("bomb.png", buffer.getvalue())
    with pytest.raises(ValidationError, match="解压炸弹"):
        validate_raster_image(bomb)


def test_a_truncated_image_is_refused():
    data = image_upload(size=(300, 300)).read()
    with pytest.raises(ValidationError, match="无法识别这张图片"):
        validate_raster_image(SimpleUploadedFile("cut.jpg", data[: len(data) // 3]))
