"""The extent of a noun phrase and the knowledge-base names in it: which tokens a phrase headed by
a token spans (modifiers, appositions, of/for phrases, the rest of an organisation's name the
parser split off), and the longest entries of the actor tables over its runs of words. Read by
:class:`eventwire.actors.coder.ActorCoder`.
"""
from __future__ import annotations

from itertools import takewhile
from typing import Any, Iterator, Optional

from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.sectors import led_by

NP_KEEP_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "appos", "case", "advmod", "npadvmod"}
KEEP_PREPS = {"of", "for", "from"}
# A bound that keeps hostile text linear ("the leader of the leader of ..." nests every phrase in the
# next); well past what news text needs (the longest phrase in the test corpora reaches 44).
NP_REACH = 64  # tokens a noun phrase, or a place phrase attached to it, may reach from its head


ARTICLES = {"the", "a", "an"}

def np_tokens(head) -> list:
    """The tokens of the noun phrase headed by ``head``: modifiers, appositions, of/for phrases."""
    keep = {head.i}
    stack = [head]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.i in keep or abs(c.i - head.i) > NP_REACH:
                continue
            has_obj = any(g.dep_ == "pobj" for g in c.children)
            if tok.i == head.i and c.dep_ in ("acl", "amod", "relcl") and c.i > head.i and _ties(c):
                keep.update(t.i for t in near(c.subtree, head))  # "fighters loyal to X", "believed to belong to X"
                continue
            if c.dep_ in NP_KEEP_DEPS or (c.dep_ == "prep" and c.lower_ in KEEP_PREPS and has_obj) or \
                    (c.dep_ == "punct" and c.text in ("-", "\u2013")) or (
                    c.dep_ == "pobj" and tok.dep_ == "prep") or (c.dep_ == "punct" and tok.dep_ == "appos"):
                keep.add(c.i)
                stack.append(c)
    if head.dep_ in ("compound", "amod") and head.head.i > head.i:  # "Israeli army bulldozers": "army" keeps "Israeli"
        for sib in head.head.children:
            if sib.i < head.i and sib.dep_ in ("amod", "compound", "det", "poss", "nmod"):
                keep.update(t.i for t in near(sib.subtree, head))
    doc = head.doc
    return [doc[i] for i in sorted(keep)]


# a tie to a group ("belonging to" is left out: "motorcycles belonging to a gang commander" are his property)
TIE_WORDS = {"link", "loyal", "affiliate", "ally", "align", "tie", "connect"}
SUSPECTING = {"believe", "suspect", "think", "say", "allege", "report"}  # "believed to belong to X"
MEMBERSHIP = {"belong", "member", "part", "loyal", "link", "affiliate"}


def _ties(word) -> bool:
    """A modifier that says which group people belong to ("loyal to X", "linked to X", "believed to
    belong to X", "suspected of being members of X")."""
    lemma = word.lemma_.lower()
    if lemma in TIE_WORDS:
        return True
    return lemma in SUSPECTING and any(t.lemma_.lower() in MEMBERSHIP for t in word.subtree if t.i != word.i)


def near(tokens, head) -> Iterator:
    """The tokens (a subtree, in order) up to NP_REACH after ``head``: lazily, so a long subtree is not walked."""
    return takewhile(lambda t: t.i <= head.i + NP_REACH, tokens)


def parenthesised(sent) -> set[int]:
    """Indices of the tokens inside round brackets in a sentence."""
    inside, depth = set(), 0
    for t in sent:
        depth += t.text == "("
        if depth and t.text not in "()":
            inside.add(t.i)
        depth = max(0, depth - (t.text == ")"))
    return inside


def name_beyond(kb: KnowledgeBase, toks: list, head) -> list:
    """The words after the head that complete an organisation's known name the parser split
    ("Reporters" + "Without Borders", "Observatory" + "for Human Rights"), read without its article
    ("The U.N. Interim Force" + "in Lebanon")."""
    named = [t for t in toks if t.lower_ not in ARTICLES]
    doc, start = head.doc, named[0].i if named else head.i
    for end in range(min(len(doc), head.i + 6), head.i + 1, -1):
        if doc[end - 1].text[:1].isupper():
            found = kb.lookup(doc[start:end].text)
            if found and found[0] == "entity":
                return list(doc[head.i + 1:end])
    return []


