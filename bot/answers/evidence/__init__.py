"""Stage 2, evidence is gathered and scored: what each sentence or extracted fact could answer,
where to look for it, and how well it covers the question; status claims summed up.
"""
