from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "jiulongpo"
    verbose_name = _("站点")

    def ready(self):
        # issue 5: the editorial groups and publish permissions exist after every migrate.
        from django.db.models.signals import post_migrate

        from jiulongpo.roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="jiulongpo-roles")
