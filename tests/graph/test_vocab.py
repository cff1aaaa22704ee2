"""The vocabulary is declared once (graph/vocab.py): no copy of a list elsewhere, and its derived forms agree."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from graph import vocab

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("api", "graph", "ingest", "queries", "gridlink")
# tables whose words are the vocabulary's: a literal holding this many of one table's words or keys is a copy
TABLES = {
    "categories": set(vocab.CATEGORY_KEYS) | {w for ws in vocab.CATEGORIES.values() for w in ws},
    "organization statuses": set(vocab.ORG_STATUSES) | {w for ws in vocab.ORG_STATUSES.values() for w in ws},
    "organization kinds": set(vocab.ORG_KINDS),
    "party categories": set(vocab.PARTY_CATEGORIES) | {w for ws in vocab.PARTY_CATEGORIES.values() for w in ws},
    "need statuses": set(vocab.NEED_STATUSES), "project statuses": set(vocab.PROJECT_STATUSES),
    "member statuses": set(vocab.MEMBER_STATUSES) | {w for ws in vocab.MEMBER_STATUSES.values() for w in ws},
}
AT_LEAST = 4


def _sources() -> Iterator[Path]:
    for pkg in PACKAGES:
        yield from (p for p in (ROOT / pkg).rglob("*.py") if p != ROOT / "graph" / "vocab.py")


def _string_collections(tree: ast.AST) -> Iterator[tuple[int, set[str]]]:
    """Line and string elements of every set/list/tuple/dict literal (``Literal[...]`` holds a tuple)."""
    for node in ast.walk(tree):
        elts: list[ast.expr] = []
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            elts = list(node.elts)
        elif isinstance(node, ast.Dict):
            elts = [k for k in node.keys if k is not None]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "fromkeys" and node.args:
            first = node.args[0]
            elts = list(first.elts) if isinstance(first, ast.List | ast.Tuple) else []
        texts = [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        # a literal repeating a word is a weighted sample of generated data (bench, demo), not a word list
        if texts and len(set(texts)) == len(texts):
            yield node.lineno, set(texts)


def test_no_copy_of_a_vocabulary_list_outside_graph_vocab() -> None:
    copies = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, strings in _string_collections(tree):
            for table, words in TABLES.items():
                if len(strings & words) >= AT_LEAST:
                    copies.append(f"{path.relative_to(ROOT)}:{line}: {table}")
    assert copies == [], "declare vocabulary in graph/vocab.py and derive from it"


def test_the_detector_finds_a_copy() -> None:
    """The check above is not vacuous: the literal the API used to hold is found."""
    planted = 'CATEGORIES = frozenset({"venue", "volunteer", "funding", "legal", "medical"})'
    found = [s for _, s in _string_collections(ast.parse(planted)) if len(s & TABLES["categories"]) >= AT_LEAST]
    assert found


def test_model_md_lists_the_categories_of_the_vocabulary() -> None:
    text = (ROOT / "graph" / "MODEL.md").read_text(encoding="utf-8")
    section = text.split("## Categories", 1)[1].split("\n## ", 1)[0]
    listed = dict(re.findall(r"`([a-z_]+)` (\S+?)(?: ·|\s*$)", section, flags=re.M))
    assert listed == {k: words[0] for k, words in vocab.CATEGORIES.items()}


def test_derived_forms_agree() -> None:
    from api import args
    from ingest import vocab as ingest_vocab

    assert args.CATEGORIES == set(vocab.CATEGORY_KEYS) == ingest_vocab.CATEGORY_KEYS
    assert args.ORG_STATUSES == set(vocab.ORG_STATUSES) >= set(ingest_vocab.ORG_STATUS.values())
    for key, words in vocab.CATEGORIES.items():
        assert {ingest_vocab.category_key(w) for w in (key, *words)} == {key}


def _pairs(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Line and key of every tuple literal pairing a category key with its Chinese word (a copy of the mapping)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple):
            texts = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            for key, words in vocab.CATEGORIES.items():
                if key in texts and texts & set(words):
                    yield node.lineno, key


def test_no_category_key_paired_with_its_word_outside_graph_vocab() -> None:
    pairs = [f"{p.relative_to(ROOT)}:{line}: {key}" for p in _sources()
             for line, key in _pairs(ast.parse(p.read_text(encoding="utf-8")))]
    assert pairs == [], "take the word from graph.vocab.CATEGORIES[key]"
    assert list(_pairs(ast.parse('T = (("venue", "场地阵地", 14),)')))  # and the check does find one
