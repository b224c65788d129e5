"""Answers: the pure engine that turns a fan's message into a cited `Answer`.

`engine` routes a message to one command module (`cast`, `status`, `lore`, `ask`, `catalog`);
they share a `Context` (store, matchers, today's date). Uses `bot.facts`; never Discord.
"""
