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

    @property
    def hedge(self):
        """The word as the report writes it, on English pages too: it belongs to the Chinese
        quantity, as the number's 万 and the unit do ("1万余个", not "1万more than个")."""
        return HEDGES.get(self, "")


HEDGES = {Qualifier.ABOUT: "约", Qualifier.OVER: "超过", Qualifier.PLUS: "余"}
