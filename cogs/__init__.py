"""Discord extensions: thin glue that parses input, calls the engine in bot/, and renders."""
