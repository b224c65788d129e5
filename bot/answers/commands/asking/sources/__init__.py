"""`!ask` about the articles themselves, topic by topic: what each one claims."""
