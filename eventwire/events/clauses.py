"""An event's clause: which tokens of its sentence state the event (:meth:`EventClauses.scope`).

The clause is the trigger's verb (or the verb a noun trigger serves) with what hangs on it, less
reported speech, side remarks and other clauses with subjects of their own. Places are searched
in it (:class:`~eventwire.events.locating.EventPlaces`), and so are times
(:class:`~eventwire.events.context.ArticleContext`) and the words of linked acts (the pipeline):
kept apart from the choosing of a place, which is what the rest of locating does.
"""
from __future__ import annotations

from spacy.tokens import Doc

from eventwire.attribution.sources import REPORTING
from eventwire.events.place_phrases import PLACE_NOUNS
from eventwire.places.resolver import PlaceMention

# a device or attack that is the subject of the event: a relative clause on it says where it struck
# ("A bomb that ripped through a disco in northern Colombia killed five")
ATTACK_SUBJECTS = {"bomb", "blast", "explosion", "explosive", "device", "attack", "strike", "airstrike", "missile",
                   "rocket", "shell", "grenade", "mine", "landmine", "ied", "bomber", "raid", "fire", "shelling",
                   "bombing"}
# what such a relative clause says the attack did where it struck ("a bombing that hit the town of X")
STRIKING_VERBS = {"hit", "strike", "rip", "tear", "target", "rock", "destroy", "damage", "kill", "wound", "injure",
                  "occur", "happen", "explode", "go", "detonate", "land", "fall", "slam", "crash", "blow", "shake",
                  "devastate", "level", "flatten", "gut", "burn", "set", "take"}
# an event's clause reaches at most this many tokens from its trigger: a run-on "sentence" of
# hundreds of chained clauses otherwise gives each trigger a scope of the whole (quadratic)
SCOPE_REACH = 200


def _own_clause(verb) -> bool:
    """A finite verb with a subject of its own: "and soldiers patrolled Baghdad" is another clause;
    "were killed and 30 others wounded" (its auxiliary left out) tells the same event."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(g.dep_ in ("aux", "auxpass") for g in verb.children)
    return finite and any(g.dep_ in ("nsubj", "nsubjpass") for g in verb.children)


def _where_it_struck(clause, head, trigger) -> bool:
    """A relative clause on the device or attack that is the event's subject ("A bomb that ripped
    through a disco in X killed five", "The blast, which hit a market in X, killed ..."), or on the
    attack that is the event, saying what it struck ("a car bombing that hit the town of X")."""
    if clause.dep_ != "relcl" or head.lemma_.lower() not in ATTACK_SUBJECTS or clause.lemma_.lower() not in STRIKING_VERBS:
        return False  # "the attack, which the UN condemned in Geneva": not where it struck
    return head.i == trigger.i or (head.dep_ in ("nsubj", "nsubjpass") and head.head.i == trigger.i)


class EventClauses:
    """An article's event clauses, worked out once per trigger. A subclass sets ``place_at`` (token
    index -> the place mention there): a side remark that names a place stays in the clause."""

    place_at: dict[int, PlaceMention]

    def __init__(self, doc: Doc):
        self.doc = doc
        self._scopes: dict[int, set[int]] = {}
        self._lineages: dict[int, set[int]] = {}

    @staticmethod
    def clause_of(trigger):
        """The verb whose clause states the event: the trigger, or the verb a noun trigger serves."""
        if trigger.pos_ == "VERB":
            return trigger
        head = trigger.head
        if trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and head.pos_ in ("VERB", "AUX") \
                and head.lemma_ not in REPORTING:
            return head
        return trigger

    def scope(self, trigger) -> set[int]:
        """Token indices that belong to the event's clause, minus embedded reported clauses."""
        if trigger.i not in self._scopes:
            self._scopes[trigger.i] = self._scope(trigger)
        return self._scopes[trigger.i]

    def lineage(self, tok) -> set[int]:
        """The token and its ancestors, the tokens whose subtree holds it: once per token, a walk up."""
        if tok.i not in self._lineages:
            self._lineages[tok.i] = {tok.i, *(a.i for a in tok.ancestors)}
        return self._lineages[tok.i]

    def _scope(self, trigger) -> set[int]:
        clause = self.clause_of(trigger)
        holds_trigger = self.lineage(trigger)
        keep = set()
        stack = [clause]
        while stack:
            tok = stack.pop()
            keep.add(tok.i)
            for c in tok.children:
                if abs(c.i - trigger.i) > SCOPE_REACH:
                    continue
                if c.lemma_ in REPORTING and c.pos_ == "VERB" and c.i != trigger.i:
                    continue
                if c.lower_ == "according" or (c.dep_ in ("relcl", "appos") and c.i not in holds_trigger
                                                and not (c.dep_ == "appos" and tok.lemma_.lower() in PLACE_NOUNS
                                                         and self._names_a_place(c))
                                                and not _where_it_struck(c, tok, trigger)):
                    continue  # a side remark, unless it names the place ("in Pakistan's largest city, Karachi";
                    # "shelled the city, a rebel stronghold in western Libya")
                if c.dep_ in ("nsubj",) and c.i in self.place_at and c.head.i != trigger.i:
                    continue  # "Moscow said": a place as speaker is an actor, not where things happen
                if c.dep_ == "conj" and c.pos_ == "VERB" and c.i not in holds_trigger and _own_clause(c):
                    continue  # "shot an officer in Mosul and soldiers patrolled Baghdad": another clause, another subject
                stack.append(c)
        return keep

    def _names_a_place(self, appos) -> bool:
        """An apposition that is a place, or says where its head lies ("a rebel stronghold in western Libya")."""
        return appos.i in self.place_at or any(t.i in self.place_at and t.dep_ == "pobj" and t.head.lower_ == "in"
                                               and t.head.head.i == appos.i for t in appos.subtree)
