"""Stage 7, dedup: restatements of one event merge. ``within.py`` merges the mentions of one
article; ``across.py`` the reports of different outlets in a corpus (with reasons).
"""
