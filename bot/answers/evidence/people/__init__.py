"""What the articles say of people: crew roles, descriptions, Season 1 fates and Season 2
returns."""