def kb_matches(kb: KnowledgeBase, toks) -> list[tuple[str, Any, list[int]]]:  # Any: an Entity, a CountryTerm or a seat
    """Longest knowledge-base matches over contiguous runs of the phrase's tokens; after an article,
    the longer of the matches with and without it ("The U.N." is shorter than "U.N. Interim Force
    in Lebanon")."""
    out = []
    i = 0
    while i < len(toks):
        found = _longest_at(kb, toks, i)
        if toks[i].lower_ in ARTICLES and (after := _longest_at(kb, toks, i + 1)) is not None \
                and (found is None or after[2][-1] > found[2][-1]):
            found, i = after, i + 1
        if found:
            out.append(found)
            i += len(found[2])
        else:
            i += 1
    return out


def _longest_at(kb: KnowledgeBase, toks, i: int) -> Optional[tuple[str, Any, list[int]]]:
    for n in range(min(kb.max_words, len(toks) - i), 0, -1):
        run = toks[i:i + n]
        if run[-1].i - run[0].i != n - 1:
            continue
        words = " ".join(t.text for t in run)
        capitalised = all(t.text[:1].isupper() for t in run if t.is_alpha)
        hit = kb.lookup(words, capitalised=capitalised)
        if hit is None and n > 1 and any(not t.whitespace_ for t in run[:-1]):  # "People's": as written
            hit = kb.lookup(run[0].doc[run[0].i:run[-1].i + 1].text, capitalised=capitalised)
        if hit is None and n == 1:
            hit = kb.lookup(run[0].lemma_) or led_by(kb, run[0])
        elif hit is None and not capitalised and run[-1].lemma_ != run[-1].text:  # "armed groups" -> "armed group"
            hit = kb.lookup(" ".join([t.text for t in run[:-1]] + [run[-1].lemma_]))
        if hit is None and run[-1].tag_ == "POS" and n > 1:
            hit = kb.lookup(" ".join(t.text for t in run[:-1]))
        if hit:
            return hit[0], hit[1], [t.i for t in run]
    return None


def another_person(kind: str, value: Any, span: list[int], doc) -> bool:
    """A person the tables know by surname, written with a first name that is not theirs: "Turki
    al-Maliki", a coalition spokesman, is not Nouri al-Maliki. A first name spelt another way
    ("Nuri") starts with the same letter and is kept."""
    if kind != "entity" or getattr(value, "kind", None) != "person":
        return False
    if len(value.name.split()) == 1:  # "Yusuf Hassan Abdi" is not a "Hassan" the tables know by one name
        return _inside_longer_name(span, doc)
    last = span[-1]
    if last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I" and doc[last + 1].ent_type_ == "PERSON" \
            and value.name.split()[-1].lower() == doc[last].lower_:
        return True  # "Abbas Araqchi": a surname the tables know, here the first name of another person
    if span[0] == 0:
        return False
    before = doc[span[0] - 1]
    if before.ent_type_ != "PERSON" or doc[span[0]].ent_iob_ != "I" or not before.text[:1].isupper():
        return False
    given = [w for w in value.name.split() if w.lower() not in {doc[i].lower_ for i in span}]
    return bool(given) and all(w[:1].lower() != before.lower_[:1] for w in given)


def _inside_longer_name(span: list[int], doc) -> bool:
    """The matched words are part of a person's name written with further names around them."""
    first, last = span[0], span[-1]
    before = first > 0 and doc[first].ent_iob_ == "I" and doc[first - 1].text[:1].isupper()
    after = last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I" and doc[last + 1].ent_type_ == "PERSON"
    return doc[first].ent_type_ == "PERSON" and (before or after)
