"""Server and owner settings: spoiler bars per server, slash-command sync."""

from __future__ import annotations

from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands


class Admin(commands.Cog):
    """`!spoilers on|off` (Manage Server) and the owner-only `!sync`."""

    def __init__(self, bot):
        self.bot = bot

    @commands.hybrid_command(
        name="spoilers",
        description="Show or hide Season 1 deaths and twists (hidden by default)",
        usage="spoilers on|off",
        extras={"example": "spoilers off", "section": "settings"},
    )
    @app_commands.describe(setting="on: behind spoiler bars (the default); off: shown openly")
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def spoilers(self, ctx: commands.Context, setting: Literal["on", "off"]) -> None:
        """Only sentences that reveal a fate are hidden; cast lists and release news never."""
        await self.bot.db.set_spoilers(ctx.guild.id, setting == "on")
        state = "hidden behind spoiler bars" if setting == "on" else "shown openly"
        await ctx.send(f"Season 1 deaths and twists are now {state} in this server.")

    @commands.command(
        name="sync",
        hidden=True,
        description="Register the slash commands with Discord",
        usage="sync [global|here]",
        extras={"example": "sync here", "section": "owner"},
    )
    @commands.is_owner()
    async def sync(
        self, ctx: commands.Context, scope: Literal["global", "here"] = "global"
    ) -> None:
        """`global` (the default) everywhere, which Discord can take up to an hour to show;
        `here` in this server only, at once. Run it again after adding commands."""
        if scope == "here" and ctx.guild:
            self.bot.tree.copy_global_to(guild=ctx.guild)
            synced = await self.bot.tree.sync(guild=ctx.guild)
        else:
            synced = await self.bot.tree.sync()
        await ctx.send(
            f"Synced {len(synced)} slash commands ({scope}).",
            allowed_mentions=discord.AllowedMentions.none(),
        )


async def setup(bot) -> None:
    await bot.add_cog(Admin(bot))
