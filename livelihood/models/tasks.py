from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField

from jiulongpo.publishing import Publishable, PublishableQuerySet, Sourced
from jiulongpo.rendered_body import RenderedBody
from livelihood.models.naming import localized
from livelihood.numbers import cn_number, cn_quantity
from livelihood.qualifiers import Qualifier


class Sector(models.TextChoices):
    EDUCATION = "education", _("教育")
    HEALTH = "health", _("医疗卫生")
    EMPLOYMENT = "employment", _("就业")
    ELDERLY = "elderly", _("养老")
    CHILDCARE = "childcare", _("扶幼")
    URBAN = "urban", _("城市建设")
    ECOLOGY = "ecology", _("生态环境")
    TRANSPORT = "transport", _("交通")


class TaskStatus(models.TextChoices):
    PLANNED = "planned", _("未开始")
    IN_PROGRESS = "in_progress", _("推进中")
    COMPLETED = "completed", _("已完成")
    DELAYED = "delayed", _("滞后")


class TaskKind(models.TextChoices):
    LISTED = "listed", _("年度民生实事")
    COMMITMENT = "commitment", _("领域工作承诺")


class TaskListQuerySet(PublishableQuerySet):
    def for_year(self, year):
        return self.filter(year=year)

    def latest_year(self):
        return self.order_by("-year").values_list("year", flat=True).first()


