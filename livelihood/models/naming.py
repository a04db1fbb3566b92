from django.utils.translation import get_language


def localized(chinese, english):
    """The English name on English pages when an editor gave one, else the Chinese."""
    language = get_language() or ""
    return english if english and language.startswith("en") else chinese
