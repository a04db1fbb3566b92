import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from projects.images import make_thumbnails, strip_metadata, validate_raster_image


def photo_upload_path(instance, filename):
    """The site names every file; the uploader's file name is never used."""
    return f"photos/{uuid.uuid4().hex}.jpg"


class PhotoKind(models.TextChoices):
    BEFORE = "before", _("改造前")
    DURING = "during", _("施工中")
    AFTER = "after", _("改造后")


class BasePhoto(models.Model):
    """An image with its thumbnails; projects and parks each have their own photos."""

    image = models.ImageField(
        _("照片"),
        upload_to=photo_upload_path,
        width_field="width",
        height_field="height",
        validators=[validate_raster_image],
        help_text=_("JPEG、PNG 或 WebP 照片，不超过 10 MB。"),
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    thumbnail_small = models.ImageField(editable=False, blank=True)
    thumbnail_large = models.ImageField(editable=False, blank=True)
    alt_text = models.CharField(
        _("图片说明（替代文字）"),
        max_length=200,
        help_text=_("用一句话描述照片里看得到的内容，供读屏软件朗读。必填。"),
    )
    caption = models.CharField(_("图注"), max_length=200, blank=True)
    credit = models.CharField(_("摄影/来源"), max_length=100, blank=True)
    taken_on = models.DateField(_("拍摄日期"), null=True, blank=True)
    kind = models.CharField(_("照片类别"), max_length=8, choices=PhotoKind.choices, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        new_image = self.image and not getattr(self.image, "_committed", True)
        if new_image:
            self.image = strip_metadata(self.image)
        super().save(*args, **kwargs)
        if new_image:
            make_thumbnails(self)


class Photo(BasePhoto):
    project = models.ForeignKey(
        "projects.Project", verbose_name=_("项目"), related_name="photos", on_delete=models.CASCADE
    )
    update = models.ForeignKey(
        "projects.ProgressUpdate",
        verbose_name=_("所属进展"),
        related_name="photos",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("照片")
        verbose_name_plural = _("照片")
