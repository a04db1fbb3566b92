"""Small bar charts drawn as inline SVG on the server: they print, and need no JavaScript."""

from dataclasses import dataclass

WIDTH, HEIGHT, BASELINE = 260, 110, 90


@dataclass(frozen=True)
class Bar:
    year: int
    x: int
    y: int
    width: int
    height: int
    label: str


def bar_chart(values, format_value):
    """Bars for the numeric values of an indicator, oldest first, scaled to the largest."""
    numeric = [v for v in values if v.value is not None]
    if not numeric:
        return []
    top = max(abs(v.value) for v in numeric) or 1
    slot = WIDTH // len(numeric)
    width = max(8, min(40, slot - 10))
    bars = []
    for index, value in enumerate(numeric):
        height = max(1, round(float(abs(value.value) / top) * (BASELINE - 20)))
        x = index * slot + (slot - width) // 2
        bars.append(Bar(value.year, x, BASELINE - height, width, height, format_value(value)))
    return bars
