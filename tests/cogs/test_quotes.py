"""The Quotes button (spec'd mocks), `!quotes` (dpytest), help and slash-option polish."""

from __future__ import annotations

import datetime as dt
import re
from unittest import mock

import discord
import discord.ext.test as dpytest

from bot.glue.reply_context import reply_nonce
from bot.glue.views import (
    PREFIX,
    STORED,
    ChangeQuotesButton,
    QuotesButton,
    StoredQuotesButton,
    answer_of,
    custom_id_for,
    has_quotes,
)
from cogs.facts import Facts
from cogs.status_posts import StatusPosts
from tests.cogs.test_cogs import say, slash_ctx


def click(bot, message=None, guild=None) -> mock.MagicMock:
    interaction = mock.MagicMock(spec=discord.Interaction)
    interaction.client = bot
    interaction.guild = guild
    interaction.message = message
    interaction.response = mock.MagicMock(spec=discord.InteractionResponse)
    interaction.response.send_message = mock.AsyncMock()
    interaction.response.defer = mock.AsyncMock()
    return interaction


def button_of(view: discord.ui.View) -> discord.ui.Button:
    [item] = view.children
    return item.item if isinstance(item, discord.ui.DynamicItem) else item


async def test_answer_carries_a_restart_safe_quotes_button(bot):
    ctx = slash_ctx(bot)
    await Facts.cast.callback(bot.get_cog("Facts"), ctx, name="On-jo")
    view = ctx.send.await_args.kwargs["view"]
    assert view.timeout is None and view.is_persistent()
    button = button_of(view)
    assert button.label == "Quotes" and button.custom_id == f"{PREFIX}/cast On-jo"


async def test_not_found_has_no_button(bot):
    ctx = slash_ctx(bot)
    await Facts.cast.callback(bot.get_cog("Facts"), ctx, name="xyzzy")
    assert ctx.send.await_args.kwargs["view"] is None


async def test_click_after_restart_rebuilds_quotes_ephemerally_on_slash(bot):
    # a fresh item made from the custom_id alone, as discord.py does for a stored message
    cid = custom_id_for("/status trailer")
    match = re.fullmatch(QuotesButton.__discord_ui_compiled_template__, cid)
    message = mock.MagicMock(spec=discord.Message)
    message.interaction_metadata = mock.MagicMock()  # the answer came from a slash command
    interaction = click(bot, message)
    item = await QuotesButton.from_custom_id(interaction, mock.MagicMock(), match)
    await item.callback(interaction)
    kwargs = interaction.response.send_message.await_args.kwargs
    embed = kwargs["embed"]
    assert kwargs["ephemeral"] is True
    assert embed.title == "Quotes — Season 2 status: Trailer"
    assert embed.fields and all(re.match(r"\[\d+\] ", f.name) for f in embed.fields)
    assert "teaser trailer" in " ".join(f.value for f in embed.fields)


async def test_click_on_a_prefix_answer_replies_under_it(bot):
    message = mock.MagicMock(spec=discord.Message)
    message.interaction_metadata = None
    message.reply = mock.AsyncMock()
    message.channel.id = 5
    interaction = click(bot, message)
    interaction.id = 77
    await QuotesButton("/cast On-jo").callback(interaction)
    interaction.response.defer.assert_awaited_once()
    embed = message.reply.await_args.kwargs["embed"]
    assert embed.title == "Quotes — Nam On-jo" and embed.fields
    assert message.reply.await_args.kwargs["nonce"] == reply_nonce(5, 77)  # once per click


async def test_click_falls_back_to_ephemeral_when_it_cannot_reply(bot):
    message = mock.MagicMock(spec=discord.Message)
    message.interaction_metadata = None
    message.reply = mock.AsyncMock(
        side_effect=discord.Forbidden(mock.Mock(status=403, reason="x"), "no history")
    )
    interaction = click(bot, message)
    interaction.followup = mock.MagicMock(spec=discord.Webhook)
    interaction.followup.send = mock.AsyncMock()
    await QuotesButton("/lore jonus").callback(interaction)
    kwargs = interaction.followup.send.await_args.kwargs
    assert kwargs["ephemeral"] is True and kwargs["embed"].title == "Quotes — The Jonus virus"


async def test_spoiler_quotes_are_barred_in_the_quotes_view(bot):
    message = mock.MagicMock(spec=discord.Message)
    message.interaction_metadata = mock.MagicMock()
    interaction = click(bot, message)
    await QuotesButton("/lore ending").callback(interaction)
    values = " ".join(
        f.value for f in interaction.response.send_message.await_args.kwargs["embed"].fields
    )
    assert "||“" in values


