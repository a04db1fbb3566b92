from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Loaded in this order: later files refer to rows of earlier ones.
DISTRICT_FIXTURES = ["projects.json", "livelihood.json"]


def district_fixtures():
    return [settings.BASE_DIR / "fixtures" / name for name in DISTRICT_FIXTURES]


class Command(BaseCommand):
    help = "Load the district's real data (fixtures/) unless the database already holds it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even if data is present (overwrites rows with the same ids).",
        )

    def handle(self, *args, force=False, **options):
        Project = apps.get_model("projects", "Project")
        if Project.objects.exists() and not force:
            self.stdout.write("District data already present; nothing loaded.")
            return
        for path in district_fixtures():
            call_command("loaddata", str(path), verbosity=0)
        self.stdout.write(self.style.SUCCESS("Loaded the district's data from fixtures/."))
