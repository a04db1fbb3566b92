"""Photo uploads: refuse what is not a real raster photo, strip metadata, make thumbnails."""

import warnings
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from jiulongpo.invalidation import invalidate

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
THUMBNAIL_WIDTHS = {"thumbnail_small": 480, "thumbnail_large": 1200}
JPEG_QUALITY = 82
WEBP_QUALITY = 78


def _open_checked(file):
    """Open an upload with Pillow, turning every failure into a message for editors."""
    if file.size and file.size > settings.PHOTO_MAX_BYTES:
        limit = settings.PHOTO_MAX_BYTES // (1024 * 1024)
        raise ValidationError(
            _("照片文件太大：最大 %(limit)s MB，请压缩后再上传。") % {"limit": limit},
            code="too_large",
        )
    file.seek(0)
    head = file.read(512).lstrip().lower()
    file.seek(0)
    if head.startswith(b"<?xml") or b"<svg" in head:
        raise ValidationError(_("不接受 SVG 矢量图，请上传 JPEG、PNG 或 WebP 照片。"), code="svg")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
            width, height = image.size
            if width * height > settings.PHOTO_MAX_PIXELS:
                raise ValidationError(
                    _(
                        "照片像素过多（%(width)s×%(height)s），可能是“解压炸弹”，已拒绝。"
                        "请缩小到 4000 万像素以内。"
                    )
                    % {"width": width, "height": height},
                    code="too_many_pixels",
                )
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("只接受 JPEG、PNG、WebP 或 GIF 格式的照片。"), code="format"
                )
            image.verify()
            file.seek(0)
            # verify() checks structure only; decoding catches truncated files too.
            Image.open(file).load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("照片像素过多，可能是“解压炸弹”，已拒绝。"), code="too_many_pixels"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("无法识别这张图片：文件已损坏或不是照片。"), code="invalid"
        ) from None
    finally:
        file.seek(0)
    return Image.open(file)


def validate_raster_image(file):
    # A file already stored was checked (and re-encoded) when it was uploaded; editing a
    # photo's caption must not re-open it (its handle is closed by then).
    if getattr(file, "_committed", False):
        return
    _open_checked(file)


def _as_rgb(image):
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg_bytes(image):
    buffer = BytesIO()
    # No exif= argument: the saved file carries no EXIF, so no GPS position leaks.
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def _webp_bytes(image):
    buffer = BytesIO()
    image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    return buffer.getvalue()


def webp_name(name):
    """Each JPEG thumbnail has a WebP twin beside it: same name, .webp."""
    return name.rsplit(".", 1)[0] + ".webp"


def strip_metadata(field_file):
    """Re-encode the upload as a plain JPEG: upright, no EXIF, no GPS, a site-made name."""
    image = _as_rgb(_open_checked(field_file))
    return ContentFile(_jpeg_bytes(image), name="photo.jpg")


def make_thumbnails(photo):
    photo.image.open("rb")
    try:
        source = _as_rgb(Image.open(photo.image))
    finally:
        photo.image.close()
    for field, width in THUMBNAIL_WIDTHS.items():
        thumbnail = source.copy()
        thumbnail.thumbnail((width, width * 4))
        stem = photo.image.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        field_file = getattr(photo, field)
        field_file.save(
            f"thumbnails/{stem}-{width}.jpg", ContentFile(_jpeg_bytes(thumbnail)), save=False
        )
        # Browsers that read WebP get a file about a third smaller (<picture> in photo.html).
        field_file.storage.save(webp_name(field_file.name), ContentFile(_webp_bytes(thumbnail)))
    type(photo).objects.filter(pk=photo.pk).update(
        **{field: getattr(photo, field).name for field in THUMBNAIL_WIDTHS}
    )
    invalidate(photo)  # update() sends no signal; pages must show the thumbnails


def thumbnail_size(photo, field):
    """Width and height of a thumbnail, computed from the original so pages need no I/O."""
    width = THUMBNAIL_WIDTHS[field]
    if not photo.width or photo.width <= width:
        return photo.width, photo.height
    return width, round(photo.height * width / photo.width)
