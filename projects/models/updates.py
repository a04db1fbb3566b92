from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from jiulongpo.publishing import Publishable, Sourced
from jiulongpo.rendered_body import RenderedBody


class ProgressUpdate(Publishable, Sourced, RenderedBody):
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("项目"),
        related_name="updates",
        on_delete=models.CASCADE,
    )
    date = models.DateField(_("日期"), help_text=_("进展发生的日期，不是录入日期。"))
    percent = models.PositiveSmallIntegerField(
        _("完成百分比"),
        null=True,
        blank=True,
        help_text=_("0 到 100 之间的整数；没有量化进度时留空。项目进度取最新一条已发布的百分比。"),
    )
    title = models.CharField(_("标题"), max_length=120)
    body = MarkdownxField(_("内容"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("修改时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date", "-pk"]
        get_latest_by = ["date", "pk"]
        verbose_name = _("进展更新")
        verbose_name_plural = _("进展更新")
        constraints = [
            models.CheckConstraint(
                name="update_percent_0_to_100",
                condition=Q(percent__isnull=True) | Q(percent__gte=0, percent__lte=100),
            ),
        ]
        indexes = [
            models.Index(fields=["project", "publication_state", "-date"]),
            # "Latest progress" on the home page and the feed: newest first across all projects.
            models.Index(fields=["-date", "-id"], name="update_latest_idx"),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_absolute_url(self):
        return f"{self.project.get_absolute_url()}#update-{self.pk}"

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    def clean(self):
        if self.percent is not None and not 0 <= self.percent <= 100:
            raise ValidationError({"percent": _("完成百分比必须在 0 到 100 之间。")})
