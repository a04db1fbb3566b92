"""What the search page asks: ranked documents, counts per type, snippets, suggestions."""

import re
from dataclasses import dataclass, field

from django.db.models import Case, Count, Q, Value, When
from django.db.models.functions import Length
from django.utils.html import escape
from django.utils.safestring import mark_safe

from jiulongpo.search.backends import matching
from jiulongpo.search.models import SearchDocument
from jiulongpo.search.registry import label_for, registered_types
from jiulongpo.search.segment import bigram_terms, query_terms

SUGGESTED_WORDS = ("民主村", "美术公园", "杨家坪", "坡坎崖", "民生实事", "老旧小区", "公园")


@dataclass
class SearchResult:
    query: str
    terms: list = field(default_factory=list)
    documents: object = None  # a ranked queryset, paginated by the view
    counts: list = field(default_factory=list)  # [(key, label, n)]
    total: int = 0
    matches: int = 0  # how many `documents` holds (one type's count when a type is chosen)
    loose: bool = False  # found only by the looser two-character reading


def search(query, kind=""):
    query = " ".join((query or "").split())
    result = SearchResult(query=query)
    if not query:
        return result
    live = SearchDocument.objects.live()
    # The precise words first; if they find nothing, the looser two-character reading.
    for loose, terms in ((False, query_terms(query)), (True, bigram_terms(query))):
        found = matching(live, terms) if terms else live.none()
        counts = dict(found.values_list("kind").annotate(n=Count("pk")).order_by())
        if counts:
            result.terms, result.loose = terms, loose
            break
    else:
        return result
    result.counts = [
        (t.key, t.label, counts[t.key]) for t in registered_types() if counts.get(t.key)
    ]
    result.total = result.matches = sum(counts.values())
    if kind in counts:
        found = found.filter(kind=kind)
        result.matches = counts[kind]
    result.documents = ranked(found, query)
    return result


def ranked(found, query):
    """Titles holding the whole query first, shortest first (民主村 finds 民主村片区 before
    民主村片区（一期）), then everything by its text rank."""
    holds_query = Q(title__icontains=query)
    return found.annotate(
        title_hit=Case(When(holds_query, then=Value(1)), default=Value(0)),
        hit_length=Case(When(holds_query, then=Length("title")), default=Value(0)),
    ).order_by("-title_hit", "hit_length", "-rank", "-published_at", "pk")


def kind_label(key):
    return label_for(key)


def highlight(text, terms, width=None):
    """Escaped text with each term wrapped in <mark>; cut to a window around the first hit."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None
    if width and len(text) > width:
        hit = pattern.search(text) if pattern else None
        start = max(0, (hit.start() if hit else 0) - width // 3)
        end = min(len(text), start + width)
        text = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    if not pattern:
        return escape(text)
    pieces, last = [], 0
    for hit in pattern.finditer(text):
        pieces.append(escape(text[last : hit.start()]))
        pieces.append(f"<mark>{escape(hit.group())}</mark>")
        last = hit.end()
    pieces.append(escape(text[last:]))
    # Every piece of the text was escaped above; only our own <mark> tags are markup.
    return mark_safe("".join(pieces))  # noqa: S308


def suggestions(query, terms, limit=6):
    """Words that do find something: the query's own words alone, then district words."""
    live = SearchDocument.objects.live()
    candidates = [t for t in terms if len(terms) > 1] + [
        w for w in SUGGESTED_WORDS if w not in query
    ]
    found = []
    for word in candidates[: limit + 4]:
        if word in found:
            continue
        if matching(live, query_terms(word) or [word]).exists():
            found.append(word)
        if len(found) == limit:
            break
    return found
