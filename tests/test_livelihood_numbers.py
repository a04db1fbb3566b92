from decimal import Decimal

import pytest
from django.utils import translation

from livelihood.numbers import cn_number, cn_quantity, full_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (50590000, "5059万"),
        (16000, "1.6万"),
        (270000, "27万"),
        (1434, "1434"),
        (Decimal("16.8000"), "16.8"),
        (Decimal("1.72"), "1.72"),
        (320000000, "3.2亿"),
    ],
)
def test_numbers_read_with_wan_and_yi(value, expected):
    assert cn_number(value) == expected


def test_the_report_hedges_stay_in_place():
    assert cn_quantity(10000, "个", "plus") == "1万余个"
    assert cn_quantity(300, "天", "over") == "超过300天"
    assert cn_quantity(17, "公里", "about") == "约17公里"


def test_on_english_pages_a_quantity_stays_as_the_report_writes_it():
    # Its number (万) and unit are Chinese: an English hedge inside read "1万more than个".
    with translation.override("en"):
        assert cn_quantity(10000, "个", "plus") == "1万余个"
        assert cn_quantity(300, "天", "over") == "超过300天"


def test_a_measured_area_reads_as_the_report_writes_it():
    assert cn_quantity(Decimal("50590000.0000"), "平方米") == "5059万平方米"


def test_tables_keep_every_digit():
    assert full_number(Decimal("50590000.0000")) == "50,590,000"
    assert full_number(Decimal("12345.6700")) == "12,345.67"


def test_missing_numbers_render_as_nothing():
    assert cn_number(None) == "" and cn_quantity(None, "个") == ""
