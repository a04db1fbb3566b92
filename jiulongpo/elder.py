"""长者模式 (elder-friendly mode): larger text, stronger contrast, larger touch targets.

A plain form posts here and the choice is kept in a cookie, so it works without JavaScript.
"""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

ELDER_COOKIE = "elder_mode"
ELDER_COOKIE_AGE = 365 * 24 * 60 * 60


def elder_mode_on(request):
    return request is not None and request.COOKIES.get(ELDER_COOKIE) == "1"


def safe_next(request):
    target = request.POST.get("next") or "/"
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


# No CSRF token (issue 7): the form sits on every public page, and a per-visitor token would
# keep those pages out of the page cache; a forged toggle only changes a display preference.
@csrf_exempt
@require_POST
def toggle_elder_mode(request):
    response = HttpResponseRedirect(safe_next(request))
    if request.POST.get("elder") == "on":
        response.set_cookie(
            ELDER_COOKIE,
            "1",
            max_age=ELDER_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    else:
        response.delete_cookie(ELDER_COOKIE, samesite="Lax")
    return response
