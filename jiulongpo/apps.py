from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "jiulongpo"
    verbose_name = _("站点")

    def ready(self):
        # Page cache invalidation (issue 7): a content save bumps the pages that show it.
        from jiulongpo.invalidation import connect_signals

        connect_signals()

        # Search: register searchable models, and build jieba's dictionary now, once per
        # process, so its ~0.7 s never lands on a resident's request.
        from jiulongpo.search import documents, segment

        documents.register_all()
        segment.load_dictionary()

        # issue 5: the editorial groups and publish permissions exist after every migrate.
        from django.db.models.signals import post_migrate

        from jiulongpo.roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="jiulongpo-roles")
