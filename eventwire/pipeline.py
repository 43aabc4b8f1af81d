"""Run the stages over an article: parse, places, times, events, actors, attribution, merge.

    >>> from eventwire import Pipeline
    >>> events = Pipeline().code("Russian forces shelled Kharkiv on Tuesday.", published="2025-01-11")

Each stage is a module with one job; this module wires them and turns candidates into
:class:`eventwire.model.Event` records with provenance (char offsets for every field).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Optional, Union
from urllib.parse import urlsplit

from spacy.tokens import Doc

from eventwire import __version__
from eventwire.events import codebook as codebook_mod
from eventwire.places import gazetteer
from eventwire.actors import kb as kb_mod
from eventwire.parse import nlp as nlp_mod
from eventwire.events import quantities as quantities_mod
from eventwire.events import eventmodel
from eventwire.events.condemned import blame_the_doers
from eventwire.events.counterparts import answer_the_counterparts
from eventwire.events import already_told, nonevents
from eventwire.events.modality import ongoing
from eventwire.events.acled import gained_abroad, is_workplace_mine
from eventwire.events.backends import BACKENDS, choose, choose_acled, fill, needs_model
from eventwire.actors.coder import ActorCoder
from eventwire.candidate_phrases import (condemned_act, names_ground, names_no_one, plural, says_whose,
                                        victims, word_span)
from eventwire.attribution.sources import Attributor
from eventwire.events.context import ArticleContext, place_lookup, published_day
from eventwire.events.dates import BY_THE_REPORT, is_news_perfect
from eventwire.events.linking import refers_back, witness_retells
from eventwire.dedup.coded import Coded
from eventwire.dedup.within import merge_within_article
from eventwire.events.tolls import CASUALTY_KINDS, add_intake_tolls, intake_counts, unclaimed_counts
from eventwire.events.triggers import SPEECH_ACTS, Candidate, find_candidates
from eventwire.events.trigger_objects import asked_for
from eventwire.events.means import means_of
from eventwire.events.implied import COMBAT_FAMILIES, ImpliedParties, domestic, holder_named, holders, home_of, paragraph_office, the_forces_named
from eventwire.places.home import HomeAreas
from eventwire.places.outlet import outlet_hint
from eventwire.readers.articles import article_id
from eventwire.model import Annotations, Article, Event, Evidence, Party, Quantity, Span
from eventwire.places.resolver import PlaceMention, PlaceResolver
from eventwire.times.finder import find as find_times
from eventwire.reasons import PlaceReason

FORCE_TYPES = {"ASSAULT", "MOBILIZE"}  # "Russian airstrikes": the actor is the country's forces
OUTCOME_MODES = {"destroy"}  # what an attack did, not how it was done
# attacks a state does through its courts, jails or police, not its armed forces ("Iran executed two men")
HANDS_ON_MODES = {"abduct", "beat", "torture", "execute", "sexual", "crowd-control"}
STATEMENT_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN"}  # said, not done: dated as news unless their sentence dates them
ABOUT_TYPES = {"PROTEST"}  # placed where held, not where what they protest happened (statements keep the place they concern)
MOVES, PEOPLE_ON_THE_MOVE = {"RETREAT", "MOBILIZE"}, {"CVL", "REF"}  # the model's reading of people fleeing
IMPLIED_ACTOR_SECTORS = {"MIL"}  # a military reporting a strike on the other side reports its own strike
ARRESTING_SECTORS = {"GOV", "COP", "MIL", "JUD"}  # an authority that tells of arrests no one is named for: its state's


class Pipeline:
    def __init__(self, keep_hypothetical: bool = False, model: Optional[str] = None, backend: str = "hybrid",
                 outlet_homes: bool = False):
        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}: use one of {', '.join(BACKENDS)}")
        self.nlp = nlp_mod.load(model)
        self.gaz = gazetteer.load()
        self.kb = kb_mod.load()
        self.codebook = codebook_mod.load()
        self.implied = ImpliedParties(self.codebook, self.kb)
        self.resolver = PlaceResolver(self.gaz, self.kb)
        self.parser = nlp_mod.Parser(self.nlp)
        self.keep_hypothetical = keep_hypothetical
        self.backend = backend
        self.model = eventmodel.load() if backend != "rules" else None
        self.coder_info = {"name": "eventwire", "version": __version__, "backend": backend}
        # opt-in: learn each outlet's home area from its earlier articles (results then depend on order)
        self.homes = HomeAreas() if outlet_homes else None

    # -- public API ---------------------------------------------------------------------------
    @staticmethod
    def as_article(text: Union[Article, str], published: Optional[str] = None) -> Article:
        return as_article(text, published)

    def analyse(self, article: Article, doc: Optional[Doc] = None) -> ArticleContext:
        """The stages before the events, in order; each takes the parse and adds one layer."""
        doc = doc if doc is not None else self.parser(article.text)           # 1. parse
        places = self.find_places(article, doc)                                # 2. places
        day = published_day(article)
        times = find_times(doc, day)                                           # 3. times
        attributor = Attributor(doc)                                           # 4. attribution (quotes first:
        actors = ActorCoder(self.kb, day.isoformat() if day else None,         # 5. actors   a pronoun in a
                            attributor.speaker_of, place_lookup(places))       #    quote is its speaker)
        actors.prime(doc)
        return ArticleContext(article, doc, places, times, attributor, actors, lambda name: bool(self.gaz.lookup(name)),
                              self.resolver.country_mention)

    def find_places(self, article: Article, doc: Doc) -> list[PlaceMention]:
        """The places stage: every toponym, resolved with the article's web address as evidence."""
        hint = outlet_hint(article.url or article.source, self.gaz)
        day = article.published[:10] if article.published else None
        if self.homes is None:
            return self.resolver.find(doc, outlet=hint, day=day)
        outlet = article.source or (urlsplit(article.url).hostname if article.url else None)
        places = self.resolver.find(doc, self.homes.home(outlet), hint, day)
        self.homes.observe(outlet, [m.entry for m in places])
        return places

    def code(self, article: Union[Article, str], published: Optional[str] = None, doc=None) -> list[Event]:
        article = as_article(article, published)
        ctx = self.analyse(article, doc)
        return self.code_context(ctx)

    def code_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterable[tuple[Article, list[Event]]]:
        articles = list(articles)
        docs = self.parser.pipe((a.text for a in articles), batch_size=batch_size)
        for article, doc in zip(articles, docs):
            yield article, self.code(article, doc=doc)

    def annotate(self, article: Union[Article, str], published: Optional[str] = None, doc=None) -> Annotations:
        article = as_article(article, published)
        ctx = self.analyse(article, doc)
        actors = []
        for tok in ctx.doc:
            if tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr") \
                    and not (tok.dep_ == "compound"):
                party = ctx.actors.code(tok)
                if party is not None and (party.country or party.sector):
                    actors.append(party)
        return Annotations(article, [p.place for p in ctx.all_places], [t.expr for t in ctx.times], actors,
                           quantities_mod.find(ctx.doc))

    # -- stages -------------------------------------------------------------------------------
    def code_context(self, ctx: ArticleContext) -> list[Event]:
        place_tokens = set(ctx.place_at)
        body: list[Coded] = []
        headline: list[Coded] = []
        received: list[tuple[int, int, list[Quantity]]] = []
        readings = self.sentence_readings(ctx.sents, ctx.actors)
        for k, (sent, reading) in enumerate(zip(ctx.sents, readings)):
            types, acled = (reading.types, reading.acled) if reading else (None, None)
            cands = find_candidates(sent, self.codebook, ctx.actors, place_tokens, self.keep_hypothetical)
            built = [b for c in choose(self.backend, sent, cands, types, ctx.actors) if (b := self._build_any(ctx, c, acled))]
            if not built:
                built = [b for c in fill(self.backend, sent, types, ctx.actors, codebook=self.codebook)
                         if (b := self._build(ctx, c, acled))]
            # the sentence's own news: what dates it is background; not when its own clause only
            # refers back ("The attack came a day after gunmen killed four fishermen": the killing is the news)
            if any(not b.background and not b.anaphoric for b in built):
                for b in built:
                    b.reference = b.reference or b.background
            if counts := unclaimed_counts(intake_counts(sent), built):
                # "the hospital received 40 wounded": a toll; after an attack's own count in the
                # sentence ("14 were confirmed killed ... and 50 others wounded"), its other kinds
                received.append((k, sent.end_char if built else sent.start_char, counts))
            (headline if k == 0 and ctx.has_headline else body).extend(built)
        add_intake_tolls(body, received, {s.start_char: k for k, s in enumerate(ctx.sents)})
        blame_the_doers(body)
        answer_the_counterparts(body)  # a denial or threat naming no one answers the story's other side
        # a headline restates the story's main event: the body's statement of it is the evidence
        return [c.event for c in merge_within_article(body, headline)]

    def _build_any(self, ctx: ArticleContext, cand: Candidate, acled: Optional[dict[str, float]]) -> Optional[Coded]:
        """The event from the candidate, or, when it names no one and nowhere, from the first of the
        other words linked to it that does: "reiterated that Libya must hand over the bombers ... to
        seek Arab support" is the demand, though "seek" came first."""
        built = self._build(ctx, cand, acled)
        # only another statement of the same act: a call or visit absorbed as its means stays absorbed
        for other in [o for o in cand.linked if o.type == cand.type] if built is None else ():
            built = self._build(ctx, other, acled)
            if built is not None:
                break
        return built

    def sentence_readings(self, sents, coder=None) -> list[Optional[eventmodel.Reading]]:
        """The event model's reading of each sentence that needs one (None for the others, and for
        all under the rules backend)."""
        out: list[Optional[eventmodel.Reading]] = [None] * len(sents)
        if self.model is None:
            return out
        need = [k for k, s in enumerate(sents) if needs_model(s, self.codebook, coder)]
        for k, reading in zip(need, self.model.read([sents[k].text.strip() for k in need])):
            out[k] = reading
        return out

    def _state_act_told_by(self, cand: Candidate, reported_by: Optional[Party]) -> Optional[Party]:
        """An act only a state performs (an arrest) done to people the clause names, with no agent,
        told by an authority: the authority's state did it, as in an arrest with no agent placed."""
        if cand.actor_head is not None or cand.recipient_head is None or reported_by is None \
                or reported_by.sector not in ARRESTING_SECTORS or not reported_by.country \
                or cand.family not in self.codebook.state_acts:
            return None
        return self.implied.state_actor(reported_by.country, self.codebook.state_acts[cand.family], cand.trigger)

    def _build(self, ctx: ArticleContext, cand: Candidate, acled_reading: Optional[dict[str, float]] = None) -> Optional[Coded]:
        trig = cand.trigger
        actor = ctx.actors.code_as_named(cand.actor_head)
        recipient = ctx.actors.code_as_named(cand.recipient_head)
        if actor is not None and recipient is not None and ((actor.start, actor.end) == (recipient.start, recipient.end)
                                                            or recipient.refers_to == actor.text):
            # one phrase is not both sides: the one it happened to, unless a pronoun points back ("what he called")
            pointed_back = getattr(cand.recipient_head, "pos_", None) == "PRON" != getattr(cand.actor_head, "pos_", None)
            actor, recipient = (actor, None) if pointed_back else (None, recipient)
        attribution = ctx.attributor.attribute(trig)
        reported_by = ctx.actors.code(attribution.source_head)
        extra = set()
        for other in cand.linked:
            extra |= ctx.scope(other.trigger)
        # forces sent or a visitor welcomed "to" a place are there ("deployed to Mali", "welcomed to the Kremlin")
        toward = cand.type == "MOBILIZE" or (cand.type == "CONSULT" and cand.mode == "visit")
        place, place_reason = ctx.locate(trig, extra, toward=toward, about_elsewhere=cand.type in ABOUT_TYPES,
                                   addressed=cand.type in SPEECH_ACTS)
        if cand.rule.options.get("at_the_seat") and actor is not None and actor.country:
            place, place_reason = ctx.at_the_seat(trig, actor.country, place, place_reason)
        ctx.remember_place(trig, place, place_reason, said=cand.type in SPEECH_ACTS)
        # a place in the sentence vouches for a happening, also a name the gazetteer lacks that the clause
        # calls a place ("a bomb exploded in the village of X"): event-location dev 2,935 -> 2,946 of 4,077;
        # not a sea or region ("a plane came down in the Gulf of Aden")
        placed = place is not None and place.place.feature != "region"
        in_sentence = placed and place_reason and place_reason.in_sentence
        if actor is None and not in_sentence:
            actor = self._state_act_told_by(cand, reported_by)  # "the ministry said 18 suspects had been detained"
        if actor is None and cand.actor_head is None and cand.rule.opt("speaker_may_act"):
            # "police said an investigation was under way": an inquiry no one is named for is the authority's that
            # tells of it; "the investigation was based on evidence" is one already told
            if reported_by is None or reported_by.sector not in ARRESTING_SECTORS or refers_back(trig):
                return None
            actor = replace(reported_by, why=f"the authority that tells of it; {reported_by.why}")
        if actor is None and recipient is None and not in_sentence:
            return None  # nobody and nowhere: a generic mention ("frontline battles have escalated")
        if cand.family == "learned" and (actor is None or (recipient is None and not placed)):
            return None  # no trigger word vouches for it: it must say who, and to whom or where
        if cand.family == "learned" and cand.type in MOVES and actor is not None and actor.sector in PEOPLE_ON_THE_MOVE:
            return None  # "hundreds of families had left the area": displacement, which no event type codes
        if cand.family == "learned" and cand.type == "CONSULT" and recipient is not None and recipient.sector == "MED":
            return None  # "spoke to CNN": talking to the press is no consultation (the codebook's speak/talk rule)
        when, when_reason = ctx.date(trig, attribution.cue, planned=bool(cand.hypothetical),
                                     statement=cand.type in STATEMENT_TYPES or (cand.type in SPEECH_ACTS and is_news_perfect(trig)))
        if nonevents.judge(trig, cand.type, when, ctx.published) is not None:
            return None  # a toll over a period, or what a disease or disaster did: not one event
        if actor is None and reported_by and reported_by.country and reported_by.sector in IMPLIED_ACTOR_SECTORS \
                and cand.type == "ASSAULT" and recipient and recipient.country and recipient.country != reported_by.country:
            actor = replace(reported_by, sector="MIL", why=f"implied: the forces of the side that reports it ({reported_by.text})")
        if actor is not None and actor.sector is None and cand.actor_head is not None and cand.type in FORCE_TYPES \
                and (cand.actor_head.dep_ in ("amod", "compound") or cand.actor_head.lemma_ in ("coalition", "alliance")) \
                and actor.country:  # "a US strike", "the Saudi-led coalition bombed": a country's forces
            actor = replace(actor, sector="MIL", why=f"{actor.why}; a country's {cand.type.lower()}: its forces")
        if reported_by is None and actor is not None and cand.type in SPEECH_ACTS and actor.text:
            # "UNHCR appealed for $2.8 million": a demand, a charge or a threat is said by its actor
            reported_by = replace(actor, why=f"the speaker: its {cand.type.lower()} is said by the actor; {actor.why}")
        mode = cand.mode or self._mode_from_cues(cand)
        means = means_of(trig) if mode in OUTCOME_MODES else None
        if means is not None:  # "destroyed by shelling", "razed in an airstrike": the means says how
            mode = self.codebook.mode_named(cand.type, {t.lemma_.lower() for t in means.subtree}) or mode
        if cand.type == "ASSAULT" and mode not in HANDS_ON_MODES and actor is not None and actor.sector == "GOV" \
                and actor.country and actor.name == self.kb.country_names.get(actor.country):
            # "The United States bombed Syrian soldiers": a state that attacks does so with its forces
            actor = replace(actor, sector="MIL", why=f"{actor.why}; a country's attack: its forces")
        quantities = self._quantities(cand)
        sent_index = ctx.sent_index(trig)
        sent = ctx.sents[sent_index]
        trigger_span = word_span(trig, cand.rule.lemma)
        sent_text = ctx.sent_texts[sent_index].rstrip()
        lead = len(sent_text) - len(sent_text.lstrip())
        linked = [Span(t.text, t.idx, t.idx + len(t.text)) for t in sorted({o.trigger for o in cand.linked} - {trig}, key=lambda t: t.i)]
        evidence = Evidence(sent_text.strip(), sent.start_char + lead, sent.start_char + len(sent_text), trigger_span, linked=linked)
        certainty = "hypothetical" if cand.hypothetical else attribution.certainty
        if certainty == "denied" and not (place_reason and place_reason.in_sentence and place_reason is not PlaceReason.SENTENCE):
            return None  # "denied targeting civilians" (a place elsewhere in the sentence not counting): only the denial
        location = None
        actor, recipient = (the_forces_named(ctx.actors, paragraph_office(ctx.actors, p, head), head)
                            for p, head in ((actor, cand.actor_head), (recipient, cand.recipient_head)))
        if (place is None or not place.place.country) and ctx.story_country:
            # placed nowhere (or named only): local parties are the story's country's
            actor, recipient = (domestic(p, ctx.story_country, self.kb, "the story's country") for p in (actor, recipient))
        if place is not None and cand.type in SPEECH_ACTS and place_reason and place_reason.inherited and ctx.story_country:
            # a statement placed only by the story (where its speaker sits) is addressed to the story's country
            recipient = domestic(recipient, ctx.story_country, self.kb, "the story's country")
        if place is not None:
            location = replace(place.place, why=f"{place_reason.text if place_reason else ''}; {place.place.why}")
            actor, recipient, reported_by = (domestic(p, location.country, self.kb) for p in (actor, recipient, reported_by))
        where = (location.country if location is not None else None) or ctx.story_country  # placed nowhere: the story's
        unnamed_attacker = None
        if actor is None and names_no_one(ctx, cand.actor_head):
            actor = self.implied.actor(cand, mode, location, where)
            unnamed_attacker = self.implied.attacker(cand, mode, where) if actor is None else None
        ground = cand.type == "ASSAULT" and cand.family in COMBAT_FAMILIES and names_ground(ctx, cand.recipient_head)
        held_by = holder_named(cand.recipient_head, ctx.actors) if cand.family in COMBAT_FAMILIES else None
        if ground and recipient is not None:  # the town taken stands for whoever held it, not for its people
            recipient = replace(recipient, sector=holders(actor, held_by, recipient.country),
                                why=f"'{recipient.text}' is ground taken: it stands for those who held it"
                                    f"{f' ({held_by.text})' if held_by else ''}, not its people; "
                                    f"{recipient.country or 'no country'} is where it lies")
        addressed = where or home_of(cand.type, actor)
        # a curfew threatened or announced is for the people where it would hold, as one imposed is
        threatened = {c.rule.type for c in [cand, *cand.linked]} if cand.type == "THREATEN" else set()
        implied_as = "COERCE" if "COERCE" in threatened else cand.type
        implied = self.implied.recipient(addressed, implied_as, trig, cand.family, actor, held_by) \
            if recipient is None and (ground or names_no_one(ctx, cand.recipient_head)) and addressed \
            and not cand.rule.opt("symmetric") else None  # a clash has two sides, no victim
        if implied is not None and location is not None and says_whose(implied, location, place_reason):
            implied = replace(implied, text=location.text, start=location.start, end=location.end)
        event = Event(
            article=ctx.article, type=cand.type, mode=mode,
            acled=gained_abroad(self._acled(cand, mode, recipient or victims(ctx, cand), actor, acled_reading),
                                actor.country if actor else None, location.country if location else None),
            actor=actor or unnamed_attacker, recipient=recipient or implied, location=location, when=when, quantities=quantities,
            reported_by=reported_by, certainty=certainty, evidence=evidence,
            confidence=self._confidence(cand, actor, recipient, place_reason), coder=self.coder_info)
        anaphoric = refers_back(trig)
        # a reference linked to a trigger outside its phrase ("following the attack, ISIS stormed ...") is that act's
        reference = (already_told.named_as_reference(trig, anaphoric) and all(
            trig.left_edge.i <= o.trigger.i <= trig.right_edge.i for o in cand.linked)) or already_told.restates(trig)
        return Coded(event, cand.family, place_reason, anaphoric, ongoing(trig), reference,
                     frozenset(c.family for c in cand.linked),
                     plural=any(plural(t) for t in (trig, *(o.trigger for o in cand.linked))),
                     background=already_told.told_as_background(trig), another=already_told.told_as_another(trig),
                     condemns_act=condemned_act(cand, recipient, self.codebook), by_the_report=when_reason == BY_THE_REPORT,
                     asks=asked_for(trig) if cand.type in ("REQUEST", "ACCUSE") else frozenset(), retold=witness_retells(trig))

    def _acled(self, cand: Candidate, mode: Optional[str], recipient: Optional[Party], actor: Optional[Party],
               reading: Optional[dict[str, float]]) -> Optional[dict[str, str]]:
        """The rules' ACLED type, which the event model may overrule, unless a rule says ACLED records none."""
        by_rules, none_firmly = self.codebook.acled_ruling(cand.type, mode, cand.family, recipient.sector if recipient else None,
                                                           trigger=cand.trigger, actor_sector=actor.sector if actor else None)
        return None if none_firmly else choose_acled(by_rules, reading, cand.type)

    def _mode_from_cues(self, cand: Candidate) -> Optional[str]:
        trig = cand.trigger
        near = {t.lemma_.lower() for t in (*trig.subtree, *(t for t in trig.head.subtree if abs(t.i - trig.i) <= 6))
                if not is_workplace_mine(t)}
        return self.codebook.mode_named(cand.type, near)

    def _quantities(self, cand: Candidate) -> list[Quantity]:
        """Counts of the people the event's triggers act on, with the kind each trigger implies;
        one phrase counted by both 'killed' and 'wounded' is killed_or_wounded."""
        if cand.type == "MOBILIZE":
            pairs = [(cand.theme_head or cand.actor_head, cand.rule.opt("kind"))]
        else:
            pairs = [(head, quantities_mod.kind_of(c.trigger, c.rule.opt("kind"))) for c in [cand, *cand.linked]
                     for head in (c.recipient_head, c.theme_head, quantities_mod.counted_by(c.trigger)) if head is not None]
            left = quantities_mod.left_counts(cand.trigger)  # "left 20 villagers injured": the state is the kind
            pairs = left + [p for p in pairs if all(p[0] is None or p[0].i != h.i for h, _ in left)]
        pairs.sort(key=lambda p: p[1] is None)  # a trigger that says the kind ("killed") beats the noun's
        kinds_by_head: dict[int, set] = {}
        for head, kind in pairs:
            if head is not None and kind:
                kinds_by_head.setdefault(head.i, set()).add(kind)
        out: list[Quantity] = []
        for head, kind in pairs:
            if head is None:
                continue
            q = quantities_mod.count_in(head) or quantities_mod.one_victim(head, kind)
            if q is None:
                continue
            q = quantities_mod.summed(head, q)  # "four bus workers and two soldiers were killed": six
            kinds = kinds_by_head.get(head.i, set())
            q.kind = "killed_or_wounded" if CASUALTY_KINDS <= kinds else (kind or quantities_mod.noun_kind(head))
            if q.kind and all((q.kind, q.start) != (o.kind, o.start) for o in out) and all(q.start != o.start for o in out):
                out.append(q)
        return out

    @staticmethod
    def _confidence(cand: Candidate, actor: Optional[Party], recipient: Optional[Party],
                    place_reason: Optional[PlaceReason]) -> float:
        score = 0.45 + (0.1 if cand.trigger.pos_ == "VERB" else 0.0)
        score += 0.12 if actor and actor.country else 0.0
        score += 0.12 if recipient and recipient.country else 0.0
        score += 0.08 if place_reason and place_reason.in_sentence else 0.0
        score -= 0.15 if cand.rule.opt("needs_context") else 0.0
        return max(0.05, min(0.95, score))


def as_article(article: Union[Article, str], published: Optional[str] = None) -> Article:
    if isinstance(article, Article):
        if published and not article.published:
            article.published = published
        return article
    return Article(id=article_id(article), text=article, published=published)


_default: Optional[Pipeline] = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def code(text: Union[Article, str], published: Optional[str] = None) -> list[Event]:
    """Code one article with the default pipeline: ``eventwire.code(text, published=...)``."""
    return default_pipeline().code(text, published)


def annotate(text: Union[Article, str], published: Optional[str] = None) -> Annotations:
    return default_pipeline().annotate(text, published)
