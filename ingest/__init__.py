"""gridlink ingest package."""