async def test_a_long_question_is_kept_against_the_message_and_survives_a_restart(bot):
    question = "!ask " + "when will season 2 of all of us are dead " * 3
    answer = bot.engine.answer(question)
    assert answer.citations and custom_id_for(answer.query) is None
    ctx = slash_ctx(bot)
    sent = mock.MagicMock(spec=discord.Message, id=555)
    ctx.send = mock.AsyncMock(return_value=sent)
    await Facts.ask.callback(bot.get_cog("Facts"), ctx, question=question[5:])
    view = ctx.send.await_args.kwargs["view"]
    assert view.is_persistent() and button_of(view).custom_id == STORED
    # After a restart: a fresh item from the custom_id, the question from the settings DB.
    message = mock.MagicMock(spec=discord.Message, id=555, interaction_metadata=mock.Mock())
    message.components = [mock.MagicMock(children=[mock.Mock(custom_id=STORED)])]
    interaction = click(bot, message)
    match = re.fullmatch(StoredQuotesButton.__discord_ui_compiled_template__, STORED)
    item = await StoredQuotesButton.from_custom_id(interaction, mock.MagicMock(), match)
    await item.callback(interaction)
    embed = interaction.response.send_message.await_args.kwargs["embed"]
    assert embed.title.startswith("Quotes") and embed.fields


async def test_a_question_that_cannot_be_kept_takes_the_button_off(bot, monkeypatch):
    from bot.posting.settings import quoted

    async def broken(*_):
        raise OSError("disk full")

    monkeypatch.setattr(quoted, "remember", broken)
    ctx = slash_ctx(bot)
    sent = mock.MagicMock(spec=discord.Message, id=556)
    sent.edit = mock.AsyncMock()
    ctx.send = mock.AsyncMock(return_value=sent)
    long = "when will season 2 of all of us are dead " * 3
    await Facts.ask.callback(bot.get_cog("Facts"), ctx, question=long)
    sent.edit.assert_awaited_once_with(view=None)


async def test_clicks_share_the_members_cooldown(bot):
    message = mock.MagicMock(spec=discord.Message, interaction_metadata=mock.Mock())
    user = mock.Mock(id=99)
    answered = 0
    for _ in range(8):
        interaction = click(bot, message)
        interaction.user = user
        await QuotesButton("/cast On-jo").callback(interaction)
        if "embed" in interaction.response.send_message.await_args.kwargs:
            answered += 1
    assert answered == 5  # the rest are told to slow down, privately
    assert "Try again in" in interaction.response.send_message.await_args.args[0]


async def test_a_change_post_carries_its_own_quotes(bot):
    from bot.posting.sending.changes import ChangeLog
    from tests.posting.test_changes import POST

    when = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)
    change_id = await ChangeLog(bot.db).record("fp-x", POST, when)
    cog = bot.get_cog("Reload")
    channel = mock.MagicMock(spec=discord.TextChannel)
    channel.send = mock.AsyncMock(return_value=mock.Mock(id=1))
    bot.get_channel = mock.Mock(return_value=channel)
    await cog._send(mock.Mock(channel_id=1), True, POST, f"status change {change_id}")
    view = channel.send.await_args.kwargs["view"]
    assert button_of(view).custom_id == f"hqc:{change_id}"
    interaction = click(bot, mock.MagicMock(spec=discord.Message, interaction_metadata=mock.Mock()))
    await ChangeQuotesButton(change_id).callback(interaction)
    embed = interaction.response.send_message.await_args.kwargs["embed"]
    assert "Netflix released the teaser trailer." in " ".join(f.value for f in embed.fields)


async def test_quotes_as_a_reply_to_a_message_without_quotes_says_so(bot):
    cog = bot.get_cog("Facts")
    ctx = slash_ctx(bot)
    ctx.message = mock.MagicMock(spec=discord.Message)
    ctx.message.reference = mock.MagicMock(spec=discord.MessageReference)
    plain = mock.MagicMock(spec=discord.Message, author=bot.user, components=[])
    ctx.message.reference.resolved = plain  # e.g. !sources: no Quotes button

    async def history(limit):  # an older answer is there, and must not be quoted
        yield answer_message(bot, "/lore jonus")

    ctx.channel = mock.MagicMock(spec=discord.TextChannel)
    ctx.channel.history = history
    await Facts.quotes.callback(cog, ctx, command="")
    assert "has no quotes" in ctx.send.await_args.args[0]


