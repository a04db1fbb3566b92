"""Readable pinyin slugs for Chinese names: 民主村片区 -> minzhucun-pianqu."""

import re

from django.utils.text import slugify
from pypinyin import Style, lazy_pinyin

# Name endings worth their own dash, so the slug reads in word-sized pieces.
SEPARATE_SUFFIXES = ("片区", "公园", "商圈", "工程", "小区", "街区", "一期", "二期", "三期")
PUNCTUATION = re.compile(r"[^\w]+")


def _word(chinese):
    return "".join(lazy_pinyin(chinese, style=Style.NORMAL))


def pinyin_slug(name, max_length=80):
    words = []
    for part in PUNCTUATION.split(name.strip()):
        suffix = next((s for s in SEPARATE_SUFFIXES if part.endswith(s) and part != s), "")
        words.append(_word(part[: len(part) - len(suffix)]))
        if suffix:
            words.append(_word(suffix))
    slug = slugify("-".join(w for w in words if w))[:max_length].strip("-")
    return slug or "item"


def unique_slug(model, name, instance_pk=None, field="slug"):
    base = pinyin_slug(name)
    candidate, counter = base, 2
    others = model._default_manager.exclude(pk=instance_pk)
    while others.filter(**{field: candidate}).exists():
        candidate = f"{base}-{counter}"
        counter += 1
    return candidate
