"""The benchmark's baseline: a view that does nothing, behind the site's full middleware."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def trivial(request):
    return HttpResponse("ok\n", content_type="text/plain")
