"""Stage 5, attribution: an event's trigger -> who says so and how certain (reporting verbs,
"according to", quotations).
"""
