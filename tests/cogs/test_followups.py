"""`!ask` follow-ups in Discord: the cog keeps the last question per user and channel."""

from __future__ import annotations

from tests.cogs.harness import say


def shown(message) -> str:
    embed = message.embeds[0]
    return f"{embed.title}\n{embed.description}"


async def test_a_follow_up_reuses_the_same_members_question(bot):
    await say("!ask is dae-su coming back", member=0)
    mine = await say("!ask and ha-ri?", member=0)
    assert "Ha-ri" in shown(mine) and "Season 2" in shown(mine)
    # another member's "and ha-ri?" has no question of theirs to lean on
    other = await say("!ask and ha-ri?", member=1)
    assert shown(other) != shown(mine)


async def test_the_context_expires(bot):
    await say("!ask is dae-su coming back", member=0)
    cog = bot.get_cog("Facts")
    cog.recent.ttl = -1.0  # as if minutes had passed
    late = await say("!ask and ha-ri?", member=0)
    # read as if nothing were asked before: the same reply another member gets
    fresh = await say("!ask and ha-ri?", member=1)
    assert shown(late) == shown(fresh)
