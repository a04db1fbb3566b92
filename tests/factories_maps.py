"""Rows with map points for the map data endpoints (issue 7); the fixtures hold no coordinates."""

import factory

from tests.factories import ProjectFactory


class LocatedProjectFactory(ProjectFactory):
    latitude = factory.Sequence(lambda n: f"{29.45 + (n % 100) * 0.001:.6f}")
    longitude = factory.Sequence(lambda n: f"{106.45 + (n % 97) * 0.001:.6f}")
