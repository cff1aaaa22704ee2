"""Errors of the ingest package.

Tree::

    IngestError
    ├── InputError       a file cannot be read (format, encoding, missing column)
    └── MappingError     a mapping file is invalid
"""


class IngestError(Exception):
    """Root of every error raised by :mod:`ingest`.

    Attributes:
        hint: one sentence telling the user how to fix the problem, shown by the CLI.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class InputError(IngestError):
    """An input file cannot be read: unknown format, undecodable bytes, a required column missing."""


class MappingError(IngestError):
    """A mapping file (built-in profile or user YAML) is invalid."""
