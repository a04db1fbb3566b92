import json

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from jiulongpo.rendered_body import RenderedBody, fill_missing_body_html

# Loaded in this order: later files refer to rows of earlier ones.
DISTRICT_FIXTURES = ["projects.json", "livelihood.json"]


def district_fixtures():
    return [settings.BASE_DIR / "fixtures" / name for name in DISTRICT_FIXTURES]


def holds_data(path):
    """True when any model the fixture fills already has rows: editors' work is kept."""
    labels = {record["model"] for record in json.loads(path.read_text(encoding="utf-8"))}
    return any(apps.get_model(label).objects.exists() for label in labels)


class Command(BaseCommand):
    help = "Load the district's real data (fixtures/) into tables that do not hold it yet."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even if data is present (overwrites rows with the same ids).",
        )

    def handle(self, *args, force=False, **options):
        loaded = []
        for path in district_fixtures():
            if force or not holds_data(path):
                call_command("loaddata", str(path), verbosity=0)
                loaded.append(path.name)
        # loaddata saves rows raw, without save(): store their Markdown's HTML now.
        for model in apps.get_models():
            if issubclass(model, RenderedBody):
                fill_missing_body_html(model)
        if loaded:
            self.stdout.write(
                self.style.SUCCESS(f"Loaded the district's data: {', '.join(loaded)}")
            )
        else:
            self.stdout.write("District data already present; nothing loaded.")
