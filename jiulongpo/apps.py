from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "jiulongpo"
    verbose_name = _("站点")

    def ready(self):
        # Page cache invalidation (issue 7): every content save starts a new generation.
        from jiulongpo.cache import connect_signals

        connect_signals()
