"""Scoring a candidate: the one score every candidate gets, what a sentence says of the asked
part, what it could answer, its neighbours, the newest first."""
