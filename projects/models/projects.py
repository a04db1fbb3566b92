from statistics import mean

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Avg, Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from jiulongpo.coordinates import coordinate_errors, latitude_field, longitude_field
from jiulongpo.publishing import Publishable, PublishableQuerySet, Sourced
from jiulongpo.rendered_body import RenderedBody
from jiulongpo.slugs import unique_slug


class SubdistrictKind(models.TextChoices):
    SUBDISTRICT = "subdistrict", _("街道")
    TOWN = "town", _("镇")


class Subdistrict(Sourced):
    name = models.CharField(_("名称"), max_length=40, unique=True)
    slug = models.SlugField(_("网址名"), max_length=60, unique=True, allow_unicode=False)
    kind = models.CharField(_("类别"), max_length=12, choices=SubdistrictKind.choices, blank=True)
    latitude = latitude_field(_("中心纬度"), help_text=_("WGS-84 坐标，用于“附近的公园”。"))
    longitude = longitude_field(_("中心经度"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("街镇")
        verbose_name_plural = _("街镇")

    def __str__(self):
        return self.name

    def clean(self):
        if errors := coordinate_errors(self):
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Subdistrict, self.name, self.pk)
        super().save(*args, **kwargs)


class Department(models.Model):
    """A district department (区住房城乡建委, 区城市管理局 …): editors change only its items."""

    name = models.CharField(_("名称"), max_length=60, unique=True)
    slug = models.SlugField(_("网址名"), max_length=80, unique=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("责任部门")
        verbose_name_plural = _("责任部门")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Department, self.name, self.pk)
        super().save(*args, **kwargs)


class RenewalKind(models.TextChoices):
    OLD_COMPOUND = "compound", _("老旧小区")
    OLD_COMMERCIAL = "commercial", _("老旧商区")
    OLD_FACTORY = "factory", _("老旧厂区")
    OLD_STREET = "street", _("老旧街区")
    AREA = "area", _("片区综合更新")
    BUSINESS_DISTRICT = "business", _("商圈")
    PARK = "park", _("公园")
    ROAD = "road", _("道路交通")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("策划中")
    STARTED = "started", _("已启动")
    UNDER_CONSTRUCTION = "construction", _("建设中")
    COMPLETED = "completed", _("已完工")
    OPEN = "open", _("已开放")


class PilotLevel(models.TextChoices):
    NATIONAL = "national", _("国家级试点")
    MUNICIPAL = "municipal", _("市级试点")
    DISTRICT = "district", _("区级试点")


# What a project's page reads of the rows it links to (a name, a link, the og:image):
# 15 of their 58 columns, in a query built and read in Python on every request.
DETAIL_RELATED_FIELDS = [
    "subdistrict__name",
    "department__name",
    "cover_photo__image",
    "cover_photo__alt_text",
    "cover_photo__width",
    "cover_photo__height",
    "parent__name",
    "parent__name_en",
    "parent__slug",
    "parent__publication_state",
    "parent__published_at",
]


class ProjectQuerySet(PublishableQuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def with_progress(self):
        """Annotate own_progress (latest published percent) and last_update_on."""
        from projects.models.updates import ProgressUpdate

        updates = ProgressUpdate.objects.published().filter(project=OuterRef("pk"))
        latest_percent = updates.filter(percent__isnull=False).order_by("-date", "-pk")
        return self.annotate(
            own_progress=Subquery(latest_percent.values("percent")[:1]),
            last_update_on=Subquery(updates.order_by("-date", "-pk").values("date")[:1]),
        )

    def for_listing(self):
        """What a card needs, in a fixed number of queries however many projects."""
        phases = Project.objects.published().with_progress().order_by("name")
        return (
            self.select_related("subdistrict", "cover_photo", "department")
            .with_progress()
            .prefetch_related(Prefetch("phases", queryset=phases, to_attr="published_phases"))
        )

    def for_cards(self):
        """What a card needs in one query: the phases counted and averaged in SQL.

        A list renders a dozen cards; prefetching every phase row (and building the query
        for it) cost more than the rest of the page together.
        """
        phases = Project.objects.published().filter(parent=OuterRef("pk")).order_by()
        phase_progress = (
            phases.with_progress()
            .values("parent")
            .annotate(mean=Avg("own_progress"))
            .values("mean")
        )
        return (
            self.select_related("subdistrict", "cover_photo")
            .with_progress()
            .annotate(
                phase_count=Subquery(phases.values("parent").annotate(n=Count("pk")).values("n")),
                phases_progress=Subquery(phase_progress),
            )
        )

    def for_detail(self):
        """One project's page: its row with what it links to, and whether it has phases,
        livelihood tasks and a change history.

        The page fetches those itself (projects.detail, jiulongpo.history), each only when
        this row says there is some: most projects have none.
        """
        from jiulongpo.history import history_model
        from livelihood.models import Task

        phases = Project.objects.published().filter(parent=OuterRef("pk"))
        task_links = Task.projects.through.objects.filter(project_id=OuterRef("pk"))
        history = history_model(Project)._default_manager.filter(id=OuterRef("pk"))
        return (
            self.select_related("subdistrict", "cover_photo", "department", "parent")
            .only(*(f.name for f in Project._meta.concrete_fields), *DETAIL_RELATED_FIELDS)
            .annotate(
                has_published_phases=Exists(phases),
                has_task_links=Exists(task_links),
                has_history=Exists(history),
            )
        )


class Project(Publishable, Sourced, RenderedBody):
    name = models.CharField(_("项目名称"), max_length=120)
    name_en = models.CharField(_("英文名称"), max_length=200, blank=True)
    slug = models.SlugField(
        _("网址名"),
        max_length=90,
        unique=True,
        blank=True,
        help_text=_("留空时按名称的拼音自动生成，例如 minzhucun-pianqu。"),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("所属项目"),
        related_name="phases",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("分期项目选择它所属的总项目，例如“民主村一期”属于“民主村片区”。"),
    )
    kind = models.CharField(
        _("更新类别"), max_length=12, choices=RenewalKind.choices, blank=True, db_index=True
    )
    approach_retain = models.BooleanField(_("留"), default=False)
    approach_renovate = models.BooleanField(_("改"), default=False)
    approach_demolish = models.BooleanField(_("拆"), default=False)
    approach_build = models.BooleanField(_("建"), default=False)
    subdistrict = models.ForeignKey(
        Subdistrict,
        verbose_name=_("所在街镇"),
        related_name="projects",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    pilot_level = models.CharField(
        _("试点级别"), max_length=12, choices=PilotLevel.choices, blank=True
    )
    status = models.CharField(
        _("项目状态"), max_length=12, choices=ProjectStatus.choices, blank=True, db_index=True
    )
    planned_start = models.DateField(_("计划开工"), null=True, blank=True)
    planned_finish = models.DateField(_("计划完工"), null=True, blank=True)
    actual_start = models.DateField(_("实际开工"), null=True, blank=True)
    actual_finish = models.DateField(_("实际完工"), null=True, blank=True)
    investment = models.DecimalField(
        _("总投资（万元）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    floor_area = models.DecimalField(
        _("建筑面积（平方米）"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    summary = models.CharField(
        _("摘要"), max_length=300, blank=True, help_text=_("一两句话，显示在列表和搜索结果里。")
    )
    body = MarkdownxField(
        _("详细介绍"), blank=True, help_text=_("支持 Markdown：# 标题、**加粗**、- 列表。")
    )
    cover_photo = models.ForeignKey(
        "projects.Photo",
        verbose_name=_("封面照片"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    latitude = latitude_field(help_text=_("WGS-84 坐标（GPS），不是 GCJ-02。"))
    longitude = longitude_field()
    department = models.ForeignKey(
        Department,
        verbose_name=_("责任部门"),
        related_name="projects",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    featured = models.BooleanField(_("首页推荐"), default=False)
    # Defaults rather than auto_now, so fixtures load without stating these times.
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("修改时间"), default=timezone.now, editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("城市更新项目")
        verbose_name_plural = _("城市更新项目")
        constraints = [
            # Dates come from site reports; a finish before the start is a typing error.
            models.CheckConstraint(
                name="project_actual_finish_after_start",
                condition=Q(actual_finish__isnull=True)
                | Q(actual_start__isnull=True)
                | Q(actual_finish__gte=models.F("actual_start")),
            ),
            models.CheckConstraint(
                name="project_planned_finish_after_start",
                condition=Q(planned_finish__isnull=True)
                | Q(planned_start__isnull=True)
                | Q(planned_finish__gte=models.F("planned_start")),
            ),
            # A map point needs both coordinates or neither.
            models.CheckConstraint(
                name="project_location_complete",
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
            ),
            models.CheckConstraint(
                name="project_not_its_own_parent",
                condition=~Q(parent=models.F("pk")),
            ),
        ]
        indexes = [
            models.Index(fields=["publication_state", "published_at"]),
            # The list's order: page 1 of 10,000 projects reads 12 index entries, not a sort.
            models.Index(fields=["-featured", "name"], name="project_listing_order_idx"),
            # The home page's count per status of public top-level projects, read from the
            # index alone (an index-only scan) instead of every row of the table.
            models.Index(
                fields=["status", "published_at"],
                condition=Q(parent__isnull=True, publication_state="published"),
                name="project_public_status_idx",
            ),
            # The filtered list (kind and status): its count is read from the index alone and
            # its page is the first entries in list order, not every matching row
            # (EXPLAIN on 10,000 synthetic projects: 208 and 622 buffers down to 7 and 15).
            models.Index(
                fields=["kind", "status", "-featured", "name"],
                include=["published_at"],
                condition=Q(publication_state="published"),
                name="project_public_filter_idx",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.actual_start and self.actual_finish and self.actual_finish < self.actual_start:
            errors["actual_finish"] = _("实际完工日期不能早于实际开工日期。")
        if self.planned_start and self.planned_finish and self.planned_finish < self.planned_start:
            errors["planned_finish"] = _("计划完工日期不能早于计划开工日期。")
        errors.update(coordinate_errors(self))
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = _("项目不能属于它自己。")
        elif self.parent and self.parent.parent_id:
            errors["parent"] = _("分期只能挂在总项目下，不能再挂在另一个分期下。")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Project, self.name, self.pk)
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    @property
    def approaches(self):
        flags = [
            (self.approach_retain, _("留")),
            (self.approach_renovate, _("改")),
            (self.approach_demolish, _("拆")),
            (self.approach_build, _("建")),
        ]
        return [label for flag, label in flags if flag]

    @property
    def has_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def published_phase_count(self):
        """How many published phases: counted in SQL by for_cards(), else from the prefetch."""
        if hasattr(self, "phase_count"):
            return self.phase_count or 0
        return len(getattr(self, "published_phases", ()))

    @property
    def progress(self):
        """Percent complete: the phases' mean for a parent, else its latest update's."""
        if getattr(self, "phases_progress", None) is not None:
            return round(self.phases_progress)
        phases = getattr(self, "published_phases", None)
        if phases:
            known = [p.own_progress for p in phases if p.own_progress is not None]
            if known:
                return round(mean(known))
        if hasattr(self, "own_progress"):
            return self.own_progress
        latest = (
            self.updates.published().filter(percent__isnull=False).order_by("-date", "-pk").first()
        )
        return latest.percent if latest else None

    @property
    def last_updated(self):
        """The later of the last edit and the last published progress update."""
        edited = timezone.localtime(self.updated_at).date() if self.updated_at else None
        update_on = getattr(self, "last_update_on", None)
        return max(d for d in (edited, update_on) if d) if (edited or update_on) else None
