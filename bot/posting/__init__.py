"""Posting: status subscriptions (the settings DB) and the scheduler that plans and sends posts.

Uses `bot.facts` only through what it is handed; never Discord (the cog supplies `send`).
"""
