import django.contrib.postgres.indexes
from django.db import migrations


class OnPostgres:
    """The GIN index over the tsvector exists on PostgreSQL only; SQLite has no GIN."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class RemoveIndexOnPostgres(OnPostgres, migrations.RemoveIndex):
    pass


class AddIndexOnPostgres(OnPostgres, migrations.AddIndex):
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("jiulongpo", "0005_searchdocument"),
    ]

    # Rebuilt rather than altered: ALTER INDEX … SET (fastupdate = off) would leave the
    # documents already in the pending list there.
    operations = [
        RemoveIndexOnPostgres(model_name="searchdocument", name="search_document_vector_gin"),
        AddIndexOnPostgres(
            model_name="searchdocument",
            index=django.contrib.postgres.indexes.GinIndex(
                fastupdate=False, fields=["vector"], name="search_document_vector_gin"
            ),
        ),
    ]
