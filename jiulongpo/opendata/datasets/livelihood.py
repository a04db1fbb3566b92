"""Livelihood tasks, parks, indicators and indicator values."""

import django_filters
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from jiulongpo.opendata.columns import SOURCE, UPDATED_AT, Column, Kind
from jiulongpo.opendata.registry import Dataset, register
from jiulongpo.publishing import SOURCE_REPORT
from livelihood.filters import ParkFilter
from livelihood.models import (
    Betterness,
    Indicator,
    IndicatorCategory,
    IndicatorValue,
    Park,
    ParkKind,
    ParkStatus,
    Qualifier,
    Sector,
    Task,
    TaskKind,
    TaskList,
    TaskStatus,
)
from projects.filters import KeywordFilterSet


def page(name, **kwargs):
    """The list page a dataset comes from, if the livelihood pages are installed yet."""

    def url():
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            return None

    return url


class TaskFilter(KeywordFilterSet):
    text_fields = ("title", "summary", "target_text")
    year = django_filters.NumberFilter(label=_("年度"), field_name="task_list__year")
    sector = django_filters.ChoiceFilter(label=_("领域"), choices=Sector.choices)
    status = django_filters.ChoiceFilter(label=_("状态"), choices=TaskStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("类型"), choices=TaskKind.choices)

    class Meta:
        model = Task
        fields = ["q", "year", "sector", "status", "kind"]


def task_progress(row):
    """The task's own rule (Task.progress), applied to a plain row."""
    task = Task(
        target_value=row["target_value"],
        achieved_value=row["achieved_value"],
        status=row["status"],
    )
    task.latest_percent = row["latest_percent"]
    return task.progress


def export_tasks():
    return Task.objects.published().filter(task_list__in=TaskList.objects.published())


register(
    Dataset(
        slug="tasks",
        title=_("民生实事"),
        description=_(
            "各年度民生实事清单中的任务：领域、责任部门、目标、完成数和进度。"
            "可按年度（year）、领域（sector）、状态（status）、类型（kind）筛选。"
        ),
        source=SOURCE_REPORT,
        queryset=export_tasks,
        extras=lambda tasks: tasks.with_progress(),
        filterset=TaskFilter,
        ordering=("-task_list__year", "number"),
        page_url=page("livelihood:latest"),
        columns=(
            Column(
                "year",
                _("年度"),
                _("任务所属清单的年度。"),
                Kind.INTEGER,
                field="task_list__year",
                width=8,
            ),
            Column("number", _("编号"), _("任务在本年度清单中的编号。"), Kind.INTEGER, width=8),
            Column(
                "kind", _("类型"), _("年度民生实事，或报道中的领域工作承诺。"), choices=TaskKind
            ),
            Column("title", _("标题"), _("任务名称。"), width=36),
            Column("sector", _("领域"), _("教育、医疗卫生、就业、养老等。"), choices=Sector),
            Column(
                "department",
                _("责任部门"),
                _("负责任务的区级部门。"),
                field="department__name",
                width=20,
            ),
            Column(
                "target_qualifier",
                _("目标限定词"),
                _("报道对目标的限定：约、超过、余；准确数为空。"),
                choices=Qualifier,
            ),
            Column("target_value", _("目标数值"), _("目标的数量，单位见“单位”列。"), Kind.DECIMAL),
            Column("unit", _("单位"), _("目标数值和已完成数值的单位。"), width=10),
            Column("target_text", _("目标（文字）"), _("目标不是数字时的文字说明。"), width=30),
            Column(
                "achieved_value", _("已完成数值"), _("已完成的数量，单位见“单位”列。"), Kind.DECIMAL
            ),
            Column(
                "progress",
                _("进度（%）"),
                _("已完成数值占目标的百分比；没有数字目标时取最新进展的百分比。"),
                Kind.INTEGER,
                needs=("target_value", "achieved_value", "status", "latest_percent"),
                get=task_progress,
            ),
            Column("status", _("状态"), _("未开始、推进中、已完成或滞后。"), choices=TaskStatus),
            Column("summary", _("摘要"), _("任务的简要说明。"), width=40),
            SOURCE,
            UPDATED_AT,
        ),
    )
)


