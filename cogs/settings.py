"""`!settings`: the server's settings at a glance, and its time zone for status posts."""

from __future__ import annotations

from discord import app_commands
from discord.ext import commands

from bot.posting.sending import slots


class ServerSettings(commands.Cog, name="Settings"):
    """`!settings` shows; `!settings timezone <zone>` (Manage Server) sets the server's zone."""

    def __init__(self, bot):
        self.bot = bot

    @commands.hybrid_group(
        name="settings",
        fallback="show",
        invoke_without_command=True,
        description="This server's settings: its time zone and spoiler bars",
        extras={"example": "settings", "section": "settings", "permission": ""},
    )
    @commands.guild_only()
    async def settings(self, ctx: commands.Context) -> None:
        """Anyone may look; changing them needs the Manage Server permission."""
        db, gid = self.bot.db, ctx.guild.id
        zone = await db.timezone(gid)
        spoilers = "hidden" if await db.spoilers(gid) else "shown"
        await ctx.send(
            f"Time zone: {self._now_in(zone)}; `!settings timezone <zone>` changes it.\n"
            f"Season 1 spoilers: {spoilers} (`!spoilers on|off`)."
        )

    @settings.command(
        name="timezone",
        description="The time zone of this server's status posts",
        usage="settings timezone [zone]",
        extras={"example": "settings timezone Asia/Seoul", "section": "settings"},
    )
    @app_commands.describe(zone="An IANA zone such as Asia/Seoul or America/New_York")
    @commands.guild_only()
    @commands.has_guild_permissions(manage_guild=True)
    async def timezone(self, ctx: commands.Context, *, zone: str = "") -> None:
        """An IANA name (ambiguous abbreviations like IST are refused with the candidates).
        New subscriptions use it; subscribe a channel again to move an existing one. Without a
        zone: the current one."""
        if not zone.strip():
            current = await self.bot.db.timezone(ctx.guild.id)
            await ctx.send(
                f"This server's time zone is {self._now_in(current)}. "
                "Set one with `!settings timezone Asia/Seoul`."
            )
            return
        try:
            name = slots.parse_zone(zone)
        except slots.ZoneError as exc:
            await ctx.send(str(exc), ephemeral=True)
            return
        await self.bot.db.set_timezone(ctx.guild.id, name)
        others = [s for s in await self.bot.db.subscriptions(ctx.guild.id) if s.zone != name]
        keep = (
            f" {len(others)} existing subscription(s) keep their own zone; "
            "subscribe a channel again to move it."
            if others
            else ""
        )
        await ctx.send(
            f"This server's time zone is now {self._now_in(name)}. "
            f"New status subscriptions use it.{keep}"
        )

    @timezone.autocomplete("zone")
    async def zone_autocomplete(self, interaction, current: str) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=z, value=z) for z in slots.complete(current)]

    def _now_in(self, zone: str) -> str:
        """`**Asia/Seoul** (Sun 14:05 there now)`: proof to the admin it is the right zone."""
        local = self.bot.clock().astimezone(slots.zone(zone))
        return f"**{zone}** ({local:%a %H:%M} there now)"


async def setup(bot) -> None:
    await bot.add_cog(ServerSettings(bot))
