"""Numbers the way Chinese readers expect them: 5059万平方米, 1.6万余平方米, 超过300天.

Pages use the short form (万, 亿, at most two decimals); tables use full_number, which
keeps every digit.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from livelihood.qualifiers import Qualifier

WAN = Decimal(10_000)
YI = Decimal(100_000_000)


def _as_decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _trim(number, places=2):
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cn_number(value):
    """1434 -> '1434', 50590000 -> '5059万', 16000 -> '1.6万', 320000000 -> '3.2亿'."""
    number = _as_decimal(value)
    if number is None:
        return ""
    magnitude = abs(number)
    if magnitude >= YI:
        return f"{_trim(number / YI)}亿"
    if magnitude >= WAN:
        return f"{_trim(number / WAN)}万"
    return _trim(number)


def full_number(value):
    """Every digit kept, thousands grouped: 50590000 -> '50,590,000', 1.72 -> '1.72'."""
    number = _as_decimal(value)
    if number is None:
        return ""
    text = f"{number.normalize():,f}" if number == number.to_integral() else f"{number:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cn_quantity(value, unit="", qualifier=""):
    """A number with its unit and hedge: ('10000', '个', 'plus') -> '1万余个'."""
    number = cn_number(value)
    if not number:
        return ""
    qualifier = Qualifier(qualifier or "")
    if qualifier == Qualifier.EXACT:
        return f"{number}{unit}"
    if qualifier.is_suffix:
        return f"{number}{qualifier.hedge}{unit}"
    return f"{qualifier.hedge}{number}{unit}"
