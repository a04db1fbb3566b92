"""Publication state shared by everything residents can see.

Residents only ever see rows in the PUBLISHED state whose publication time has come;
the editorial workflow (draft, review, publish) moves rows between the states.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiulongpo.choices import FastChoiceLabels

# While jiulongpo.precompiled compiles a query, published() compares with one of these
# instants, which it then replaces with the request's; otherwise the clock is the real one.
STAND_IN_TIMES = (
    datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=UTC),
    datetime(1902, 3, 4, 5, 6, 7, 890123, tzinfo=UTC),
)
_stopped_at = ContextVar("publication_clock_stopped_at", default=None)


@contextmanager
def publication_clock_stopped_at(instant):
    token = _stopped_at.set(instant)
    try:
        yield
    finally:
        _stopped_at.reset(token)


def publication_time():
    return _stopped_at.get() or timezone.now()


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("草稿")
    REVIEW = "review", _("待审核")
    PUBLISHED = "published", _("已发布")
    UNPUBLISHED = "unpublished", _("已撤回")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            publication_state=PublicationState.PUBLISHED, published_at__lte=publication_time()
        )


class Publishable(FastChoiceLabels):
    publication_state = models.CharField(
        _("发布状态"),
        max_length=12,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
        db_index=True,
        help_text=_("只有“已发布”的内容对居民可见。"),
    )
    published_at = models.DateTimeField(
        _("发布时间"),
        default=timezone.now,
        help_text=_("可设为将来的时间：到时才对居民可见。"),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    review_note = models.TextField(
        _("审核意见"),
        blank=True,
        help_text=_("审核人退回修改时写给编辑的说明。"),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return (
            self.publication_state == PublicationState.PUBLISHED
            and self.published_at <= timezone.now()
        )


SOURCE_REPORT = "九龙坡区2022年民生报道（source/district-report-2022.txt）"


class Sourced(models.Model):
    """Every fact carries where it came from."""

    source = models.CharField(
        _("资料来源"),
        max_length=300,
        blank=True,
        help_text=_("这条信息出自哪份文件或哪个部门，便于核对。"),
    )

    class Meta:
        abstract = True
