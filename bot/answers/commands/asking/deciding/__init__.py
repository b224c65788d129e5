"""A free question decided: the answer the command that knows its subject proposes (router.py),
and the reply made of the candidates the verdict chose (chosen.py)."""
