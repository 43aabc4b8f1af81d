"""Merge restatements of one event within an article.

News stories state their main event several times (the lede, a quote, a later detail). Two
coded events merge when they have the same type and trigger family, compatible actors and
recipients (same country or one unknown), compatible places (same place, within
``MERGE_RADIUS_KM``, or one containing the other) and compatible dates (overlapping when both
come from the text). The first mention keeps its evidence; the others become ``mentions``
and fill the fields it lacks (:mod:`eventwire.dedup.absorb`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Optional, Sequence

from eventwire.actors.reference import ARMED_SECTORS
from eventwire.events.linking import SPEECH_ACTS
from eventwire.geo import haversine_km
from eventwire.model import Event, Party, Place, TimeExpr, is_implied
from eventwire.times.finder import CLOCK_RE
from eventwire.dedup.absorb import absorb, figure_for
from eventwire.reasons import PlaceReason
from eventwire.dedup.coded import Coded, inherited
from eventwire.dedup.parties import (a_town, one_attacker, one_side, other_speakers, other_targets, party_ok,
                                     same_sides)

MERGE_RADIUS_KM = 50.0
TOLL_COUNTED_WITHIN_DAYS = 2  # a toll told this many days after the act may still be its count
SPAN_DAYS = 3  # a text span this narrow ("over the weekend", "on Friday and Saturday") may be narrowed to one of its days
STORY_DAYS = 1  # an act dated only by the story's lead may be a day off it (the news days before publication)


TOLL_FAMILIES = {"kill"}
FORCE = {"ASSAULT", "COERCE"}  # acts a witness retells in a quotation
# acts whose toll a later sentence may tell; a town's capture and the toll of the fighting are two events
DEADLY_ACTS = {"strike", "attack", "shelling", "explosion", "shooting"}
CLASHES = {"clash"}  # two sides fighting: a toll of either side's fighters is theirs
# words for one act of force that a story may use in turn for the same blow ("stormed", "opened fire", "set fire")
ONE_ACT_WORDS = DEADLY_ACTS | CLASHES | {"kill", "destroy", "territory", "offensive", "operation", "abduct"}
TOLL_HOSTS = DEADLY_ACTS | CLASHES | {"crowd-control"}  # "police fired tear gas ... 35 people were wounded": its toll
def _same_toll(x: Event, y: Event) -> bool:
    """The later mention repeats a count of the first: same kind, same number."""
    mine = {(q.kind, q.value) for q in x.quantities}
    return bool(y.quantities) and all((q.kind, q.value) in mine for q in y.quantities)


def _counts_ok(x: Event, y: Event) -> bool:
    """Two tolls of the same kind that disagree are two events, unless the story says so twice
    with a headline's rounding (handled by the headline pass, which never checks this), or two
    sources give them: each side counts the dead of one attack its own way ("the army said 11
    soldiers were killed", "the group said it killed 34")."""
    if other_speakers(x.reported_by, y.reported_by):
        return True
    mine = {q.kind: q for q in x.quantities}
    return all(q.kind not in mine or mine[q.kind].value == q.value or figure_for(mine[q.kind], q)
               or figure_for(q, mine[q.kind]) for q in y.quantities)


def places_compatible(a: Optional[Place], b: Optional[Place]) -> bool:
    if a is None or b is None:
        return True
    if a.feature == b.feature == "unlisted":  # two villages the gazetteer lacks: one only by name
        return a.text.lower() == b.text.lower()
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.lat is None or b.lat is None:  # a name the gazetteer lacks, named only: nothing to measure
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if "country" in (a.precision, b.precision):
        return True
    if a.precision == "admin1" or b.precision == "admin1":
        return a.admin1 == b.admin1
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= MERGE_RADIUS_KM
    return False


def _dates_ok(a: Coded, b: Coded) -> bool:
    """Overlapping dates when both come from the text. What goes on ("are being targeted") and a
    dated act ("carried out airstrikes last December") are two things, however alike."""
    dated = [c.event.when is not None and c.event.when.source == "text" for c in (a, b)]
    if dated[0] != dated[1] and (a.ongoing or b.ongoing):
        return False
    if (a.by_the_report or b.by_the_report) and a.event.type == b.event.type == "ASSAULT":
        return _reported_by_then(a, b) if a.by_the_report else _reported_by_then(b, a)
    return _text_dates_overlap(a.event, b.event)


def _reported_by_then(reported: Coded, other: Coded) -> bool:
    """'said on Saturday its fighters had carried out an ambush': the report bounds the act only
    from above, so any mention dated on or before that day may tell it. Only for acts of force,
    which a claim often tells first; a government's measures come one after another ("expelled
    seven staff" last week, "was recalling its ambassador" now)."""
    mine, theirs = reported.event.when, other.event.when
    if not (mine and mine.end and theirs and theirs.start) or theirs.source != "text" or other.by_the_report:
        return _text_dates_overlap(reported.event, other.event)
    return theirs.start <= mine.end


def _text_dates_overlap(a: Event, b: Event) -> bool:
    if a.when is None or b.when is None or a.when.source != "text" or b.when.source != "text":
        return True
    if _clock_only(a.when.text) or _clock_only(b.when.text):
        return True  # "at about 4 p.m.": an hour whose day was borrowed from the sentences around it
    if not (a.when.start and b.when.start):
        return True
    return a.when.start <= (b.when.end or b.when.start) and b.when.start <= (a.when.end or a.when.start)


CLOCK_HEDGES = {"around", "about", "at", "shortly", "just", "after", "before", "approximately", "some", "by", "until",
                "nearly", "almost", "past", "soon"}


def _clock_only(text: Optional[str]) -> bool:
    """'around 1 p.m.', 'shortly after midnight': a time of day and no day of its own."""
    if not text or CLOCK_RE.search(text) is None:
        return False
    return all(w in CLOCK_HEDGES for w in re.findall(r"[a-z0-9]+", CLOCK_RE.sub(" ", text).lower()))


SEVERAL_EVENTS = re.compile(r"\b(?:two|three|four|five|six|several|multiple|twin|a series of|a wave of|\d+)"
                            r"(?: \w+)? (?:explosions|blasts|attacks|bombings|strikes|bombs|raids)\b", re.I)


def _same_weapon(x: Event, y: Event) -> bool:
    """"An IED detonated under a convoy" and "was killed by an IED": two words, one weapon. A
    sentence that tells of several ("killed in two explosions") sums events: it absorbs none."""
    return x.type == "ASSAULT" and x.mode is not None and x.mode == y.mode and _one_place(x.location, y.location) and \
        not any(SEVERAL_EVENTS.search(e.evidence.sentence) for e in (x, y))


def _one_place(a: Optional[Place], b: Optional[Place]) -> bool:
    """Both placed, at one place or one inside the other (a town in its province or country):
    two words for the same weapon are one event only where the text puts them together."""
    if a is None or b is None:
        return False
    if "unlisted" in (a.feature, b.feature):  # a village placed at its province is not known to be in it
        return a.feature == b.feature and a.text.lower() == b.text.lower()
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return any(big.precision in ("country", "admin1") and big.country == small.country
               and getattr(big, big.precision) == getattr(small, big.precision) for big, small in ((a, b), (b, a)))


def _same_family(a: Coded, b: Coded) -> bool:
    """One kind of act; or a word the first absorbed, told again with the same toll ("blew himself
    up, killing six ... Six service members were killed"; not "Tamerlan was killed in a gun battle")."""
    return a.family == b.family or (bool(a.families() & b.families()) and _same_toll(a.event, b.event))


def compatible(a: Coded, b: Coded, same_family: bool = True, one_country: bool = False) -> bool:
    """Whether b may restate a; ``one_country``: the places need only lie in one country (a
    reference to the act just told, placed by a village the gazetteer lacks)."""
    x, y = a.event, b.event
    placed = _one_country(x.location, y.location) if one_country or _said_somewhere(a, b) \
        else places_compatible(x.location, y.location)
    return (x.type == y.type and (_same_family(a, b) or not same_family or _same_weapon(x, y)) and party_ok(x.actor, y.actor)
            and not (x.type in SPEECH_ACTS and (other_speakers(x.actor, y.actor) or other_targets(x.recipient, y.recipient)
                                                or _other_manner(x, y) or _other_requests(a, b)))
            and (party_ok(x.recipient, y.recipient) or a.anaphoric or b.anaphoric  # "the attack also hit a hospital"
                 or a_town(x.recipient) or a_town(y.recipient))
            and placed and not _placed_apart(a, b)
            and _dates_ok(a, b) and (not same_family or _counts_ok(x, y) or a.anaphoric or b.anaphoric))


def _other_manner(x: Event, y: Event) -> bool:
    """A summons that conveys a protest and a charge that names a wrong ("accused Pakistan of allowing
    ..."): one speaker's two statements of one type, told in two manners, are two events."""
    return x.mode is not None and y.mode is not None and x.mode != y.mode \
        and (x.evidence.start, x.evidence.end) != (y.evidence.start, y.evidence.end)


def _other_requests(a: Coded, b: Coded) -> bool:
    """'urged Kampala to reopen the crossing' and 'urged Kampala to pay the traders': one
    speaker's two requests that ask for different things, or two charges of different wrongs, are two
    events."""
    return a.event.type in ("REQUEST", "ACCUSE") and bool(a.asks) and bool(b.asks) and not a.asks & b.asks


def _placed_apart(a: Coded, b: Coded) -> bool:
    """'A missile tore through a hospital in Kharkiv while drones hit a depot in Izium': two acts one
    sentence tells, each in the place its own clause names, are two events."""
    x, y = a.event, b.event
    return x.evidence.start == y.evidence.start and PlaceReason.CLAUSE in (a.place_reason, b.place_reason) \
        and a.place_reason in (PlaceReason.CLAUSE, PlaceReason.ACTED_ON) \
        and b.place_reason in (PlaceReason.CLAUSE, PlaceReason.ACTED_ON) \
        and x.location is not None and y.location is not None and x.location.geonameid != y.location.geonameid


def _said_somewhere(a: Coded, b: Coded) -> bool:
    """A statement placed only by the story around it (a dateline, the province of the fight it
    answers): where it was said is unknown, so its place tells it from no other statement."""
    return a.event.type in SPEECH_ACTS and (inherited(a.place_reason) or inherited(b.place_reason))


def _one_country(a: Optional[Place], b: Optional[Place]) -> bool:
    return a is None or b is None or (a.country is not None and a.country == b.country)


def _one_scene(a: Coded, b: Coded) -> bool:
    """One act of force told in two words ("ambushed the convoy", "hit the convoy"): the same named
    sides, the same town, the same day from the text -- ACLED's unit of one event -- and single acts
    of deadly kinds (not "strikes", not a town's capture)."""
    x, y = a.event, b.event
    if a.family not in DEADLY_ACTS or a.plural or b.plural:
        return False
    if not (same_sides(x.actor, y.actor) and same_sides(x.recipient, y.recipient)):
        return False
    return _same_area_and_day(x, y)


def _same_area_and_day(x: Event, y: Event) -> bool:
    same_town = x.location is not None and y.location is not None and _one_area(x.location, y.location)
    return same_town and _same_day(x, y)


def _same_day(x: Event, y: Event) -> bool:
    """Both on one day from the text, or one day from the text inside the other's short span; or one
    so dated and the other undated in its sentence, in a window (the report's day) that holds that day."""
    a, b = x.when, y.when
    if a is None or b is None:
        return False
    if a.source == b.source == "text":
        return a.start == b.start == a.end == b.end or _day_within(a, b) or _day_within(b, a)
    dated, other = (a, b) if a.source == "text" else (b, a)
    if dated.source != "text" or not dated.start or dated.start != dated.end or not other.start:
        return False
    if other.source == "story":  # the lead's day, inferred: any day of the story's news days may be the act's
        return abs((date.fromisoformat(other.start[:10]) - date.fromisoformat(dated.start[:10])).days) <= STORY_DAYS
    return other.start <= dated.start <= (other.end or other.start)


def _day_within(day: TimeExpr, span: TimeExpr) -> bool:
    """One day from the text inside a short span from the text ("over the weekend" ... "at first
    light on Saturday"): the story narrowing its own date. A week is too wide to say it is one act."""
    if not (day.start and span.start and span.end) or day.start != day.end or span.start == span.end:
        return False
    width = (date.fromisoformat(span.end[:10]) - date.fromisoformat(span.start[:10])).days
    return width <= SPAN_DAYS and span.start <= day.start <= span.end


def _fought_back(a: Coded, b: Coded) -> bool:
    """The other side's blow in the same fight ("militants stormed the base" ... "troops repelled
    the attack and killed 40 militants"): armed sides crossed, the same area and day -- ACLED codes
    one battle, whoever reports its dead."""
    x, y = a.event, b.event
    if a.family not in DEADLY_ACTS or b.family not in DEADLY_ACTS | TOLL_FAMILIES or a.plural or b.plural \
            or x.type != y.type:
        return False
    sides = (x.actor, x.recipient, y.actor, y.recipient)
    if any(s is None or s.sector not in ARMED_SECTORS for s in sides):
        return False
    return one_side(x.actor, y.recipient) and one_side(x.recipient, y.actor) and _same_area_and_day(x, y)


def _one_area(a: Place, b: Place) -> bool:
    """One town; or one province when neither names a town in it (both told at the same level)."""
    if a.precision == b.precision == "place":
        return a.geonameid is not None and a.geonameid == b.geonameid
    return a.precision == b.precision == "admin1" and a.feature != "unlisted" != b.feature \
        and a.country == b.country and a.admin1 is not None and a.admin1 == b.admin1


def _counted_later(host: Coded, toll: Coded) -> bool:
    """A toll told on a day just after the act ("By Wednesday morning ... three other people were
    wounded"): counted then, suffered in the act. Compatible in all but the date."""
    h, t = host.event.when, toll.event.when
    if h is None or t is None or h.source != "text" or t.source != "text" or not h.start or not t.start:
        return False
    try:
        gap = (date.fromisoformat(t.start[:10]) - date.fromisoformat((h.end or h.start)[:10])).days
    except ValueError:
        return False
    if not 0 < gap <= TOLL_COUNTED_WITHIN_DAYS:
        return False
    undated = replace(toll.event, when=host.event.when)
    return compatible(host, Coded(undated, toll.family), same_family=False)


def _toll_of_an_act(c: Coded) -> bool:
    """People killed or wounded with no one named who did it: the toll of an act told before."""
    actor = c.event.actor
    return c.family in TOLL_FAMILIES and (actor is None or is_implied(actor))


def _toll_host(kept: list[Coded], toll: Coded) -> Optional[Coded]:
    """The act a toll counts: the latest compatible one (one of 20 bombs' toll is its own); a toll
    its sentence does not place ("the Health Ministry said one person was killed") counts the
    latest act of its kind, wherever the story around it was set."""
    hosts = [k for k in reversed(kept) if k.family in TOLL_HOSTS | TOLL_FAMILIES and not k.plural
             and not _own_forces_hit(k.event.actor, toll.event.recipient)]
    found = next((k for k in hosts if _counts_toll_of(k, toll)), None)
    if found is not None or not hosts or not inherited(toll.place_reason):
        return found
    unplaced = replace(toll, event=replace(toll.event, location=None))
    latest = hosts[0]
    return latest if compatible(latest, unplaced, same_family=False) and _counts_ok(latest.event, toll.event) else None


def _counts_toll_of(host: Coded, toll: Coded) -> bool:
    """Whether a toll may count what ``host`` did: compatible with it, or counted a day after it."""
    as_hit = _as_people_hit(host, toll)
    return (compatible(host, as_hit, same_family=False) or _counted_later(host, as_hit)) \
        and _counts_ok(host.event, toll.event)


def _as_people_hit(host: Coded, toll: Coded) -> Coded:
    """A strike on facilities ("struck port and energy facilities") kills and wounds people: its
    toll's civilians are no other victims than the facilities'. A clash's toll counts fighters of
    either side ("six fighters from both sides had been wounded")."""
    things, people = host.event.recipient, toll.event.recipient
    facilities_hit = things is not None and people is not None and things.sector == "BUS" and people.sector == "CVL"
    fighters_hit = host.family in CLASHES and people is not None and people.sector in ARMED_SECTORS
    return replace(toll, event=replace(toll.event, recipient=None)) if facilities_hit or fighters_hit else toll


def _own_forces_hit(actor: Optional[Party], victims: Optional[Party]) -> bool:
    """'93 officers had been injured' is no toll of what a police truck did: an act's toll counts
    the other side, not the police that acted (armies of one country fight each other: not armies)."""
    if actor is None or victims is None or is_implied(actor) or is_implied(victims):
        return False
    return actor.sector == "COP" == victims.sector and actor.country == victims.country


def _may_refer(c: Coded, host: Coded) -> bool:
    """'The airport attack' is one act: it does not refer back to "terror attacks" or "bombing
    campaigns" told before it, only to one act; and an act told as one more in the sentence of
    another ("hit the depot and also struck the air base") is not that one."""
    one_more = c.another and c.event.evidence.start == host.event.evidence.start
    return not (c.anaphoric and not c.plural and host.plural) and not one_more


def _retold_by_witness(host: Coded, c: Coded) -> bool:
    """The same act of force, there and then; property destroyed is an act of its own (ACLED codes it
    apart from an attack on people)."""
    x, y = host.event, c.event
    return x.type == y.type in FORCE and (x.mode == "destroy") == (y.mode == "destroy") \
        and places_compatible(x.location, y.location) and _dates_ok(host, c)


def merge_within_article(coded: list[Coded], headline: Sequence[Coded] = ()) -> list[Coded]:
    """Merge restatements; headline events merge into any compatible body event of their type
    (a headline summarises: "kill ... in attack" is the body's attack) and are otherwise dropped,
    as is an event named only as a reference ("arrested days after the bombing", "an inquiry into the
    killings") that the article reports nowhere else: it is background, not news."""
    kept: list[Coded] = []
    for c in coded:
        host = next((k for k in kept if compatible(k, c) and _may_refer(c, k)), None)
        if host is None and c.anaphoric:  # the latest compatible event of the type, whatever its word
            host = next((k for k in reversed(kept) if compatible(k, c, same_family=False) and _may_refer(c, k)), None)
        if host is None and c.anaphoric:  # "The attack targeted a base near X": the act just told, in its country
            latest = next((k for k in reversed(kept) if k.event.type == c.event.type), None)
            if latest is not None and compatible(latest, c, same_family=False, one_country=True) and _may_refer(c, latest):
                host = latest
        if host is None and c.retold:  # whoever the witness's "they" was read as: the act told, there and then
            host = next((k for k in reversed(kept) if _retold_by_witness(k, c)), None)
        if host is None and _toll_of_an_act(c):  # "14 people were killed when bombs hit": the strike's toll
            host = _toll_host(kept, c)
        if host is None and c.family in DEADLY_ACTS:  # "ambushed a convoy near X" ... "hit the convoy with bombs"
            host = next((k for k in kept if _one_scene(k, c) and compatible(k, c, same_family=False)
                         and _counts_ok(k.event, c.event)), None)
        if host is None and c.event.type == "ASSAULT" and c.family in ONE_ACT_WORDS and not c.plural and not c.another:
            host = next((k for k in kept if k.family in ONE_ACT_WORDS and not k.plural and _same_day(k.event, c.event)
                         and one_attacker(k.event.actor, c.event.actor) and compatible(k, c, same_family=False)), None)
        crossed = host is None and not c.reference and next((k for k in kept if _fought_back(k, c)), None)
        if crossed:
            absorb(crossed, c, other_side=True)
            continue
        if host is None and not c.reference:
            kept.append(c)
        elif host is not None:
            absorb(host, c)  # an event named only as a reference, and told nowhere else, is background
    for c in headline:  # a headline event the body never states compatibly is a garbled summary: dropped
        host = next((k for k in kept if compatible(k, c)), None) or \
            next((k for k in kept if compatible(k, c, same_family=False)), None)
        if host is not None:
            absorb(host, c)
    return kept
