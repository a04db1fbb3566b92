# The site app's own models live in packages by concept.
from jiulongpo.search.models import SearchDocument

__all__ = ["SearchDocument"]
