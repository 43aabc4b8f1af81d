"""Where an outlet usually reports from, learned from its own earlier articles.

A local paper's "Paris" is usually the Paris near it, not France's capital; a careful coder
knows which paper they are reading. :class:`HomeAreas` keeps, per source (outlet name or web
domain), the towns and counties the resolver placed in that source's earlier articles. Once a
source has enough of them and most lie within ``radius_km`` of one point, that point is the
source's home, and the resolver gives readings near it a bonus. Wire services and national
outlets, whose places are spread out, never get a home. Nothing is fetched or configured: the
prior comes only from what the same run has already coded, so it works on a firehose and is
empty for a single article.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Optional

from eventwire.geo import haversine_km
from eventwire.places.scoring import LOCAL_FEATURES


@dataclass
class _Source:
    points: deque = field(default_factory=lambda: deque(maxlen=120))
    home: Optional[tuple[float, float]] = None
    seen_at_home: int = 0


class HomeAreas:
    # A local paper names places from all over (national news, sport away games): 40% of its
    # towns and counties within 150 km of one point is a home (LGL: 62 of 85 outlets get one;
    # 8 places and 50% gave 44 and 0.842 within 161 km, these 0.857).
    def __init__(self, min_places: int = 5, radius_km: float = 150.0, share: float = 0.4,
                 recompute_every: int = 5) -> None:
        self.min_places = min_places
        self.radius_km = radius_km
        self.share = share
        self.recompute_every = recompute_every
        self._sources: dict[str, _Source] = {}

    def home(self, source: Optional[str]) -> Optional[tuple[float, float]]:
        """The source's home point, or None when it has none (yet)."""
        state = self._sources.get(source or "")
        return state.home if state else None

    def observe(self, source: Optional[str], places: Iterable) -> None:
        """Record the local places (GeoEntry-like: feature, lat, lon) coded in one of the source's articles."""
        if not source:
            return
        state = self._sources.setdefault(source, _Source())
        added = 0
        for entry in {(p.lat, p.lon): p for p in places if p.feature in LOCAL_FEATURES}.values():
            state.points.append((entry.lat, entry.lon))
            added += 1
        state.seen_at_home += added
        if len(state.points) >= self.min_places and state.seen_at_home >= self.recompute_every:
            state.home = self._medoid(list(state.points))
            state.seen_at_home = 0

    def _medoid(self, points: list[tuple[float, float]]) -> Optional[tuple[float, float]]:
        """The point with the most others within the radius, if they are at least ``share`` of all."""
        best, best_count = None, 0
        for la, lo in points:
            count = sum(1 for la2, lo2 in points if abs(la - la2) < 2.5 and haversine_km(la, lo, la2, lo2) <= self.radius_km)
            if count > best_count:
                best, best_count = (la, lo), count
        return best if best_count >= self.share * len(points) else None
