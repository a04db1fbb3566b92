from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jiulongpo.imports.resources.base import ChoiceWidget, StrictMeta, StrictResource, column
from jiulongpo.imports.widgets import (
    LookupWidget,
    StrictDecimalWidget,
    StrictIntegerWidget,
    StrictTextWidget,
)
from livelihood.models import Indicator, IndicatorValue, Qualifier, Task, TaskList, TaskStatus


def optional_text(attribute, label, help_text):
    return column(attribute, label, StrictTextWidget(required=False), help_text)


class TaskProgressResource(StrictResource):
    """Moves existing tasks' progress (achieved value and status); never creates a task."""

    task_list = column(
        "task_list", _("年度"), LookupWidget(TaskList, "year"), _("清单的年度，例如 2022。")
    )
    number = column(
        "number", _("编号"), StrictIntegerWidget(minimum=1), _("任务在该年度清单中的编号。")
    )
    achieved_value = column(
        "achieved_value",
        _("已完成数值"),
        StrictDecimalWidget(minimum=0),
        _("只填数字，单位与网站上该任务的单位相同；不要写“约”或单位。"),
    )
    status = column(
        "status",
        _("状态"),
        ChoiceWidget(TaskStatus),
        _("未开始、推进中、已完成或滞后。"),
    )

    class Meta(StrictMeta):
        model = Task
        name = _("民生实事进度")
        fields = ("task_list", "number", "achieved_value", "status")
        import_id_fields = ("task_list", "number")

    def init_instance(self, row=None):
        def cell(name):
            return row.get(self.fields[name].column_name)

        raise ValidationError(
            gettext(
                "网站上没有这件民生实事（年度 %(year)s，编号 %(number)s）；"
                "导入只更新已有任务的进度。"
            )
            % {"year": cell("task_list"), "number": cell("number")}
        )


class IndicatorValueResource(StrictResource):
    """One value per indicator and year; a row for an existing year changes that value."""

    indicator = column(
        "indicator",
        _("指标代码"),
        LookupWidget(Indicator, "code"),
        _("指标的英文代码，见“统计指标”数据下载的“代码”列，例如 good-air-days。"),
    )
    year = column(
        "year", _("年度"), StrictIntegerWidget(minimum=1949, maximum=2100), _("例如 2022。")
    )
    value = column(
        "value",
        _("数值"),
        StrictDecimalWidget(),
        _("只填阿拉伯数字（如 300），约、超过、余写在“限定词”列。"),
    )
    qualifier = column(
        "qualifier",
        _("限定词"),
        ChoiceWidget(Qualifier, required=False),
        _("约、超过或余；准确数留空。"),
    )
    period_note = optional_text("period_note", _("时段说明"), _("可选，例如“截至目前”。"))
    source_note = optional_text("source_note", _("出处说明"), _("可选，数值出自报道哪一部分。"))
    source = optional_text("source", _("资料来源"), _("可选，出自哪份文件。"))

    class Meta(StrictMeta):
        model = IndicatorValue
        name = _("指标数值")
        fields = ("indicator", "year", "value", "qualifier", "period_note", "source_note", "source")
        import_id_fields = ("indicator", "year")
