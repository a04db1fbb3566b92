from django.core.management.base import BaseCommand

from jiulongpo.search.registry import label_for, rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every published, searchable object."

    def handle(self, *args, **options):
        counts = rebuild()
        for key, count in counts.items():
            self.stdout.write(f"{label_for(key)}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Indexed {sum(counts.values())} documents."))
