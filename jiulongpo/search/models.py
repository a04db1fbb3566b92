from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchDocumentQuerySet(models.QuerySet):
    def live(self):
        """Documents residents may find: their content is published and its time has come."""
        return self.filter(published_at__lte=timezone.now())


class SearchDocument(models.Model):
    """One row per searchable object, written whenever the object is saved.

    Only published content has a document; a document whose publication time is still to
    come stays hidden until then. `tokens` holds the jieba-segmented text; on PostgreSQL
    `vector` is its tsvector ('simple' configuration, since jieba already did the
    language work), GIN-indexed.
    """

    kind = models.CharField(_("类别"), max_length=30, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(_("标题"), max_length=300)
    title_en = models.CharField(_("英文标题"), max_length=300, blank=True)
    summary = models.TextField(_("摘要"), blank=True)
    body = models.TextField(_("正文（纯文本）"), blank=True)
    url = models.CharField(_("网址"), max_length=300)
    published_at = models.DateTimeField(_("发布时间"), db_index=True)
    title_tokens = models.TextField(blank=True)
    tokens = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(_("索引时间"), default=timezone.now)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("搜索索引条目")
        verbose_name_plural = _("搜索索引条目")
        constraints = [
            # One document per object: re-indexing replaces, never duplicates.
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_document_one_per_object"
            ),
        ]
        # Created on PostgreSQL only (see the migration); SQLite searches `tokens`.
        # fastupdate off: with it on, new documents wait in a pending list that every search
        # reads in full until a VACUUM, and the planner then prefers a sequential scan that
        # decompresses every document's tsvector (20 ms instead of 1 ms for a common word).
        indexes = [GinIndex(fields=["vector"], name="search_document_vector_gin", fastupdate=False)]

    def __str__(self):
        return self.title
