from django import template

from jiulongpo.markup import format_html
from projects.images import thumbnail_size, webp_name

register = template.Library()

FIELDS = {"small": "thumbnail_small", "large": "thumbnail_large"}


@register.simple_tag
def thumbnail_img(photo, size="small", eager=False):
    """An <img> of a thumbnail with its size known up front and a larger one in srcset."""
    field = FIELDS[size]
    thumbnail = getattr(photo, field) or photo.image
    width, height = thumbnail_size(photo, field)
    srcset = ""
    small_w, _ = thumbnail_size(photo, "thumbnail_small")
    large_w, _ = thumbnail_size(photo, "thumbnail_large")
    # A small original gives two thumbnails of one width: a srcset then is invalid HTML.
    if photo.thumbnail_small and photo.thumbnail_large and large_w > small_w:
        srcset = format_html(
            ' srcset="{} {}w, {} {}w" sizes="(max-width: 40em) 100vw, {}px"',
            photo.thumbnail_small.url,
            small_w,
            photo.thumbnail_large.url,
            large_w,
            width,
        )
    return format_html(
        '<img src="{}"{} width="{}" height="{}" alt="{}" loading="{}" decoding="async">',
        thumbnail.url,
        srcset,
        width,
        height,
        photo.alt_text,
        "eager" if eager else "lazy",
    )


@register.simple_tag
def webp_source(photo, size="small"):
    """The WebP twins of the thumbnails, for a <picture>; the <img> inside stays JPEG."""
    if not (photo.thumbnail_small and photo.thumbnail_large):
        return ""
    small_w, _ = thumbnail_size(photo, "thumbnail_small")
    large_w, _ = thumbnail_size(photo, "thumbnail_large")
    width, _ = thumbnail_size(photo, FIELDS[size])
    storage = photo.thumbnail_small.storage
    small = storage.url(webp_name(photo.thumbnail_small.name))
    if large_w <= small_w:
        # One width only (a small original): a single candidate, as in the <img>.
        chosen = getattr(photo, FIELDS[size])
        return format_html(
            '<source type="image/webp" srcset="{}">', storage.url(webp_name(chosen.name))
        )
    return format_html(
        '<source type="image/webp" srcset="{} {}w, {} {}w" sizes="(max-width: 40em) 100vw, {}px">',
        small,
        small_w,
        storage.url(webp_name(photo.thumbnail_large.name)),
        large_w,
        width,
    )
