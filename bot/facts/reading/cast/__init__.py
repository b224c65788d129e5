"""Cast news read from whole passages: a season's cast printed as a list."""
