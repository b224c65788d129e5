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

    @commands.hybrid_command(name="spoilers", description="Hide Season 1 deaths and twists")
    @app_commands.describe(setting="on: behind spoiler bars (the default); off: shown openly")
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def spoilers(self, ctx: commands.Context, setting: Literal["on", "off"]) -> None:
        await self.bot.db.set_spoilers(ctx.guild.id, setting == "on")
        state = "hidden behind spoiler bars" if setting == "on" else "shown openly"
        await ctx.send(f"Season 1 deaths and twists are now {state} in this server.")

    @commands.command(name="sync", hidden=True)
    @commands.is_owner()
    async def sync(
        self, ctx: commands.Context, scope: Literal["global", "here"] = "global"
    ) -> None:
        """Register slash commands with Discord: everywhere, or in this server only (at once)."""
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
