from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from livelihood.models import (
    Indicator,
    IndicatorValue,
    Park,
    ParkPhoto,
    Task,
    TaskList,
    TaskUpdate,
)
from livelihood.numbers import cn_quantity
from projects.admin import MARKDOWN_WIDGETS, PhotoInline


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0
    fields = ["number", "title", "kind", "sector", "status", "publication_state"]
    show_change_link = True


@admin.register(TaskList)
class TaskListAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "declared_total", "recorded_tasks", "publication_state"]
    list_filter = ["publication_state"]
    search_fields = ["title"]
    inlines = [TaskInline]
    fields = [
        ("year", "declared_total"),
        "title",
        "summary",
        ("publication_state", "published_at"),
        "source",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(task_count=Count("tasks"))

    @admin.display(description=_("已录入件数"), ordering="task_count")
    def recorded_tasks(self, task_list):
        return task_list.task_count


class TaskUpdateInline(admin.StackedInline):
    model = TaskUpdate
    extra = 1
    fields = [("date", "percent"), "title", "body", ("publication_state", "published_at"), "source"]
    formfield_overrides = MARKDOWN_WIDGETS
    ordering = ["-date", "-pk"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "task_list",
        "number",
        "kind",
        "sector",
        "status",
        "target_display",
        "department",
        "publication_state",
    ]
    list_filter = ["task_list", "kind", "sector", "status", "publication_state", "department"]
    list_select_related = ["task_list", "department"]
    search_fields = ["title", "title_en", "summary", "target_text"]
    autocomplete_fields = ["department", "projects"]
    formfield_overrides = MARKDOWN_WIDGETS
    inlines = [TaskUpdateInline]
    fieldsets = [
        (
            None,
            {"fields": [("task_list", "number"), "kind", "title", "title_en", "summary", "body"]},
        ),
        (_("领域与责任"), {"fields": ["sector", "department", "status", "projects"]}),
        (
            _("目标与完成"),
            {
                "fields": [
                    ("target_qualifier", "target_value", "unit"),
                    "target_text",
                    "achieved_value",
                ]
            },
        ),
        (_("发布"), {"fields": [("publication_state", "published_at"), "source"]}),
    ]

    @admin.display(description=_("目标"))
    def target_display(self, task):
        if task.target_value is not None:
            return cn_quantity(task.target_value, task.unit, task.target_qualifier)
        return task.target_text or "—"


@admin.register(TaskUpdate)
class TaskUpdateAdmin(admin.ModelAdmin):
    list_display = ["title", "task", "date", "percent", "publication_state"]
    list_filter = ["publication_state", "date", "task__sector"]
    list_select_related = ["task"]
    search_fields = ["title", "task__title"]
    autocomplete_fields = ["task"]
    date_hierarchy = "date"
    formfield_overrides = MARKDOWN_WIDGETS


class ParkPhotoInline(PhotoInline):
    model = ParkPhoto
    fields = ["preview", "image", "alt_text", "caption", "kind", "taken_on", "credit", "position"]


@admin.register(Park)
class ParkAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "status",
        "subdistrict",
        "area",
        "located",
        "publication_state",
    ]
    list_filter = ["publication_state", "kind", "status", "subdistrict"]
    list_select_related = ["subdistrict"]
    search_fields = ["name", "name_en", "slug", "address", "facilities"]
    autocomplete_fields = ["subdistrict", "department", "projects"]
    raw_id_fields = ["cover_photo"]
    formfield_overrides = MARKDOWN_WIDGETS
    inlines = [ParkPhotoInline]
    fieldsets = [
        (None, {"fields": ["name", "name_en", "slug", "summary", "body"]}),
        (
            _("分类与管理"),
            {"fields": ["kind", "status", "opened_on", "subdistrict", "department", "projects"]},
        ),
        (_("规模与设施"), {"fields": ["area", "facilities"]}),
        (_("位置"), {"fields": ["address", ("latitude", "longitude"), "cover_photo"]}),
        (_("发布"), {"fields": [("publication_state", "published_at"), "source"]}),
    ]

    @admin.display(description=_("有坐标"), boolean=True)
    def located(self, park):
        return park.has_location


class IndicatorValueInline(admin.TabularInline):
    """Values edited as a table under their indicator, one row per year."""

    model = IndicatorValue
    extra = 1
    fields = [
        "year",
        "period_note",
        "qualifier",
        "value",
        "value_text",
        "source_note",
        "publication_state",
        "published_at",
    ]
    ordering = ["year"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "category", "unit", "latest", "headline"]
    list_filter = ["category", "headline", "better"]
    search_fields = ["name", "name_en", "code", "definition"]
    list_editable = ["headline"]
    inlines = [IndicatorValueInline]
    fieldsets = [
        (None, {"fields": ["name", "name_en", "code", "category", "unit", "definition"]}),
        (_("目标与方向"), {"fields": ["better", ("target_value", "target_note")]}),
        (_("展示"), {"fields": ["headline", "position", "source"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_published_values()

    @admin.display(description=_("最新值"))
    def latest(self, indicator):
        value = indicator.latest_value
        if value is None:
            return "—"
        return value.value_text or f"{value.value.normalize():f}"


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "year", "qualifier", "value", "value_text", "publication_state"]
    list_filter = ["publication_state", "indicator__category", "year"]
    list_select_related = ["indicator"]
    search_fields = ["indicator__name", "indicator__code"]
    autocomplete_fields = ["indicator"]
