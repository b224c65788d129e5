"""Reading Season 2 status claims the way a careful fan does: clause by clause.

`reading.py` tokenises a sentence with lemmas and splits it into clauses; `modality.py` says
from a clause whether its news is confirmed, expected, rumoured or denied, and in which tense;
`values.py` reads dates and counts (spelled-out numbers, comparisons with another season kept
out); `states.py` says which state of a topic a clause reports. `bot/facts/reading/status_claims.py`
puts them together per sentence.
"""
