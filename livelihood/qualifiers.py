from django.db import models
from django.utils.translation import gettext_lazy as _


class Qualifier(models.TextChoices):
    """How the report hedges a figure: 约17公里, 超过300天, 200余次."""

    EXACT = "", _("（准确数）")
    ABOUT = "about", _("约")
    OVER = "over", _("超过")
    PLUS = "plus", _("余")

    @property
    def is_suffix(self):
        # 余 follows the number (1万余个); the others precede it.
        return self == Qualifier.PLUS
