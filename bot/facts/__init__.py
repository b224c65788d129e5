"""Facts: how articles become the fact store, and how the store is read back.

manifest (the article list) -> text (sentences) -> names/curated (entities, lexicon) ->
extract (cast pairs, status claims, lore) -> build (atomic SQLite write) -> store (read side).
Imports nothing from `bot.answers`, `bot.posting` or Discord.
"""
