"""output: renderers, one per format. Packs render to JSON or a summary tree here."""
