"""A dataset's columns: a machine name, a Chinese label, a meaning, a type, and where to read it.

Exports read plain rows (QuerySet.values()) rather than model instances: building a model
per row costs more than everything else an export does. Each column names the ORM path it
reads; a computed column names the paths it needs and a function of the row. Anything
that depends on the request (choice labels in the active language, a URL prefix) is
worked out once per export by reader(), never once per row.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter

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
        return format(value.normalize(), "f")
    return str(value)


def _safe_text(value):
    return neutralise(value) if value else value


def _local_time():
    """Aware datetimes -> naive local ones (Excel has no time zones), zone looked up once."""
    zone = timezone.get_current_timezone()

    def convert(value):
        return None if value is None else value.astimezone(zone).replace(microsecond=0, tzinfo=None)

    return convert


def _date_text(value):
    return "" if value is None else value.isoformat()


def _number_text(value):
    return "" if value is None else plain_number(value)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    meaning: str
    kind: str = Kind.TEXT
    field: str | None = None
    needs: tuple[str, ...] = ()
    get: Callable | None = None
    choices: type | None = None
    width: int = 14

    @property
    def kind_label(self):
        return Kind.LABELS[self.kind]

    @property
    def paths(self):
        """The ORM paths this column reads from each row."""
        return self.needs if self.get else (self.field or self.key,)

    def reader(self):
        """row -> typed value (str, int, Decimal, date, datetime, bool; None when blank)."""
        if self.get:
            get = self.get.bind() if hasattr(self.get, "bind") else self.get
        elif self.choices:
            path = self.field or self.key
            labels = {value: str(label) for value, label in self.choices.choices}

            def get(row):
                value = row[path]
                return labels.get(value, value) if value else None
        else:
            # Most columns: a C-level lookup, no Python call per cell.
            get = itemgetter(self.field or self.key)
        if self.kind == Kind.DATETIME:
            convert = _local_time()
            return lambda row: convert(get(row))
        return get

    def texter(self, english=False):
        """typed value -> CSV cell, or None where the csv module's own str() is right."""
        if self.kind == Kind.TEXT:
            return _safe_text
        if self.kind == Kind.DECIMAL:
            return _number_text
        if self.kind == Kind.DATETIME:
            return _date_text
        if self.kind == Kind.BOOLEAN:
            yes, no = ("true", "false") if english else (str(_("是")), str(_("否")))
            return lambda value: "" if value is None else (yes if value else no)
        # Integers and dates: str() gives plain digits and ISO dates; None gives "".
        return None

    def json(self, value):
        if isinstance(value, Decimal):
            return int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value


class Bound:
    """A row function that needs per-export set-up: bind() runs once, returns row -> value."""

    def __init__(self, setup):
        self.bind = setup


def path_url(url_name, key_path, kwarg="slug"):
    """The page of each row, reversed once per export with a placeholder then filled in."""
    from django.urls import reverse

    def setup():
        marker = "__key__"
        pattern = reverse(url_name, kwargs={kwarg: marker})
        head, tail = pattern.split(marker)
        return lambda row: f"{head}{row[key_path]}{tail}"

    return {"needs": (key_path,), "get": Bound(setup)}


# Columns that every dataset ends with.
SOURCE = Column("source", _("资料来源"), _("这条信息出自哪份文件或哪个部门。"), width=30)
UPDATED_AT = Column(
    "updated_at",
    _("修改时间"),
    _("本站最后修改这条记录的时间（北京时间）。"),
    Kind.DATETIME,
    width=20,
)
