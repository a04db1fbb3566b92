from django.utils.translation import gettext_lazy as _

from jiulongpo.imports.resources.base import StrictMeta, StrictResource, column
from jiulongpo.imports.widgets import (
    LookupWidget,
    StrictDateWidget,
    StrictIntegerWidget,
    StrictTextWidget,
)
from projects.models import ProgressUpdate, Project


class ProgressUpdateResource(StrictResource):
    """Project progress updates; a row with the same project, date and title is updated."""

    project = column(
        "project",
        _("项目网址名"),
        LookupWidget(Project, "slug"),
        _("项目页面地址里的拼音标识，例如 minzhucun-pianqu（见项目数据下载的“网址名”列）。"),
    )
    date = column("date", _("日期"), StrictDateWidget(), _("进展发生的日期，写成 2022-09-30。"))
    title = column("title", _("标题"), StrictTextWidget(), _("一句话说明进展。"))
    percent = column(
        "percent",
        _("完成百分比"),
        StrictIntegerWidget(minimum=0, maximum=100),
        _("0 到 100 的整数，不带 % 号。"),
    )
    body = column("body", _("内容"), StrictTextWidget(required=False), _("可选，详细说明。"))
    source = column(
        "source", _("资料来源"), StrictTextWidget(required=False), _("可选，出自哪份文件。")
    )

    class Meta(StrictMeta):
        model = ProgressUpdate
        name = _("项目进展更新")
        fields = ("project", "date", "title", "percent", "body", "source")
        import_id_fields = ("project", "date", "title")
