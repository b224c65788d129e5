"""Following the news: feeds polled, items checked and deduplicated, reviewed, added as sources.

Uses bot.facts (the safe intake, ingest, library); nothing here imports Discord.
"""
