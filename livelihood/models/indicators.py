from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jiulongpo.publishing import Publishable, Sourced
from livelihood.models.naming import localized
from livelihood.numbers import cn_quantity
from livelihood.qualifiers import Qualifier


class IndicatorCategory(models.TextChoices):
    ECOLOGY = "ecology", _("生态环境")
    GREENERY = "greenery", _("园林绿化")
    RENEWAL = "renewal", _("城市更新")
    ROADS = "roads", _("道路与停车")
    MANAGEMENT = "management", _("城市管理")
    EDUCATION = "education", _("教育")
    ELDERLY = "elderly", _("养老")
    CHILDCARE = "childcare", _("扶幼")
    CULTURE = "culture", _("文化旅游")


class Betterness(models.TextChoices):
    HIGHER = "higher", _("越高越好")
    LOWER = "lower", _("越低越好")
    NEUTRAL = "neutral", _("无好坏之分")


TILE_VALUE_FIELDS = ("year", "period_note", "value", "qualifier", "value_text")


class IndicatorQuerySet(models.QuerySet):
    def with_published_values(self):
        """Each indicator with its published values, oldest first, in one extra query."""
        values = IndicatorValue.objects.published().order_by("year", "pk")
        return self.prefetch_related(
            Prefetch("values", queryset=values, to_attr="published_values")
        )

    def with_latest_published_value(self):
        """Each indicator with only its newest published value, for tiles that show one.

        Lists of many indicators used to load every year of every indicator to keep the last.
        """
        published = IndicatorValue.objects.published()
        newer = published.filter(indicator=OuterRef("indicator"), year__gt=OuterRef("year"))
        # One value per indicator and year (a constraint), so "no newer year" is one row;
        # no ORDER BY, which would join the indicators again for IndicatorValue's ordering.
        values = published.filter(~Exists(newer)).order_by()
        return self.prefetch_related(
            Prefetch("values", queryset=values, to_attr="latest_published_values")
        )

    def for_tiles(self):
        """Each indicator with its newest published value's fields, for the figures list.

        The value's fields come as newest_year, newest_period_note, newest_value,
        newest_qualifier and newest_value_text (all None without a published value), read with
        the indicator in one query: no IndicatorValue rows, no second query.
        """
        newest = (
            IndicatorValue.objects.published().filter(indicator=OuterRef("pk")).order_by("-year")
        )
        # One subquery per field, each a step back along indicator_value_per_year to the first
        # published year, so the cost follows the number of indicators, not of years (1.5 ms
        # for 200 × 20 on PostgreSQL; the NOT EXISTS prefetch took 6 ms). A join on the newest
        # row was no faster: PostgreSQL hashed every value of every year for it.
        return self.only("code", "name", "name_en", "unit", "category").annotate(
            **{f"newest_{name}": Subquery(newest.values(name)[:1]) for name in TILE_VALUE_FIELDS}
        )

    def headline(self):
        return self.filter(headline=True)


class Indicator(Sourced):
    """A figure the district measures (人均公园绿地面积); its values are IndicatorValue rows."""

    code = models.SlugField(
        _("代码"),
        max_length=60,
        unique=True,
        help_text=_("稳定的英文代码，用于网址 /figures/<代码>/，例如 park-green-per-capita。"),
    )
    name = models.CharField(_("名称"), max_length=80)
    name_en = models.CharField(_("英文名称"), max_length=160, blank=True)
    unit = models.CharField(
        _("单位"), max_length=20, blank=True, help_text=_("基本单位，如 平方米、天、个、%。")
    )
    category = models.CharField(
        _("类别"), max_length=12, choices=IndicatorCategory.choices, db_index=True
    )
    definition = models.TextField(_("定义"), blank=True)
    better = models.CharField(
        _("方向"), max_length=8, choices=Betterness.choices, default=Betterness.HIGHER
    )
    target_value = models.DecimalField(
        _("目标值"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    target_note = models.CharField(
        _("目标说明"), max_length=200, blank=True, help_text=_("目标出自哪里、哪一年要达到。")
    )
    headline = models.BooleanField(_("首页展示"), default=False)
    position = models.PositiveSmallIntegerField(_("排序"), default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["category", "position", "code"]
        verbose_name = _("统计指标")
        verbose_name_plural = _("统计指标")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("figures:detail", kwargs={"code": self.code})

    @property
    def display_name(self):
        return localized(self.name, self.name_en)

    @property
    def latest_value(self):
        values = getattr(self, "latest_published_values", None)
        if values is None:
            values = getattr(self, "published_values", None)
        if values is None:
            values = list(self.values.published().order_by("year", "pk"))
        return values[-1] if values else None

    @property
    def target_display(self):
        return cn_quantity(self.target_value, self.unit)


class IndicatorValue(Publishable, Sourced):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("指标"), related_name="values", on_delete=models.CASCADE
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    period_note = models.CharField(
        _("时段说明"),
        max_length=60,
        blank=True,
        help_text=_("例如“截至目前”“今年以来”，说明这个数字统计到什么时候。"),
    )
    value = models.DecimalField(_("数值"), max_digits=18, decimal_places=4, null=True, blank=True)
    qualifier = models.CharField(
        _("限定词"),
        max_length=8,
        choices=Qualifier.choices,
        blank=True,
        help_text=_("报道写“约”“超过”“余”时照录，不要改成准确数。"),
    )
    value_text = models.CharField(
        _("文字值"),
        max_length=60,
        blank=True,
        help_text=_("不是数字的值，例如水质“Ⅱ类”。"),
    )
    source_note = models.CharField(_("出处说明"), max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "year", "pk"]
        verbose_name = _("指标数值")
        verbose_name_plural = _("指标数值")
        constraints = [
            # One figure per indicator and year, so a chart has one point per year.
            models.UniqueConstraint(fields=["indicator", "year"], name="indicator_value_per_year"),
            models.CheckConstraint(
                name="indicator_value_present",
                condition=Q(value__isnull=False) | ~Q(value_text=""),
            ),
        ]

    def __str__(self):
        return f"{self.indicator} {self.year}"

    @property
    def display(self):
        """How a page says it: 5059万平方米, 超过300天, 稳定达到地表水Ⅱ类."""
        if self.value is None:
            return self.value_text
        return cn_quantity(self.value, self.indicator.unit, self.qualifier)

    def clean(self):
        if self.value is None and not self.value_text:
            raise ValidationError({"value": _("请填写数值，或在“文字值”里写明。")})
        if self.indicator_id and self.year:
            clash = IndicatorValue.objects.filter(indicator_id=self.indicator_id, year=self.year)
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError({"year": _("这个指标这一年已经有数值了。")})
