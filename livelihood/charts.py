"""Bar charts drawn on the server as SVG, so a figure reads without JavaScript.

The geometry is computed here and Chart.svg() writes the markup (escaping the text). It is
built in Python rather than in a template: a chart has a few elements per bar, and the
template engine spent more time on them than on the rest of the page.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from jiulongpo.markup import format_html, format_html_join
from livelihood.numbers import cn_number, cn_quantity

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 24, 44
TICKS = 4


def nice_ceiling(value):
    """The smallest 1, 2, 2.5 or 5 × 10ⁿ step whose TICKS multiples reach value."""
    if value <= 0:
        return 1.0
    raw = value / TICKS
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * TICKS


@dataclass
class Bar:
    label: str
    value: Decimal
    text: str
    x: float
    y: float
    width: float
    height: float

    @property
    def label_x(self):
        return round(self.x + self.width / 2, 2)

    @property
    def text_y(self):
        return round(self.y - 6, 2)

    @property
    def data_value(self):
        return f"{self.value.normalize():f}"


@dataclass
class Chart:
    code: str
    title: str
    description: str
    bars: list
    ticks: list = field(default_factory=list)
    target_y: float | None = None
    target_text: str = ""
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    tick_x: int = LEFT - 8
    right_edge: int = WIDTH - RIGHT
    label_y: int = HEIGHT - BOTTOM + 22

    @property
    def target_text_y(self):
        return round(self.target_y - 6, 2)

    def svg(self):
        ticks = format_html_join(
            "",
            '\n    <line x1="{}" x2="{}" y1="{}" y2="{}"/>'
            '\n    <text x="{}" y="{}" text-anchor="end" dominant-baseline="middle">{}</text>',
            ((self.left, self.right_edge, y, y, self.tick_x, y, label) for y, label in self.ticks),
        )
        bars = format_html_join(
            "",
            '\n    <rect x="{}" y="{}" width="{}" height="{}" data-value="{}">'
            "<title>{}年：{}</title></rect>"
            '\n    <text class="chart-value" x="{}" y="{}" text-anchor="middle">{}</text>'
            '\n    <text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text>',
            (
                (
                    *(bar.x, bar.y, bar.width, bar.height, bar.data_value, bar.label, bar.text),
                    *(bar.label_x, bar.text_y, bar.text, bar.label_x, self.label_y, bar.label),
                )
                for bar in self.bars
            ),
        )
        target = ""
        if self.target_y is not None:
            target = format_html(
                '\n  <g class="chart-target">'
                '\n    <line x1="{}" x2="{}" y1="{}" y2="{}" stroke-dasharray="6 4"/>'
                '\n    <text x="{}" y="{}" text-anchor="end">{}</text>\n  </g>',
                *(self.left, self.right_edge, self.target_y, self.target_y),
                *(self.right_edge, self.target_text_y, self.target_text),
            )
        return format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {} {}" '
            'role="img" aria-labelledby="chart-title-{} chart-desc-{}" '
            'preserveAspectRatio="xMidYMid meet">'
            '\n  <title id="chart-title-{}">{}</title>'
            '\n  <desc id="chart-desc-{}">{}</desc>'
            '\n  <g class="chart-axis">{}\n  </g>'
            '\n  <g class="chart-bars">{}\n  </g>{}\n</svg>',
            *(self.width, self.height, self.code, self.code),
            *(self.code, self.title, self.code, self.description, ticks, bars, target),
        )


def describe(indicator, values):
    """One sentence saying what the chart shows, for the page and the SVG's <desc>."""
    first, last = values[0], values[-1]
    if len(values) == 1:
        sentence = _("%(name)s在%(year)s年为%(value)s。") % {
            "name": indicator.display_name,
            "year": last.year,
            "value": last.display,
        }
    else:
        sentence = _("%(name)s从%(first_year)s年的%(first)s变为%(last_year)s年的%(last)s。") % {
            "name": indicator.display_name,
            "first_year": first.year,
            "first": first.display,
            "last_year": last.year,
            "last": last.display,
        }
    if indicator.target_value is not None:
        sentence += _("虚线是目标值%(target)s。") % {"target": indicator.target_display}
    return sentence


def bar_chart(indicator, values):
    """A Chart for the indicator's numeric values (oldest first), or None when there are none."""
    numeric = [v for v in values if v.value is not None]
    if not numeric:
        return None
    top_value = max([float(v.value) for v in numeric] + [float(indicator.target_value or 0)])
    scale_max = nice_ceiling(top_value)
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / len(numeric)
    bar_width = min(80.0, slot * 0.6)

    def y_of(number):
        return round(TOP + plot_height * (1 - float(number) / scale_max), 2)

    bars = []
    for index, value in enumerate(numeric):
        y = y_of(value.value)
        bars.append(
            Bar(
                label=str(value.year),
                value=value.value,
                text=cn_quantity(value.value, indicator.unit, value.qualifier),
                x=round(LEFT + slot * index + (slot - bar_width) / 2, 2),
                y=y,
                width=round(bar_width, 2),
                height=round(HEIGHT - BOTTOM - y, 2),
            )
        )
    ticks = [
        (y_of(scale_max * n / TICKS), cn_number(Decimal(str(scale_max * n / TICKS))))
        for n in range(TICKS + 1)
    ]
    chart = Chart(
        code=indicator.code,
        title=_("%(name)s（单位：%(unit)s）")
        % {"name": indicator.display_name, "unit": indicator.unit}
        if indicator.unit
        else indicator.display_name,
        description=describe(indicator, numeric),
        bars=bars,
        ticks=ticks,
    )
    if indicator.target_value is not None:
        chart.target_y = y_of(indicator.target_value)
        chart.target_text = _("目标 %(target)s") % {"target": indicator.target_display}
    return chart
