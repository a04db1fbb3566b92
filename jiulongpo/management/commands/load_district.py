import json

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model

from jiulongpo.rendered_body import RenderedBody, fill_missing_body_html

# Loaded in this order: later files refer to rows of earlier ones.
DISTRICT_FIXTURES = ["projects.json", "livelihood.json"]


def district_fixtures():
    return [settings.BASE_DIR / "fixtures" / name for name in DISTRICT_FIXTURES]


def fixture_records(path):
    return json.loads(path.read_text(encoding="utf-8"))


def holds_data(path):
    """True when any model the fixture fills already has rows: editors' work is kept."""
    labels = {record["model"] for record in fixture_records(path)}
    return any(apps.get_model(label).objects.exists() for label in labels)


def loaded_rows(paths):
    """{model: [primary keys]} of the records in these fixture files, in file order."""
    rows = {}
    for path in paths:
        for record in fixture_records(path):
            model = apps.get_model(record["model"])
            rows.setdefault(model, []).append(model._meta.pk.to_python(record["pk"]))
    return rows


def record_baseline_history(rows, when):
    """Give each row of a history-tracked model that has no history one creation record.

    loaddata saves rows raw, so django-simple-history records nothing for them; without
    this record an editor's first change could not be compared with the report's values.
    Rows that have history already (an earlier load, an editor's save) are left alone.
    Returns how many records were created.
    """
    reason = _("载入九龙坡区2022年民生报道的数据")
    created = 0
    for model, pks in rows.items():
        try:
            history = get_history_manager_for_model(model)
        except NotHistoricalModelError:
            continue
        pk_name = model._meta.pk.attname
        recorded = history.model._default_manager.filter(**{f"{pk_name}__in": pks})
        missing = (
            model._base_manager.filter(pk__in=pks)
            .exclude(pk__in=recorded.values(pk_name))
            .order_by("pk")
        )
        created += len(
            history.bulk_history_create(
                list(missing), default_date=when, default_change_reason=reason
            )
            or []
        )
    return created


class Command(BaseCommand):
    help = "Load the district's real data (fixtures/) into tables that do not hold it yet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even if data is present (overwrites rows with the same ids).",
        )

    def handle(self, *args, force=False, **options):
        # One transaction: rows are never committed without their baseline history, and
        # pages invalidated by the load are not re-rendered before it exists.
        with transaction.atomic():
            loaded = [path for path in district_fixtures() if force or not holds_data(path)]
            for path in loaded:
                call_command("loaddata", str(path), verbosity=0)
            # loaddata saves rows raw, without save(): store their Markdown's HTML now.
            for model in apps.get_models():
                if issubclass(model, RenderedBody):
                    fill_missing_body_html(model)
            baseline = record_baseline_history(loaded_rows(loaded), timezone.now())
        if loaded:
            names = ", ".join(path.name for path in loaded)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Loaded the district's data: {names} ({baseline} baseline history records)"
                )
            )
        else:
            self.stdout.write("District data already present; nothing loaded.")
