"""gridlink graph package."""
