"""Search documents for the synthetic rows, written in bulk: bulk_create sends no signals, and
indexing 10,000 projects one save at a time would take the seed past its two minutes."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from jiulongpo.search.backends import postgres_vector
from jiulongpo.search.models import SearchDocument
from jiulongpo.search.registry import document_values, registered_types
from jiulongpo.synthetic import BATCH, SYNTHETIC_SOURCE


def _synthetic_objects(search_type):
    objects = search_type.all_objects()
    if any(field.name == "source" for field in search_type.model._meta.fields):
        objects = objects.filter(source=SYNTHETIC_SOURCE)
    return objects


def remove_synthetic_documents():
    for search_type in registered_types():
        content_type = ContentType.objects.get_for_model(search_type.model)
        pks = _synthetic_objects(search_type).order_by().values("pk")
        documents = SearchDocument.objects.filter(content_type=content_type, object_id__in=pks)
        documents._raw_delete(documents.db)


def index_synthetic():
    """Index every synthetic row of each searchable model; returns how many documents."""
    total = 0
    for search_type in registered_types():
        content_type = ContentType.objects.get_for_model(search_type.model)
        objects = _synthetic_objects(search_type)
        documents = []
        for obj in objects.iterator(chunk_size=BATCH):
            values = document_values(search_type, obj)
            if values is not None:
                documents.append(
                    SearchDocument(content_type=content_type, object_id=obj.pk, **values)
                )
        SearchDocument.objects.bulk_create(documents, batch_size=BATCH)
        total += len(documents)
    if connection.vendor == "postgresql":
        SearchDocument.objects.filter(vector__isnull=True).update(vector=postgres_vector())
    return total
