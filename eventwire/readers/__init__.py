"""Inputs: files, HTML, JSON Lines, RSS/Atom and stdin -> ``Article`` records, or a ``Rejected``
record naming the input and the cause.
"""
