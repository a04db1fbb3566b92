"""Straight-line distance and walking time for "parks near me" (the 15分钟公园圈).

Distances are as the crow flies (haversine on WGS-84 coordinates); real walks are longer
because of streets, hills and stairs, and the pages say so.
"""

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
# An unhurried adult pace; the page states it so residents can judge for themselves.
WALKING_SPEED_KMH = 4.5
WALK_CIRCLE_MINUTES = 15


def distance_km(lat1, lng1, lat2, lng2):
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    d_phi = phi2 - phi1
    d_lambda = math.radians(float(lng2) - float(lng1))
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def walking_minutes(km):
    """Whole minutes, rounded up: 1.125 km at 4.5 km/h is 15 minutes."""
    return max(1, math.ceil(round(km / WALKING_SPEED_KMH * 60, 6)))


@dataclass
class NearbyPark:
    park: object
    km: float
    minutes: int

    @property
    def within_circle(self):
        return self.minutes <= WALK_CIRCLE_MINUTES

    @property
    def metres(self):
        return round(self.km * 1000)


def parks_near(parks, lat, lng):
    """(located parks nearest first, parks without a location) for a point."""
    nearby, unlocated = [], []
    for park in parks:
        if not park.has_location:
            unlocated.append(park)
            continue
        km = distance_km(lat, lng, park.latitude, park.longitude)
        nearby.append(NearbyPark(park, km, walking_minutes(km)))
    nearby.sort(key=lambda n: (n.km, n.park.name))
    return nearby, unlocated


def shortlist(nearby, beyond=10):
    """Every park within the circle, then the next few beyond it: (shown, how many left out)."""
    within = sum(1 for n in nearby if n.within_circle)
    shown = nearby[: within + beyond]
    return shown, len(nearby) - len(shown)