register(
    Dataset(
        slug="parks",
        title=_("公园"),
        description=_(
            "九龙坡区的城市公园、社区公园、社区体育公园和口袋公园：类型、状态、面积、设施和位置。"
            "可按类型（kind）、状态（status）、街镇（subdistrict）筛选。"
        ),
        source=SOURCE_REPORT,
        queryset=lambda: Park.objects.published(),
        filterset=ParkFilter,
        ordering=("name",),
        updated_field="published_at",
        page_url=page("parks:list"),
        columns=(
            Column("name", _("名称"), _("公园名称。"), width=24),
            Column("slug", _("网址名"), _("公园页面地址中的拼音标识。"), width=22),
            Column("kind", _("类型"), _("城市公园、社区公园、社区体育公园等。"), choices=ParkKind),
            Column("status", _("状态"), _("规划中、建设中、已开放等。"), choices=ParkStatus),
            Column(
                "subdistrict", _("所在街镇"), _("公园所在的街道或镇。"), field="subdistrict__name"
            ),
            Column(
                "department",
                _("管理部门"),
                _("管理公园的部门。"),
                field="department__name",
                width=20,
            ),
            Column("area", _("面积（平方米）"), _("公园面积，单位平方米。"), Kind.DECIMAL),
            Column("opened_on", _("开放日期"), _("向公众开放的日期。"), Kind.DATE, width=12),
            Column("facilities", _("设施"), _("用顿号分隔的设施清单。"), width=30),
            Column("address", _("位置描述"), _("公园位置的文字描述。"), width=30),
            Column("latitude", _("纬度"), _("WGS-84 纬度。"), Kind.DECIMAL, width=11),
            Column("longitude", _("经度"), _("WGS-84 经度。"), Kind.DECIMAL, width=11),
            Column("summary", _("摘要"), _("公园的简要介绍。"), width=40),
            SOURCE,
        ),
    )
)


class IndicatorFilter(KeywordFilterSet):
    text_fields = ("name", "code", "definition")
    category = django_filters.ChoiceFilter(label=_("类别"), choices=IndicatorCategory.choices)

    class Meta:
        model = Indicator
        fields = ["q", "category"]


register(
    Dataset(
        slug="indicators",
        title=_("统计指标"),
        description=_(
            "衡量生活品质的统计指标：代码、名称、单位、定义、方向和目标。各年数值见“指标数值”。"
        ),
        source=SOURCE_REPORT,
        queryset=lambda: Indicator.objects.all(),
        filterset=IndicatorFilter,
        ordering=("category", "position", "code"),
        updated_field="values__published_at",
        page_url=page("figures:list"),
        columns=(
            Column("code", _("代码"), _("指标的稳定英文代码，与“指标数值”的代码对应。"), width=24),
            Column("name", _("名称"), _("指标名称。"), width=24),
            Column("unit", _("单位"), _("数值的单位。"), width=10),
            Column(
                "category",
                _("类别"),
                _("生态环境、园林绿化、城市更新等。"),
                choices=IndicatorCategory,
            ),
            Column("definition", _("定义"), _("指标的含义和统计口径。"), width=40),
            Column("better", _("方向"), _("越高越好、越低越好或无好坏之分。"), choices=Betterness),
            Column("target_value", _("目标值"), _("要达到的数值。"), Kind.DECIMAL),
            Column("target_note", _("目标说明"), _("目标出自哪里、哪一年要达到。"), width=30),
            SOURCE,
        ),
    )
)


class IndicatorValueFilter(KeywordFilterSet):
    text_fields = ("indicator__name", "indicator__code")
    indicator = django_filters.ModelChoiceFilter(
        label=_("指标"), queryset=Indicator.objects.all(), to_field_name="code"
    )
    category = django_filters.ChoiceFilter(
        label=_("类别"), field_name="indicator__category", choices=IndicatorCategory.choices
    )
    year = django_filters.NumberFilter(label=_("年度"))

    class Meta:
        model = IndicatorValue
        fields = ["q", "indicator", "category", "year"]


register(
    Dataset(
        slug="indicator-values",
        title=_("指标数值"),
        description=_(
            "各统计指标每年的数值，连同限定词（约、超过、余）和出处。"
            "可按指标代码（indicator）、类别（category）、年度（year）筛选。"
        ),
        source=SOURCE_REPORT,
        queryset=lambda: IndicatorValue.objects.published(),
        filterset=IndicatorValueFilter,
        ordering=("indicator__category", "indicator__position", "indicator__code", "year"),
        updated_field="published_at",
        page_url=page("figures:list"),
        columns=(
            Column(
                "indicator",
                _("指标代码"),
                _("指标的英文代码。"),
                field="indicator__code",
                width=24,
            ),
            Column(
                "indicator_name",
                _("指标名称"),
                _("指标名称。"),
                field="indicator__name",
                width=24,
            ),
            Column("year", _("年度"), _("数值所属的年度。"), Kind.INTEGER, width=8),
            Column("period_note", _("时段说明"), _("数值统计到什么时候，如“截至目前”。"), width=14),
            Column(
                "qualifier",
                _("限定词"),
                _("报道对数值的限定：约、超过、余；准确数为空。"),
                choices=Qualifier,
            ),
            Column("value", _("数值"), _("指标的数值；不是数字时为空，见“文字值”。"), Kind.DECIMAL),
            Column("unit", _("单位"), _("数值的单位。"), field="indicator__unit", width=10),
            Column("value_text", _("文字值"), _("不是数字的值，例如水质类别。"), width=12),
            Column("source_note", _("出处说明"), _("数值出自报道的哪一部分。"), width=30),
            SOURCE,
        ),
    )
)
