from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LivelihoodConfig(AppConfig):
    name = "livelihood"
    verbose_name = _("民生实事、公园与统计指标")
