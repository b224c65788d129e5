"""Answering commands: cast, lore, ask, quotes, sources (prefix and slash; help is cogs/help.py)."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.reading.recent import RecentFrames
from bot.glue.embeds import quotes_embed
from bot.glue.views import BUTTONS, answer_of, has_quotes
from cogs.replies import send_answer, user_cooldown

NO_QUOTES = "That message has no quotes: reply with `!quotes` to one of my answers."
HISTORY = 30  # recent messages searched for the answer `!quotes` alone refers to


def _choices(values: list[str]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=v[:100], value=v[:100]) for v in values[:25]]


class Facts(commands.Cog):
    """Who plays whom, lore, free questions, quotes and sources."""

    def __init__(self, bot):
        self.bot = bot
        self.recent = RecentFrames()  # the last `!ask` per user and channel, for follow-ups

    @commands.hybrid_command(
        name="cast",
        description="Who plays whom: a character, actor or role",
        extras={"example": "cast On-jo"},
    )
    @app_commands.describe(name="A character, an actor, or a role such as director")
    @user_cooldown()
    async def cast(self, ctx: commands.Context, *, name: str = "") -> None:
        """With no name: the main cast. Spellings are forgiving: onjo, 온조, Park Ji-hoo; a role
        (`!cast director`) lists everyone an article prints with it."""
        await send_answer(ctx, self.bot.engine.run("cast", name))

    @cast.autocomplete("name")
    async def cast_autocomplete(self, interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(self.bot.engine.complete_names(current))

    @commands.hybrid_command(
        name="lore",
        description="What the sources say on a lore topic",
        extras={"example": "lore jonus"},
    )
    @app_commands.describe(topic="e.g. jonus, hamby, 24khz, cure")
    @user_cooldown()
    async def lore(self, ctx: commands.Context, *, topic: str = "") -> None:
        """The virus, hybrids, the cure, a character, or any word the articles explain;
        speculation is marked. With no topic: the topics I know."""
        await send_answer(ctx, self.bot.engine.run("lore", topic))

    @lore.autocomplete("topic")
    async def lore_autocomplete(self, interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(self.bot.engine.complete_lore(current))

    @commands.hybrid_command(
        name="ask",
        description="Ask anything about Season 2",
        usage="ask <question>",
        extras={"example": "ask when will season 2 come out"},
    )
    @app_commands.describe(question="e.g. when will season 2 come out")
    @user_cooldown()
    async def ask(self, ctx: commands.Context, *, question: str = "") -> None:
        """Answered only from what the articles say; otherwise I say the sources don't."""
        key = (ctx.author.id, ctx.channel.id)
        answer = self.bot.engine.run("ask", question, self.recent.get(key))
        self.recent.put(key, answer.frame)
        await send_answer(ctx, answer)

    @commands.hybrid_command(
        name="sources",
        description="The articles every answer cites",
        extras={"example": "sources"},
    )
    @app_commands.describe(question="Optional, e.g. which one is the newest, how many")
    @user_cooldown()
    async def sources(self, ctx: commands.Context, *, question: str = "") -> None:
        """Newest first, with each article's date (estimated ones marked) and its id."""
        await send_answer(ctx, self.bot.engine.run("sources", question))

    @commands.hybrid_command(
        name="quotes",
        description="The exact words behind an answer, grouped by footnote",
        extras={"example": "quotes status trailer"},
    )
    @app_commands.describe(command="The command to quote, e.g. status trailer or cast On-jo")
    @user_cooldown()
    async def quotes(self, ctx: commands.Context, *, command: str = "") -> None:
        """Tap the Quotes button under an answer, reply to an answer with `!quotes`, or give a
        command: `!quotes cast On-jo`. Alone it quotes my last answer here."""
        typed = command.strip().lstrip(self.bot.engine.prefix + "/")
        ref = ctx.message.reference if ctx.message else None
        if typed:
            answer = self.bot.engine.answer(f"/{typed}")
        elif ref is not None and ref.message_id is not None:  # that message's, never another's
            replied = await self._replied(ctx, ref)
            mine = replied is not None and replied.author == self.bot.user
            answer = await answer_of(self.bot, replied) if mine else None
            if answer is None:
                await ctx.send(NO_QUOTES, ephemeral=True)
                return
        else:
            answer = await self._last_answer(ctx)
        if answer is None:
            await ctx.send(
                "Reply to one of my answers with `!quotes`, or name one: `!quotes status`.",
                ephemeral=True,
            )
            return
        spoilers = await self.bot.db.spoilers(ctx.guild.id if ctx.guild else None)
        await ctx.send(embed=quotes_embed(answer, spoilers), ephemeral=True)

    @staticmethod
    async def _replied(ctx: commands.Context, ref) -> discord.Message | None:
        """The message `!quotes` replies to, when it can be read."""
        message = ref.resolved
        if not isinstance(message, discord.Message):
            try:
                message = await ctx.channel.fetch_message(ref.message_id)
            except discord.HTTPException:
                return None
        return message

    async def _last_answer(self, ctx: commands.Context):
        try:
            async for message in ctx.channel.history(limit=HISTORY):
                if message.author == self.bot.user and has_quotes(message):
                    return await answer_of(self.bot, message)
        except discord.HTTPException:  # no Read Message History here
            return None
        return None


async def setup(bot) -> None:
    bot.add_dynamic_items(*BUTTONS)  # Quotes buttons keep working across restarts
    await bot.add_cog(Facts(bot))
