from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import Subdistrict


class NearForm(forms.Form):
    """Where "parks near me" measures from: a point, or a subdistrict's centre."""

    near = forms.ModelChoiceField(
        label=_("从哪个街镇出发"),
        queryset=Subdistrict.objects.filter(latitude__isnull=False, longitude__isnull=False),
        to_field_name="slug",
        required=False,
        empty_label=_("请选择街镇"),
    )
    lat = forms.FloatField(
        label=_("纬度"),
        min_value=-90,
        max_value=90,
        required=False,
        error_messages={"invalid": _("纬度要填数字，例如 29.5。")},
    )
    lng = forms.FloatField(
        label=_("经度"),
        min_value=-180,
        max_value=180,
        required=False,
        error_messages={"invalid": _("经度要填数字，例如 106.5。")},
    )

    def clean(self):
        data = super().clean()
        lat, lng = data.get("lat"), data.get("lng")
        if (lat is None) != (lng is None) and not self.errors:
            raise forms.ValidationError(_("经度和纬度要一起填写。"))
        return data

    @property
    def origin(self):
        """(lat, lng, how it was chosen) or None when no point was given."""
        if not self.is_bound or not self.is_valid():
            return None
        data = self.cleaned_data
        if data.get("lat") is not None:
            return data["lat"], data["lng"], _("你给出的位置")
        if data.get("near"):
            place = data["near"]
            return place.latitude, place.longitude, _("%(name)s中心") % {"name": place.name}
        return None
