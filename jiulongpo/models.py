"""Who edits for which department, and edits to published content awaiting review."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiulongpo.publishing import PublicationState
from jiulongpo.search.models import SearchDocument  # noqa: F401  (issue 6: search index)


class EditorProfile(models.Model):
    """An editor belongs to one or more departments and changes only their content."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        related_name="editor_profile",
        on_delete=models.CASCADE,
    )
    departments = models.ManyToManyField(
        "projects.Department",
        verbose_name=_("所属部门"),
        related_name="editors",
        blank=True,
        help_text=_("编辑只能修改这些部门负责的项目、任务和公园。"),
    )

    class Meta:
        verbose_name = _("编辑所属部门")
        verbose_name_plural = _("编辑所属部门")
        permissions = [("change_any_department", _("可修改所有部门的内容"))]

    def __str__(self):
        return str(self.user)


class PendingRevision(models.Model):
    """Changes an editor made to already-published content, kept apart until published.

    The live row keeps what residents see; publishing applies these values to it.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(_("修改内容"), default=dict)
    state = models.CharField(
        _("状态"),
        max_length=12,
        choices=[
            (PublicationState.DRAFT, _("草稿")),
            (PublicationState.REVIEW, _("待审核")),
        ],
        default=PublicationState.DRAFT,
    )
    review_note = models.TextField(_("审核意见"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("修改人"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
    )
    updated_at = models.DateTimeField(_("修改时间"), default=timezone.now)

    class Meta:
        verbose_name = _("待发布的修改")
        verbose_name_plural = _("待发布的修改")
        constraints = [
            # One pending revision per published item: later edits extend it.
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_revision_per_item"
            )
        ]

    def __str__(self):
        return f"{self.content_type} #{self.object_id}"


# --- Content under the workflow: history and department scoping -----------------------------
# Registered here (not on the models) so every app's content gets the same treatment and the
# history tables live with the workflow that reads them.
from django.db.models.signals import pre_save  # noqa: E402
from simple_history import register as track_history  # noqa: E402

from jiulongpo.rendered_body import RenderedBody  # noqa: E402
from jiulongpo.workflow import scope  # noqa: E402
from jiulongpo.workflow.guard import guard_save  # noqa: E402
from livelihood import models as livelihood  # noqa: E402
from projects.models import Photo, ProgressUpdate, Project  # noqa: E402

HISTORY_OPTIONS = {"app": "jiulongpo", "user_related_name": "+"}


def history_excluded_fields(model):
    # body_html follows body: the history (and 更新记录) records the body change alone.
    return ["updated_at", *(["body_html"] if issubclass(model, RenderedBody) else [])]


# Publishable content: full history; None means no department (reviewers and statisticians).
for model, department_path in [
    (Project, "department"),
    (ProgressUpdate, "project__department"),
    (livelihood.TaskList, None),
    (livelihood.Task, "department"),
    (livelihood.TaskUpdate, "task__department"),
    (livelihood.Park, "department"),
    (livelihood.IndicatorValue, None),
]:
    track_history(model, excluded_fields=history_excluded_fields(model), **HISTORY_OPTIONS)
    pre_save.connect(guard_save, sender=model, dispatch_uid=f"workflow-guard-{model.__name__}")
    if department_path:
        scope.register(model, department_path)
scope.register(Photo, "project__department")
scope.register(livelihood.ParkPhoto, "park__department")
