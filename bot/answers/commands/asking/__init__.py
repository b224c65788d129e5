"""`!ask`: the free question, its verdict, narrow status questions, questions answered by their
kind, links between two names, and the honest decline."""
