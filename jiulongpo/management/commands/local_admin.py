import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "local-admin"


class Command(BaseCommand):
    help = "Create or reset a superuser for local development and print how to log in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("local_admin is for local development only (DEBUG is off).")
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=USERNAME)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        port = options.get("port") or "8000"
        self.stdout.write(
            self.style.SUCCESS(
                f"Local admin (this machine only): http://127.0.0.1:{port}/{settings.ADMIN_PATH}"
                f"  user: {USERNAME}  password: {password}"
            )
        )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")
