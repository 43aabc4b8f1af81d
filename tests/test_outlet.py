import pytest

from eventwire.places import gazetteer
from eventwire.places.outlet import host_of, outlet_hint
from eventwire.places.resolver import PlaceResolver


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.load()


@pytest.mark.parametrize("address,country,places", [
    ("https://www.richmondregister.com/news/local/x.html", None, ("richmond",)),
    ("thelancasterandmorecambecitizen.co.uk", "GBR", ("lancaster", "morecambe")),
    ("lfpress.ca", "CAN", ()),
    ("messenger.com.ge", "GEO", ()),
    ("kansascity.com", None, ("kansas city",)),
    ("echopress.com", None, ()),           # "echo" is a nameplate word, not Echo, Oregon
    ("masslive.com", None, ()),            # "mass" is neither: no partial readings
    ("alextimes.com", None, ()),           # Alex, Oklahoma is too small to name a paper after
    ("weekly.ahram.org.eg", "EGY", ()),    # no Ahram in Egypt
    ("news.tv", None, ()),                 # a generic use of a country code
])
def test_what_an_address_names(gaz, address, country, places):
    hint = outlet_hint(address, gaz)
    assert (hint.country, hint.places) == (country, places)


def test_no_address_gives_an_empty_hint(gaz):
    assert not outlet_hint(None, gaz) and not outlet_hint("Reuters", gaz)
    assert host_of("HTTP://Example.COM:8080/a/b") == "example.com"


def test_the_outlet_places_an_article_that_names_nothing_else(nlp, gaz):
    from eventwire.actors import kb
    resolver = PlaceResolver(gaz, kb.load())
    doc = nlp("Berea police are searching for a suspect in a robbery outside an apartment complex in Berea.")
    assert resolver.find(doc)[0].place.country != "USA" or resolver.find(doc)[0].place.admin1 != "Kentucky"
    place = resolver.find(doc, outlet=outlet_hint("richmondregister.com", gaz))[0].place
    assert (place.country, place.admin1) == ("USA", "Kentucky") and "outlet" in place.why


def test_a_country_domain_votes_for_its_country(nlp, gaz):
    from eventwire.actors import kb
    resolver = PlaceResolver(gaz, kb.load())
    doc = nlp("The festival returns to London next summer.")
    assert resolver.find(doc)[0].place.country == "GBR"
    assert resolver.find(doc, outlet=outlet_hint("lfpress.ca", gaz))[0].place.country == "CAN"


def test_the_pipeline_reads_the_article_url(pipeline):
    from eventwire.model import Article
    text = "Berea police are searching for a suspect in a robbery outside an apartment complex in Berea."
    places = pipeline.annotate(Article(id="a", text=text, url="https://richmondregister.com/x")).places
    assert places[0].admin1 == "Kentucky"
