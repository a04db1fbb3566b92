"""Renewal projects and their progress updates."""

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiulongpo.opendata.columns import SOURCE, UPDATED_AT, Bound, Column, Kind, path_url
from jiulongpo.opendata.registry import Dataset, register
from jiulongpo.publishing import SOURCE_REPORT, PublicationState
from projects.filters import KeywordFilterSet, ProjectFilter, subdistrict_filter
from projects.models import (
    PilotLevel,
    ProgressUpdate,
    Project,
    ProjectStatus,
    RenewalKind,
)


def public_parent(row):
    """The parent's name only while the parent itself is public, as on the project page."""
    if row["parent__publication_state"] != PublicationState.PUBLISHED:
        return ""
    return row["parent__name"] if row["parent__published_at"] <= timezone.now() else ""


def approaches():
    flags = ["approach_retain", "approach_renovate", "approach_demolish", "approach_build"]
    labels = [str(_("留")), str(_("改")), str(_("拆")), str(_("建"))]
    pairs = list(zip(flags, labels, strict=True))
    return lambda row: "、".join(label for flag, label in pairs if row[flag])


register(
    Dataset(
        slug="projects",
        title=_("城市更新项目"),
        description=_(
            "九龙坡区“四老”（老旧小区、商区、厂区、街区）更新及相关项目："
            "类别、状态、工期、投资、位置和最新进度。与“城市更新项目”列表页的筛选条件相同。"
        ),
        source=SOURCE_REPORT,
        queryset=lambda: Project.objects.published(),
        extras=lambda projects: projects.with_progress(),
        filterset=ProjectFilter,
        ordering=("-featured", "name"),
        page_url=lambda: reverse("projects:list"),
        columns=(
            Column("name", _("项目名称"), _("项目的中文名称。"), width=28),
            Column("slug", _("网址名"), _("项目页面地址中的拼音标识，可作唯一编号。"), width=24),
            Column(
                "parent",
                _("所属项目"),
                _("分期项目所属的总项目；总项目留空。"),
                needs=("parent__name", "parent__publication_state", "parent__published_at"),
                get=public_parent,
                width=20,
            ),
            Column(
                "kind",
                _("更新类别"),
                _("老旧小区、老旧商区、老旧厂区、老旧街区等。"),
                choices=RenewalKind,
            ),
            Column(
                "approaches",
                _("更新方式"),
                _("留、改、拆、建中采用的方式，用顿号分隔。"),
                needs=(
                    "approach_retain",
                    "approach_renovate",
                    "approach_demolish",
                    "approach_build",
                ),
                get=Bound(approaches),
            ),
            Column(
                "subdistrict",
                _("所在街镇"),
                _("项目所在的街道或镇。"),
                field="subdistrict__name",
            ),
            Column("pilot_level", _("试点级别"), _("国家级、市级或区级试点。"), choices=PilotLevel),
            Column(
                "status",
                _("项目状态"),
                _("策划中、已启动、建设中、已完工或已开放。"),
                choices=ProjectStatus,
            ),
            Column(
                "department",
                _("责任部门"),
                _("负责项目的区级部门。"),
                field="department__name",
                width=20,
            ),
            Column("planned_start", _("计划开工"), _("计划开工日期。"), Kind.DATE, width=12),
            Column("planned_finish", _("计划完工"), _("计划完工日期。"), Kind.DATE, width=12),
            Column("actual_start", _("实际开工"), _("实际开工日期。"), Kind.DATE, width=12),
            Column("actual_finish", _("实际完工"), _("实际完工日期。"), Kind.DATE, width=12),
            Column("investment", _("总投资（万元）"), _("项目总投资，单位万元。"), Kind.DECIMAL),
            Column(
                "floor_area",
                _("建筑面积（平方米）"),
                _("项目涉及的建筑面积，单位平方米。"),
                Kind.DECIMAL,
            ),
            Column(
                "progress",
                _("最新进度（%）"),
                _("最近一条已发布进展的完成百分比（0–100）。"),
                Kind.INTEGER,
                field="own_progress",
            ),
            Column(
                "last_update_on",
                _("最近进展日期"),
                _("最近一条已发布进展的日期。"),
                Kind.DATE,
                width=12,
            ),
            Column("latitude", _("纬度"), _("WGS-84 纬度。"), Kind.DECIMAL, width=11),
            Column("longitude", _("经度"), _("WGS-84 经度。"), Kind.DECIMAL, width=11),
            Column("summary", _("摘要"), _("一两句话的项目简介。"), width=40),
            SOURCE,
            Column(
                "url",
                _("页面地址"),
                _("本站项目页面的路径。"),
                width=30,
                **path_url("projects:detail", "slug"),
            ),
            UPDATED_AT,
        ),
    )
)


class ProgressUpdateFilter(KeywordFilterSet):
    """The filters of a project's timeline, plus place and year for the whole district."""

    text_fields = ("title", "project__name")
    project = django_filters.ModelChoiceFilter(
        label=_("项目"),
        # A callable, so "published" is judged at request time, not at import time.
        queryset=lambda request: Project.objects.published(),
        to_field_name="slug",
        empty_label=_("全部项目"),
    )
    subdistrict = subdistrict_filter("project__subdistrict")
    year = django_filters.NumberFilter(label=_("年份"), field_name="date", lookup_expr="year")

    class Meta:
        model = ProgressUpdate
        fields = ["q", "project", "subdistrict", "year"]


register(
    Dataset(
        slug="progress-updates",
        title=_("项目进展更新"),
        description=_(
            "各城市更新项目已发布的进展：日期、完成百分比、标题和内容。"
            "可按项目（project=网址名）、街镇、年份筛选，与项目页面的进展时间线一致。"
        ),
        source=SOURCE_REPORT,
        queryset=lambda: ProgressUpdate.objects.published().filter(
            project__in=Project.objects.published()
        ),
        filterset=ProgressUpdateFilter,
        ordering=("-date", "-pk"),
        page_url=lambda: reverse("projects:list"),
        columns=(
            Column(
                "project", _("项目名称"), _("进展所属的项目。"), field="project__name", width=28
            ),
            Column(
                "project_slug",
                _("项目网址名"),
                _("项目的拼音标识，与项目数据集的“网址名”对应。"),
                field="project__slug",
                width=24,
            ),
            Column(
                "subdistrict",
                _("所在街镇"),
                _("项目所在的街道或镇。"),
                field="project__subdistrict__name",
            ),
            Column("date", _("日期"), _("进展发生的日期。"), Kind.DATE, width=12),
            Column(
                "percent", _("完成百分比"), _("0 到 100 的整数；没有量化进度时为空。"), Kind.INTEGER
            ),
            Column("title", _("标题"), _("进展的标题。"), width=30),
            Column("body", _("内容"), _("进展的详细说明（Markdown 文本）。"), width=50),
            SOURCE,
            UPDATED_AT,
        ),
    )
)
