"""Stage 4, a reply is rendered: plain text and JSON within Discord's limits, two-part replies,
`ask --explain`, and `!help` laid out from the command definitions.
"""
