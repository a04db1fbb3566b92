"""The point of a place on the map: WGS-84 latitude and longitude, both or neither.

Projects, parks and subdistrict centres share these fields and their checks, so a point an
editor types is held to the same rules wherever it is typed.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


def _degrees_field(verbose_name, limit, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-limit), MaxValueValidator(limit)],
        **kwargs,
    )


def latitude_field(verbose_name=None, **kwargs):
    return _degrees_field(verbose_name or _("纬度"), 90, **kwargs)


def longitude_field(verbose_name=None, **kwargs):
    return _degrees_field(verbose_name or _("经度"), 180, **kwargs)


def coordinate_errors(place):
    """Form errors for a point with one half missing: it could not be drawn on a map."""
    if (place.latitude is None) != (place.longitude is None):
        return {"longitude": _("经度和纬度要么都填，要么都不填。")}
    return {}
