from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from django.views.generic import ListView

from jiulongpo.search.models import SearchDocument
from jiulongpo.search.query import highlight, kind_label, search, suggestions

SNIPPET_WIDTH = 120


def localized_path(path, language):
    """A document's stored (Chinese) path as the page in `language`: /en/projects/x/."""
    if not language or language == settings.LANGUAGE_CODE:
        return path
    return f"/{language}{path}"


@dataclass
class Hit:
    title: str
    url: str
    label: str
    snippet: str
    published_at: object


class SearchView(ListView):
    template_name = "search/results.html"
    paginate_by = 20

    def get_queryset(self):
        self.kind = self.request.GET.get("type", "")
        self.result = search(self.request.GET.get("q", ""), self.kind)
        if self.result.documents is None:
            return SearchDocument.objects.none()
        return self.result.documents

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        # The counts per type already say how many documents match; a second COUNT over
        # the matches would cost as much as the page itself.
        paginator.count = self.result.matches
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        result, language = self.result, get_language()
        terms = [*result.terms, result.query]
        hits = []
        for doc in context["object_list"]:
            english = language == "en" and doc.title_en
            hits.append(
                Hit(
                    title=highlight(doc.title_en if english else doc.title, terms),
                    url=localized_path(doc.url, language),
                    label=kind_label(doc.kind),
                    snippet=highlight(f"{doc.summary} {doc.body}", terms, SNIPPET_WIDTH),
                    published_at=doc.published_at,
                )
            )
        no_results = bool(result.query) and not result.total
        return {
            **context,
            "query": result.query,
            "result": result,
            "kind": self.kind if any(k == self.kind for k, _, _ in result.counts) else "",
            "hits": hits,
            "suggestions": suggestions(result.query, result.terms) if no_results else [],
        }
