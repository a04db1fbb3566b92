"""Matching and ranking: a GIN-indexed tsvector on PostgreSQL, token matching on SQLite.

Both read the same jieba tokens, so a word found on one database is found on the other.
"""

from functools import reduce
from operator import and_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When


def postgres_vector():
    # 'simple': no stemming or stop words, jieba has already cut the text into words.
    return SearchVector("title_tokens", weight="A", config="simple") + SearchVector(
        "tokens", weight="B", config="simple"
    )


def matching(queryset, terms):
    """Documents holding every term, annotated with `rank` (higher first)."""
    if connection.vendor == "postgresql":
        return _postgres(queryset, terms)
    return _tokens(queryset, terms)


def _postgres(queryset, terms):
    query = reduce(
        and_, [SearchQuery(term, config="simple", search_type="plain") for term in terms]
    )
    return queryset.filter(vector=query).annotate(rank=SearchRank(F("vector"), query))


def _tokens(queryset, terms):
    wanted = reduce(and_, [Q(tokens__contains=f" {term} ") for term in terms])
    title_hits = [
        Case(When(title_tokens__contains=f" {term} ", then=Value(1)), default=Value(0))
        for term in terms
    ]
    score = reduce(lambda a, b: a + b, title_hits, Value(0, output_field=IntegerField()))
    return queryset.filter(wanted).annotate(
        rank=(score + Value(1)) * Value(1.0, output_field=FloatField())
    )
