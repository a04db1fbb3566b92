from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from jiulongpo.coordinates import coordinate_errors, latitude_field, longitude_field
from jiulongpo.publishing import Publishable, PublishableQuerySet, Sourced
from jiulongpo.rendered_body import RenderedBody
from jiulongpo.slugs import unique_slug
from livelihood.models.naming import localized
from projects.models.photos import BasePhoto


class ParkKind(models.TextChoices):
    CITY = "city", _("城市公园")
    COMMUNITY = "community", _("社区公园")
    SPORTS = "sports", _("社区体育公园")
    THEME = "theme", _("专类园")
    POCKET = "pocket", _("游园/口袋公园")


class ParkStatus(models.TextChoices):
    PLANNED = "planned", _("规划中")
    UNDER_CONSTRUCTION = "construction", _("建设中")
    OPENING_SOON = "opening_soon", _("即将开放")
    BUILT = "built", _("已建成")
    OPEN = "open", _("已开放")


class ParkQuerySet(PublishableQuerySet):
    def located(self):
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def for_listing(self):
        return self.select_related("subdistrict", "cover_photo")

    def with_photo_flag(self):
        """`has_photos` on each park: a park's page asks for its photos only when it has some."""
        return self.annotate(has_photos=Exists(ParkPhoto.objects.filter(park=OuterRef("pk"))))


class Park(Publishable, Sourced, RenderedBody):
    name = models.CharField(_("名称"), max_length=80)
    name_en = models.CharField(_("英文名称"), max_length=160, blank=True)
    slug = models.SlugField(
        _("网址名"),
        max_length=90,
        unique=True,
        blank=True,
        help_text=_("留空时按名称的拼音自动生成。"),
    )
    kind = models.CharField(
        _("类型"), max_length=12, choices=ParkKind.choices, blank=True, db_index=True
    )
    status = models.CharField(
        _("状态"), max_length=14, choices=ParkStatus.choices, blank=True, db_index=True
    )
    subdistrict = models.ForeignKey(
        "projects.Subdistrict",
        verbose_name=_("所在街镇"),
        related_name="parks",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    department = models.ForeignKey(
        "projects.Department",
        verbose_name=_("管理部门"),
        related_name="parks",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    area = models.DecimalField(
        _("面积（平方米）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    opened_on = models.DateField(_("开放日期"), null=True, blank=True)
    facilities = models.CharField(
        _("设施"),
        max_length=300,
        blank=True,
        help_text=_("用顿号分隔，例如：健身器材、儿童游乐、厕所。"),
    )
    address = models.CharField(_("位置描述"), max_length=200, blank=True)
    latitude = latitude_field(
        help_text=_(
            "WGS-84 坐标（GPS），不是 GCJ-02。不知道时留空：公园仍在列表里，只是不上地图。"
        ),
    )
    longitude = longitude_field()
    summary = models.CharField(_("摘要"), max_length=300, blank=True)
    body = MarkdownxField(_("详细介绍"), blank=True)
    cover_photo = models.ForeignKey(
        "livelihood.ParkPhoto",
        verbose_name=_("封面照片"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    projects = models.ManyToManyField(
        "projects.Project",
        verbose_name=_("相关城市更新项目"),
        related_name="parks",
        blank=True,
    )

    objects = ParkQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("公园")
        verbose_name_plural = _("公园")
        constraints = [
            # A map point needs both coordinates or neither.
            models.CheckConstraint(
                name="park_location_complete",
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
            ),
            models.CheckConstraint(
                name="park_area_nonnegative", condition=Q(area__isnull=True) | Q(area__gte=0)
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("parks:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = coordinate_errors(self)
        if self.area is not None and self.area < 0:
            errors["area"] = _("面积不能是负数。")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Park, self.name, self.pk)
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        return localized(self.name, self.name_en)

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def facility_list(self):
        return [f.strip() for f in self.facilities.replace(",", "、").split("、") if f.strip()]


class ParkPhoto(BasePhoto):
    park = models.ForeignKey(
        Park, verbose_name=_("公园"), related_name="photos", on_delete=models.CASCADE
    )
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("公园照片")
        verbose_name_plural = _("公园照片")
