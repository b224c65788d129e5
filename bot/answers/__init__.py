"""Answers: the pure engine that turns a fan's message into a cited `Answer`.

A message goes through four stages, one folder each: `reading/` (what the question asks),
`evidence/` (what could answer it, scored), `commands/` (one module per command decides),
`replies/` (text, JSON, limits, help). At the top: `engine` routes a message to its command,
`context` holds what every command reads (store, matchers, today's date), `types` is the
`Answer` itself. Uses `bot.facts`; never Discord.
"""
