"""Response headers Django has no setting for, and safe serving of uploaded media."""

import mimetypes

from django.conf import settings
from django.views.static import serve

SAFE_INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}


class PermissionsPolicyMiddleware:
    """Deny browser features the site never uses (camera, microphone, payment …)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def serve_media(request, path):
    """Uploaded files: raster images inline; anything else downloaded, never rendered."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    content_type, _ = mimetypes.guess_type(path)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if content_type not in SAFE_INLINE_TYPES:
        response.headers["Content-Type"] = "application/octet-stream"
        response.headers["Content-Disposition"] = "attachment"
    return response