class TaskList(Publishable, Sourced):
    """A year's published list of livelihood tasks (2022年十件民生实事)."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    title = models.CharField(_("标题"), max_length=120)
    declared_total = models.PositiveSmallIntegerField(
        _("清单公布的件数"),
        null=True,
        blank=True,
        help_text=_("清单自己说有几件（例如“十件民生实事”填 10）；本站只录入有据可查的几件。"),
    )
    summary = models.TextField(_("简介"), blank=True)

    objects = TaskListQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("年度民生实事清单")
        verbose_name_plural = _("年度民生实事清单")
        constraints = [
            # A list that declares zero tasks is a typing error, not a list.
            models.CheckConstraint(
                name="tasklist_declared_total_positive",
                condition=Q(declared_total__isnull=True) | Q(declared_total__gte=1),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("livelihood:year", kwargs={"year": self.year})

    def clean(self):
        if self.declared_total is not None and self.declared_total < 1:
            raise ValidationError({"declared_total": _("公布的件数至少为 1，不清楚时留空。")})


class TaskQuerySet(PublishableQuerySet):
    def listed(self):
        return self.filter(kind=TaskKind.LISTED)

    def commitments(self):
        return self.filter(kind=TaskKind.COMMITMENT)

    def with_progress(self):
        """Annotate latest_percent (latest published update's) so progress needs no query."""
        latest = (
            TaskUpdate.objects.published()
            .filter(task=OuterRef("pk"), percent__isnull=False)
            .order_by("-date", "-pk")
        )
        return self.annotate(latest_percent=Subquery(latest.values("percent")[:1]))

    def public(self):
        """Published tasks of a published year's list: what residents may see."""
        return self.published().filter(task_list__in=TaskList.objects.published())

    def for_listing(self):
        """Published tasks with what a card needs, in one query however many there are."""
        return (
            self.published()
            .select_related("department", "task_list")
            .with_progress()
            .order_by("number")
        )


class Task(Publishable, Sourced, RenderedBody):
    task_list = models.ForeignKey(
        TaskList, verbose_name=_("所属清单"), related_name="tasks", on_delete=models.CASCADE
    )
    number = models.PositiveSmallIntegerField(
        _("编号"),
        help_text=_("在本年度内的编号，用于网址和排序；报道没有给出序号时按本站顺序编。"),
    )
    kind = models.CharField(
        _("类型"),
        max_length=12,
        choices=TaskKind.choices,
        default=TaskKind.LISTED,
        help_text=_("“年度民生实事”计入清单件数；“领域工作承诺”是报道中各领域的工作。"),
    )
    title = models.CharField(_("标题"), max_length=160)
    title_en = models.CharField(_("英文标题"), max_length=250, blank=True)
    sector = models.CharField(_("领域"), max_length=12, choices=Sector.choices, db_index=True)
    department = models.ForeignKey(
        "projects.Department",
        verbose_name=_("责任部门"),
        related_name="livelihood_tasks",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    target_value = models.DecimalField(
        _("目标数值"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    target_qualifier = models.CharField(
        _("目标限定词"), max_length=8, choices=Qualifier.choices, blank=True
    )
    unit = models.CharField(
        _("单位"), max_length=20, blank=True, help_text=_("目标和完成数共用的单位，如 公里、所。")
    )
    target_text = models.CharField(
        _("目标（文字）"),
        max_length=200,
        blank=True,
        help_text=_("目标不是一个数字时用文字写，例如“示范街开街”。"),
    )
    achieved_value = models.DecimalField(
        _("已完成数值"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("状态"), max_length=12, choices=TaskStatus.choices, blank=True, db_index=True
    )
    summary = models.CharField(_("摘要"), max_length=300, blank=True)
    body = MarkdownxField(_("详细说明"), blank=True)
    projects = models.ManyToManyField(
        "projects.Project",
        verbose_name=_("承担的城市更新项目"),
        related_name="livelihood_tasks",
        blank=True,
    )
    updated_at = models.DateTimeField(_("修改时间"), default=timezone.now, editable=False)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["task_list_id", "number"]
        verbose_name = _("民生实事")
        verbose_name_plural = _("民生实事")
        constraints = [
            # The number is the task's address within its year: /livelihood/2022/3/.
            models.UniqueConstraint(fields=["task_list", "number"], name="task_number_unique"),
            models.CheckConstraint(
                name="task_target_nonnegative",
                condition=Q(target_value__isnull=True) | Q(target_value__gte=0),
            ),
            models.CheckConstraint(
                name="task_achieved_nonnegative",
                condition=Q(achieved_value__isnull=True) | Q(achieved_value__gte=0),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "livelihood:task", kwargs={"year": self.task_list.year, "number": self.number}
        )

    def clean(self):
        errors = {}
        if self.target_value is not None and self.target_value < 0:
            errors["target_value"] = _("目标数值不能是负数。")
        if self.achieved_value is not None and self.achieved_value < 0:
            errors["achieved_value"] = _("已完成数值不能是负数。")
        if (self.target_value is not None or self.achieved_value is not None) and not self.unit:
            errors["unit"] = _("填写了数值时请写上单位。")
        if errors:
            raise ValidationError(errors)
        if self.task_list_id and self.number is not None:
            clash = Task.objects.filter(task_list_id=self.task_list_id, number=self.number)
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError({"number": _("本年度清单里已有这个编号。")})

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    @property
    def display_title(self):
        return localized(self.title, self.title_en)

    @property
    def has_numeric_target(self):
        return self.target_value is not None and self.target_value > 0

    @property
    def progress(self):
        """Percent done: achieved against target when both are numbers, else the latest update's."""
        if self.has_numeric_target and self.achieved_value is not None:
            return min(100, round(self.achieved_value / self.target_value * 100))
        if self.status == TaskStatus.COMPLETED:
            return 100
        latest = getattr(self, "latest_percent", None)
        if latest is None and not hasattr(self, "latest_percent"):
            update = self.updates.published().filter(percent__isnull=False).first()
            latest = update.percent if update else None
        return latest

    @property
    def target_display(self):
        if self.target_value is not None:
            return cn_quantity(self.target_value, self.unit, self.target_qualifier)
        return self.target_text

    @property
    def achieved_display(self):
        return cn_quantity(self.achieved_value, self.unit)

    @property
    def progress_text(self):
        """Counted progress in words, "已完成 6 / 10所", where both numbers are known."""
        if self.has_numeric_target and self.achieved_value is not None:
            return _("已完成 %(done)s / %(target)s%(unit)s") % {
                "done": cn_number(self.achieved_value),
                "target": cn_number(self.target_value),
                "unit": self.unit,
            }
        return ""


class TaskUpdate(Publishable, Sourced, RenderedBody):
    task = models.ForeignKey(
        Task, verbose_name=_("民生实事"), related_name="updates", on_delete=models.CASCADE
    )
    date = models.DateField(_("日期"), help_text=_("进展发生的日期，不是录入日期。"))
    percent = models.PositiveSmallIntegerField(
        _("完成百分比"),
        null=True,
        blank=True,
        help_text=_("0 到 100 的整数；没有量化进度时留空。"),
    )
    title = models.CharField(_("标题"), max_length=120)
    body = MarkdownxField(_("内容"), blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        get_latest_by = ["date", "pk"]
        verbose_name = _("民生实事进展")
        verbose_name_plural = _("民生实事进展")
        constraints = [
            models.CheckConstraint(
                name="taskupdate_percent_0_to_100",
                condition=Q(percent__isnull=True) | Q(percent__gte=0, percent__lte=100),
            ),
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"

    def clean(self):
        if self.percent is not None and not 0 <= self.percent <= 100:
            raise ValidationError({"percent": _("完成百分比必须在 0 到 100 之间。")})
