"""Stage 3, a command decides: one module per command (`cast`, `status`, `lore`, `ask`,
`catalog`), each choosing from the evidence what to answer, or saying honestly that the sources
don't.
"""
