"""The top layer: what wires every package together — the ``gridlink`` CLI root, the demo data set, the benchmarks.

Imports point down only: ``graph`` < ``queries`` < ``ingest``, ``api`` < ``gridlink`` (``tests/test_layers.py``).
"""
