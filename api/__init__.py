"""gridlink api package."""
