"""Yes/no and either/or questions judged by what the articles state of the thing asked."""
