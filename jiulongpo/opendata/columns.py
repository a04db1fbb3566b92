"""A dataset's columns: a machine name, a Chinese label, a meaning and a type."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter

from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind:
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    DATETIME = "datetime"
    BOOLEAN = "boolean"

    LABELS = {
        TEXT: _("文本"),
        INTEGER: _("整数"),
        DECIMAL: _("数值"),
        DATE: _("日期（YYYY-MM-DD）"),
        DATETIME: _("时间（ISO 8601，北京时间）"),
        BOOLEAN: _("是/否"),
    }


# Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text):
    """Prefix a would-be formula with an apostrophe so it stays plain text."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def plain_number(value):
    """A number as plain digits: no exponent, no thousands separator, no trailing zeros."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    meaning: str
    kind: str = Kind.TEXT
    get: Callable | None = None
    width: int = 14

    def value(self, obj):
        """The typed Python value: str, int, Decimal, date, datetime, bool or None."""
        value = self.get(obj) if self.get else attrgetter(self.key)(obj)
        if value is None or value == "" and self.kind != Kind.TEXT:
            return None
        if self.kind == Kind.TEXT:
            return str(value)
        if self.kind == Kind.DATETIME:
            return timezone.localtime(value).replace(microsecond=0, tzinfo=None)
        return value

    def text(self, value, english=False):
        """The value as a CSV cell."""
        if value is None:
            return ""
        if self.kind == Kind.TEXT:
            return neutralise(value)
        if self.kind in (Kind.INTEGER, Kind.DECIMAL):
            return plain_number(value)
        if self.kind == Kind.BOOLEAN:
            if english:
                return "true" if value else "false"
            return str(_("是") if value else _("否"))
        if isinstance(value, datetime.date):
            return value.isoformat()
        return str(value)

    def json(self, value):
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value


def display(field):
    """The Chinese label of a choice field (get_FOO_display), blank when unset."""
    return lambda obj: getattr(obj, f"get_{field}_display")() if getattr(obj, field) else ""


def name_of(path):
    """The name of a related row (e.g. "subdistrict", "project.subdistrict"), blank if none."""

    def get(obj):
        for part in path.split("."):
            obj = getattr(obj, part)
            if obj is None:
                return ""
        return obj.name

    return get


# Columns that every dataset ends with.
SOURCE = Column("source", _("资料来源"), _("这条信息出自哪份文件或哪个部门。"), width=30)
UPDATED_AT = Column(
    "updated_at",
    _("修改时间"),
    _("本站最后修改这条记录的时间（北京时间）。"),
    Kind.DATETIME,
    width=20,
)
