"""Cell readers that refuse what is not clearly a value, with the reason in Chinese.

django-import-export's own widgets turn a blank into None and an unparsable cell into
an English message; an official typing "约300" or "N/A" must hear exactly what is wrong.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from import_export import widgets


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class RequiredMixin:
    def __init__(self, *args, required=True, **kwargs):
        self.required = required
        super().__init__(*args, **kwargs)

    def blank(self, value):
        if _text(value) == "":
            if self.required:
                raise ValueError(_("不能为空。"))
            return True
        return False


class StrictDecimalWidget(RequiredMixin, widgets.Widget):
    def __init__(self, *args, minimum=None, maximum=None, **kwargs):
        self.minimum, self.maximum = minimum, maximum
        super().__init__(*args, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if self.blank(value):
            return None
        text = _text(value)
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(
                _(
                    "“%(value)s”不是数字。请只填阿拉伯数字（如 300 或 1.5），"
                    "不要写“约”“余”、单位或 N/A。"
                )
                % {"value": text}
            ) from None
        if not number.is_finite():
            raise ValueError(_("“%(value)s”不是数字。") % {"value": text})
        if self.minimum is not None and number < self.minimum:
            raise ValueError(
                _("%(value)s 小于允许的最小值 %(min)s。") % {"value": text, "min": self.minimum}
            )
        if self.maximum is not None and number > self.maximum:
            raise ValueError(
                _("%(value)s 大于允许的最大值 %(max)s。") % {"value": text, "max": self.maximum}
            )
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else format(value.normalize(), "f")


class StrictIntegerWidget(StrictDecimalWidget):
    def clean(self, value, row=None, **kwargs):
        number = super().clean(value, row, **kwargs)
        if number is None:
            return None
        if number != number.to_integral_value():
            raise ValueError(_("“%(value)s”必须是整数。") % {"value": _text(value)})
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class StrictDateWidget(RequiredMixin, widgets.Widget):
    """ISO dates (2022-09-30), 2022/9/30, or a real date cell from Excel."""

    FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日")

    def clean(self, value, row=None, **kwargs):
        if self.blank(value):
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        for fmt in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(_("“%(value)s”不是日期，请写成 2022-09-30 这样。") % {"value": text})

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class StrictTextWidget(RequiredMixin, widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        if self.blank(value):
            return ""
        return _text(value)


class LookupWidget(RequiredMixin, widgets.ForeignKeyWidget):
    """A related row named by a stable key (a slug or a code); unknown keys are named."""

    def clean(self, value, row=None, **kwargs):
        if self.blank(value):
            return None
        text = _text(value)
        try:
            return self.get_queryset(value, row, **kwargs).get(**{self.field: text})
        except self.model.DoesNotExist:
            raise ValueError(
                _("找不到“%(value)s”：请填写%(model)s的%(field)s，与网站上的一致。")
                % {"value": text, "model": self.model._meta.verbose_name, "field": self.label}
            ) from None

    @property
    def label(self):
        return str(self.model._meta.get_field(self.field).verbose_name)
