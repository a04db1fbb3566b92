"""Which models are searchable and how a row becomes a search document.

Each searchable model registers once (see jiulongpo/search/documents.py):

    register("project", _("城市更新项目"), Project, project_document,
             queryset=lambda: Project.objects.select_related("subdistrict"),
             follows={ProgressUpdate: lambda update: [update.project]})

`to_document(obj)` returns a `Document`, or None when the object is not public (its
document is then removed). `follows` lists other models whose changes alter this model's
documents. Signals keep the index in step with every save and delete.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import override

from jiulongpo.markdown import render_markdown
from jiulongpo.search.models import SearchDocument
from jiulongpo.search.segment import as_field, index_tokens


@dataclass(frozen=True)
class Document:
    title: str
    url: str
    published_at: datetime
    summary: str = ""
    body: str = ""
    title_en: str = ""
    keywords: list[str] = field(default_factory=list)


@dataclass
class SearchType:
    key: str
    label: str
    model: type
    to_document: object
    queryset: object = None
    follows: dict = field(default_factory=dict)

    def all_objects(self):
        return self.queryset() if self.queryset else self.model._default_manager.all()


def named_document(obj, published_at, body="", keywords=(), summary=None, title_field="name"):
    """The usual document: the object's name (and English name), address and summary."""
    return Document(
        title=getattr(obj, title_field),
        title_en=getattr(obj, f"{title_field}_en", ""),
        url=obj.get_absolute_url(),
        published_at=published_at,
        summary=obj.summary if summary is None else summary,
        body=body,
        keywords=[str(k) for k in keywords if k],
    )


_types: dict[str, SearchType] = {}


def register(key, label, model, to_document, queryset=None, follows=None):
    search_type = SearchType(key, label, model, to_document, queryset, dict(follows or {}))
    _types[key] = search_type
    uid = f"search-{key}"
    post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save", weak=False)
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete", weak=False)
    for other, targets in search_type.follows.items():
        handler = _follower(targets)
        post_save.connect(handler, sender=other, dispatch_uid=f"{uid}-{other.__name__}-save")
        post_delete.connect(handler, sender=other, dispatch_uid=f"{uid}-{other.__name__}-del")
        _followers.append(handler)  # signals hold receivers weakly
    return search_type


_followers = []


def registered_types():
    return list(_types.values())


def label_for(key):
    search_type = _types.get(key)
    return search_type.label if search_type else key


def type_for_model(model):
    return next((t for t in _types.values() if t.model is model), None)


def markdown_text(text):
    """Markdown as the plain words a resident reads."""
    return " ".join(strip_tags(render_markdown(text)).split())


def document_values(search_type, obj):
    """The search document's fields for obj, or None when it is not public."""
    with override("zh-hans"):
        document = search_type.to_document(obj)
    if document is None:
        return None
    searchable = " ".join([document.summary, document.body, document.title_en, *document.keywords])
    return {
        "kind": search_type.key,
        "title": document.title[:300],
        "title_en": document.title_en[:300],
        "summary": document.summary,
        "body": document.body,
        "url": document.url,
        "published_at": document.published_at,
        "title_tokens": as_field(index_tokens(f"{document.title} {document.title_en}")),
        "tokens": as_field(index_tokens(f"{document.title} {searchable}")),
        "indexed_at": timezone.now(),
    }


def index_object(obj):
    """Write (or remove) the object's search document; returns the document or None."""
    search_type = type_for_model(type(obj))
    if search_type is None:
        return None
    content_type = ContentType.objects.get_for_model(type(obj))
    values = document_values(search_type, obj)
    if values is None:
        SearchDocument.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        return None
    with transaction.atomic():
        row, _ = SearchDocument.objects.update_or_create(
            content_type=content_type, object_id=obj.pk, defaults=values
        )
        if connection.vendor == "postgresql":
            from jiulongpo.search.backends import postgres_vector

            SearchDocument.objects.filter(pk=row.pk).update(vector=postgres_vector())
    return row


def remove_object(model, pk):
    content_type = ContentType.objects.get_for_model(model)
    SearchDocument.objects.filter(content_type=content_type, object_id=pk).delete()


def _index_later_or_now(obj, raw):
    if raw:
        # loaddata saves rows before the rows they point to exist: index once it commits.
        model, pk = type(obj), obj.pk
        transaction.on_commit(lambda: _reindex_pk(model, pk))
    else:
        index_object(obj)


def _reindex_pk(model, pk):
    search_type = type_for_model(model)
    obj = search_type.all_objects().filter(pk=pk).first()
    if obj is None:
        remove_object(model, pk)
    else:
        index_object(obj)


def _saved(sender, instance, raw=False, **kwargs):
    _index_later_or_now(instance, raw)


def _deleted(sender, instance, **kwargs):
    remove_object(sender, instance.pk)


def _follower(targets):
    def handler(sender, instance, raw=False, **kwargs):
        if raw:
            return  # loaddata: the followed rows index themselves on commit.
        for target in targets(instance):
            if target is not None and target.pk is not None:
                _reindex_pk(type(target), target.pk)

    return handler


def rebuild(stdout=None):
    """Replace the whole index with fresh documents; returns {kind: count}."""
    counts = {}
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        for search_type in registered_types():
            counts[search_type.key] = 0
            for obj in search_type.all_objects().iterator(chunk_size=500):
                if index_object(obj) is not None:
                    counts[search_type.key] += 1
    return counts
