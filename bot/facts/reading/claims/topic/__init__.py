"""A status topic's claim: which of a sentence's clause readings it takes."""
