"""How an event absorbs a restatement of it (:mod:`eventwire.dedup.within`): the parties, place,
date, mode and counts the host lacks, a figure for a count told in words of scale, a narrower
place inside the first one's area, and the restatement's sentence as a further mention."""
from __future__ import annotations

from eventwire.dedup.coded import Coded, inherited
from eventwire.events.acled import is_firm
from eventwire.model import Event, Place, Quantity, Span, is_implied


def absorb(host: Coded, other: Coded, other_side: bool = False) -> None:
    """``other_side``: the other side's blow in the same fight, whose dead are counted beside the first's."""
    h, o = host.event, other.event
    host.also = host.also | other.families()
    taken = {(p.start, p.end) for p in (h.actor, h.recipient) if p is not None}
    for role in ("actor", "recipient", "reported_by"):
        mine, theirs = getattr(h, role), getattr(o, role)
        if theirs is None or (role != "reported_by" and (theirs.start, theirs.end) in taken):
            continue
        if mine is None or is_implied(mine) or (mine.country is None and theirs.country is not None):
            setattr(h, role, theirs)
    if o.location is not None and (h.location is None or (inherited(host.place_reason)
                                                          and not inherited(other.place_reason))
                                   or _narrower(o.location, h.location)):
        h.location, host.place_reason = o.location, other.place_reason
    if o.when is not None and o.when.source == "text" and (h.when is None or h.when.source != "text"
                                                        or (host.by_the_report and not other.by_the_report)):
        h.when, host.by_the_report = o.when, other.by_the_report  # the act's own day over the report's bound
    if other_side:
        h.quantities += [q for q in o.quantities if (q.kind, q.value) not in {(x.kind, x.value) for x in h.quantities}]
    else:
        _merge_counts(h, o)
    if h.mode is None and o.mode is not None:
        h.mode = o.mode
        if not (h.acled and is_firm(h.acled.get("why", ""))):  # a town seized stays seized, whatever was burned in it
            h.acled = o.acled
    if (o.evidence.start, o.evidence.end) == (h.evidence.start, h.evidence.end):
        _link_words(h, o)  # "the massacre ... shot and killed": more words of the same sentence
    else:
        h.evidence.mentions.append(Span(o.evidence.sentence, o.evidence.start, o.evidence.end))
    h.evidence.mentions += o.evidence.mentions
    h.confidence = min(0.95, max(h.confidence, o.confidence) + 0.05)


def _merge_counts(h: Event, o: Event) -> None:
    # "more than a dozen villagers" in the lead, "at least 14 people" in the body: the figure wins
    h.quantities = [next((q for q in o.quantities if q.kind == x.kind and figure_for(x, q)), x) for x in h.quantities]
    have = {(q.kind, q.value) for q in h.quantities} | {("value", q.value) for q in h.quantities}
    h.quantities += [q for q in o.quantities
                     if (q.kind, q.value) not in have and ("value", q.value) not in have
                     and q.kind not in {x.kind for x in h.quantities}]


VAGUE_COUNT_WORDS = {"dozen", "dozens", "scores", "several", "hundreds", "thousands", "handful", "few", "many"}


def figure_for(vague: Quantity, figure: Quantity) -> bool:
    """A count told in words of scale ("more than a dozen", "dozens") and the same count given as a
    figure later ("at least 14"): the figure is the count, when it is of that order."""
    return bool(set(vague.text.lower().split()) & VAGUE_COUNT_WORDS) \
        and not set(figure.text.lower().split()) & VAGUE_COUNT_WORDS and vague.value / 2 <= figure.value <= vague.value * 4


PRECISION_RANK = {"country": 0, "admin1": 1, "admin2": 2, "place": 3}


def _narrower(inner: Place, outer: Place) -> bool:
    """'an airstrike in Rakhine state' told again as 'a jet bombed Kyauk Ta Lone': the later
    mention names a place inside the first one's area, which is where the act happened."""
    if inner.country != outer.country or inner.lat is None:
        return False
    rank_in, rank_out = PRECISION_RANK.get(inner.precision or "", -1), PRECISION_RANK.get(outer.precision or "", -1)
    if rank_in <= rank_out or rank_out < 0:
        return False
    return outer.precision == "country" or (outer.admin1 is not None and inner.admin1 == outer.admin1)


def _link_words(host: Event, other: Event) -> None:
    have = {(w.start, w.end) for w in [host.evidence.trigger, *host.evidence.linked]}
    for word in [other.evidence.trigger, *other.evidence.linked]:
        if (word.start, word.end) not in have:
            host.evidence.linked.append(word)
            have.add((word.start, word.end))
    host.evidence.linked.sort(key=lambda w: w.start)
