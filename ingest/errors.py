"""Errors of the ingest package.

Tree (under :class:`graph.errors.GridlinkError`)::

    IngestError
    ├── InputError       a file cannot be read (format, encoding, missing column)
    └── MappingError     a mapping file is invalid
"""

from graph.errors import GridlinkError


class IngestError(GridlinkError):
    """Root of every error raised by :mod:`ingest` (with the ``hint`` of :class:`~graph.errors.GridlinkError`)."""


class InputError(IngestError):
    """An input file cannot be read: unknown format, undecodable bytes, a required column missing."""


class MappingError(IngestError):
    """A mapping file (built-in profile or user YAML) is invalid."""
