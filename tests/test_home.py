from types import SimpleNamespace

from eventwire.places.home import HomeAreas


def _town(lat, lon, feature="city"):
    return SimpleNamespace(lat=lat, lon=lon, feature=feature)


def test_a_local_outlet_gets_a_home_after_enough_places():
    homes = HomeAreas(min_places=4, recompute_every=1)
    for k in range(6):  # East Texas towns
        homes.observe("athensreview.com", [_town(32.2 + k * 0.1, -95.8 + k * 0.1)])
    home = homes.home("athensreview.com")
    assert home is not None and abs(home[0] - 32.4) < 0.5 and abs(home[1] + 95.6) < 0.5


def test_a_wire_service_with_spread_places_gets_none():
    homes = HomeAreas(min_places=4, recompute_every=1)
    for lat, lon in [(50.4, 30.5), (31.5, 34.4), (15.6, 32.5), (38.9, -77.0), (48.8, 2.3), (35.7, 51.4)]:
        homes.observe("wire", [_town(lat, lon)])
    assert homes.home("wire") is None


def test_countries_do_not_count_and_no_source_means_no_home():
    homes = HomeAreas(min_places=1, recompute_every=1)
    homes.observe("paper", [_town(10, 10, "country")])
    homes.observe(None, [_town(10, 10)])
    assert homes.home("paper") is None and homes.home(None) is None


def test_home_area_changes_the_reading(pipeline):
    from eventwire.places.resolver import PlaceResolver
    doc = pipeline.nlp("Police in Paris arrested a man on Tuesday.")
    resolver = PlaceResolver(pipeline.gaz, pipeline.kb)
    assert resolver.find(doc)[0].place.country == "FRA"
    texas = resolver.find(doc, home=(33.66, -95.55))[0].place  # near Paris, Texas
    assert texas.country == "USA" and "home area" in texas.why
