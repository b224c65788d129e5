"""Answering commands: cast, lore, ask, sources, help (prefix and slash)."""

from __future__ import annotations

from discord import app_commands
from discord.ext import commands

from cogs.replies import send_answer, user_cooldown


def _choices(values: list[str]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=v[:100], value=v[:100]) for v in values[:25]]


class Facts(commands.Cog):
    """Who plays whom, lore, free questions, sources and help."""

    def __init__(self, bot):
        self.bot = bot

    @commands.hybrid_command(name="cast", description="Who plays whom: a character, actor or role")
    @app_commands.describe(name="A character, an actor, or a role such as director")
    @user_cooldown()
    async def cast(self, ctx: commands.Context, *, name: str = "") -> None:
        await send_answer(ctx, self.bot.engine.run("cast", name))

    @cast.autocomplete("name")
    async def cast_autocomplete(self, interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(self.bot.engine.complete_names(current))

    @commands.hybrid_command(name="lore", description="What the sources say on a lore topic")
    @app_commands.describe(topic="e.g. jonus, hamby, 24khz, cure")
    @user_cooldown()
    async def lore(self, ctx: commands.Context, *, topic: str = "") -> None:
        await send_answer(ctx, self.bot.engine.run("lore", topic))

    @lore.autocomplete("topic")
    async def lore_autocomplete(self, interaction, current: str) -> list[app_commands.Choice[str]]:
        return _choices(self.bot.engine.complete_lore(current))

    @commands.hybrid_command(name="ask", description="Ask anything about Season 2")
    @app_commands.describe(question="e.g. when will season 2 come out")
    @user_cooldown()
    async def ask(self, ctx: commands.Context, *, question: str = "") -> None:
        await send_answer(ctx, self.bot.engine.run("ask", question))

    @commands.hybrid_command(name="sources", description="The articles every answer cites")
    @user_cooldown()
    async def sources(self, ctx: commands.Context) -> None:
        await send_answer(ctx, self.bot.engine.run("sources"))

    @commands.hybrid_command(name="help", description="The commands, with an example each")
    @user_cooldown()
    async def help(self, ctx: commands.Context) -> None:
        await send_answer(ctx, self.bot.engine.run("help"))


async def setup(bot) -> None:
    await bot.add_cog(Facts(bot))
