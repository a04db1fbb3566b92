"""Give the editorial roles their permissions on the livelihood models (tasks, parks, figures)."""

from django.db import migrations

from jiulongpo.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("jiulongpo", "0003_livelihood_history"),
        ("jiulongpo", "0002_roles"),
        ("livelihood", "0002_indicator_culture_category"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
