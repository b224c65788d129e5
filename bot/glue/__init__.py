"""Discord-facing helpers the client and cogs share: embeds, the Quotes view, the bounded
transport, reply fallbacks and the cooldown."""
