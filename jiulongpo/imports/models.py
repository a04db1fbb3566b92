from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """One committed spreadsheet import: who brought in which file, and what it changed."""

    dataset = models.CharField(_("数据"), max_length=80)
    file_name = models.CharField(_("文件名"), max_length=255)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("导入人"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
    )
    imported_at = models.DateTimeField(_("导入时间"), default=timezone.now, db_index=True)
    total_rows = models.PositiveIntegerField(_("总行数"), default=0)
    new_rows = models.PositiveIntegerField(_("新增"), default=0)
    changed_rows = models.PositiveIntegerField(_("修改"), default=0)
    unchanged_rows = models.PositiveIntegerField(_("未变"), default=0)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("导入记录")
        verbose_name_plural = _("导入记录")

    def __str__(self):
        return f"{self.dataset} · {self.file_name}"