async def test_scheduled_post_has_the_button(bot):
    cog: StatusPosts = bot.get_cog("StatusPosts")
    channel = mock.MagicMock(spec=discord.TextChannel)
    channel.send = mock.AsyncMock()
    bot.get_channel = mock.Mock(return_value=channel)
    slot = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
    await cog._send(mock.Mock(channel_id=1), True, None, slot)
    kwargs = channel.send.await_args.kwargs
    assert button_of(kwargs["view"]).custom_id == f"{PREFIX}/status"
    assert "slot 2026-11-21 09:00 UTC" in kwargs["embed"].footer.text


def answer_message(bot, query: str) -> mock.MagicMock:
    """One of the bot's answers as Discord returns it: a row holding the Quotes button."""
    message = mock.MagicMock(spec=discord.Message)
    message.author = bot.user
    button = mock.MagicMock(spec=discord.Button)
    button.custom_id = custom_id_for(query)
    message.components = [mock.MagicMock(spec=discord.ActionRow, children=[button])]
    return message


async def test_quotes_command_names_an_answer(bot):
    named = await say("!quotes status trailer")
    assert named.embeds[0].title == "Quotes — Season 2 status: Trailer"
    assert (await say("!quotes !cast On-jo")).embeds[0].title == "Quotes — Nam On-jo"


async def test_quotes_as_a_reply_or_alone_finds_the_answer(bot):
    cog = bot.get_cog("Facts")
    replied = slash_ctx(bot)
    replied.message = mock.MagicMock(spec=discord.Message)
    replied.message.reference = mock.MagicMock(spec=discord.MessageReference)
    replied.message.reference.resolved = answer_message(bot, "/cast On-jo")
    await Facts.quotes.callback(cog, replied, command="")
    assert replied.send.await_args.kwargs["embed"].title == "Quotes — Nam On-jo"

    async def history(limit):
        yield mock.MagicMock(spec=discord.Message, author=mock.Mock(), components=[])
        yield answer_message(bot, "/lore jonus")

    alone = slash_ctx(bot)
    alone.message = mock.MagicMock(spec=discord.Message, reference=None)
    alone.channel = mock.MagicMock(spec=discord.TextChannel)
    alone.channel.history = history
    await Facts.quotes.callback(cog, alone, command="")
    assert alone.send.await_args.kwargs["embed"].title == "Quotes — The Jonus virus"


async def test_quotes_with_nothing_to_quote_says_what_to_do(bot):
    reply = await say("!quotes")  # dpytest keeps no components, so no answer is found
    assert "Reply to one of my answers" in reply.content


async def test_help_lists_every_command_grouped_with_no_sources_footer(bot):
    embed = (await say("!help")).embeds[0]
    for name in (
        "cast",
        "status",
        "lore",
        "ask",
        "quotes",
        "sources",
        "help",
        "status subscribe",
        "status unsubscribe",
        "status subscriptions",
        "spoilers",
    ):
        assert f"`!{name}" in embed.description, name
    for group in ("**Ask**", "**Status posts", "**Server settings"):
        assert group in embed.description
    assert not embed.footer.text and not embed.fields
    one = (await say("!help spoilers")).embeds[0]
    assert one.title == "!spoilers" and "Manage Server" in one.description


async def test_non_answers_carry_no_sources_footer(bot):
    # (`!status nonsense` is no longer a non-answer: it gives the digest under a pointer line)
    for content in ("!cast xyzzy", "!lore", "!sources"):
        embed = (await say(content)).embeds[0]
        assert not embed.footer.text and not embed.fields, content


async def test_mention_is_echoed_as_words(bot):
    member = dpytest.get_config().members[1]
    channel = bot.guilds[0].text_channels[0]
    for typed, words in ((member.mention, "that user"), (channel.mention, "that channel")):
        reply = (await say(f"!cast {typed}")).embeds[0].description
        assert words in reply and str(member.id) not in reply and str(channel.id) not in reply


async def test_every_slash_option_has_a_description(bot):
    for command in bot.tree.walk_commands():
        for param in getattr(command, "parameters", []):
            assert param.description and param.description != "…", command.qualified_name


async def test_status_topic_autocomplete(bot):
    cog = bot.get_cog("Status")
    interaction = mock.MagicMock(spec=discord.Interaction)
    choices = await cog.topic_autocomplete(interaction, "trai")
    assert [c.value for c in choices] == ["trailer"]
    assert "subscribe" not in [c.value for c in await cog.topic_autocomplete(interaction, "")]


async def test_the_answer_is_read_back_from_the_button(bot):
    message = answer_message(bot, "/cast On-jo")
    assert has_quotes(message) and (await answer_of(bot, message)).query == "/cast On-jo"
    plain = mock.MagicMock(spec=discord.Message, components=[])
    assert not has_quotes(plain) and await answer_of(bot, plain) is None
