"""The ``gridlink`` command speaks Simplified Chinese by default and English with ``GRIDLINK_LANG=en``, from the
one gettext catalog (graph/i18n.py, gridlink/cli_lang.py)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

_CJK = re.compile(r"[\u4e00-\u9fff]")
#: prints (command path, help texts) of every command of the translated tree, in the language of GRIDLINK_LANG
_DUMP = """
import json, typer
from gridlink.cli import app
from gridlink.cli_lang import texts, translate, walk
root = typer.main.get_command(app)
translate(root)
print(json.dumps([[path, list(texts(cmd))] for path, cmd in walk(root)], ensure_ascii=False))
"""


def _env(lang: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "GRIDLINK_LANG"}
    return env | ({"GRIDLINK_LANG": lang} if lang else {}) | {"COLUMNS": "200"}


def _python(code: str, lang: str | None) -> str:
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=_env(lang),
                         timeout=120)
    return res.stdout


def gridlink(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the ``gridlink`` command (its console entry point) in a fresh process."""
    return subprocess.run([sys.executable, "-c", "from gridlink.cli import main; main()", *args],
                          capture_output=True, text=True, check=False, env=_env(lang), timeout=120)


def test_every_help_text_of_every_command_is_translated() -> None:
    zh = dict(json.loads(_python(_DUMP, None)))
    en = dict(json.loads(_python(_DUMP, "en")))
    assert zh.keys() == en.keys() and len(en) >= 15  # every command and group
    untranslated = [(path, e) for path in en for e, z in zip(en[path], zh[path], strict=True)
                    if e == z or not _CJK.search(z)]
    assert untranslated == [], ("add these msgids with their Chinese to graph/locale/zh_CN/LC_MESSAGES/gridlink.po, "
                                "then run `python -m graph.i18n`")


@pytest.mark.parametrize("args", [["--help"], ["ingest", "--help"], ["db", "--help"], ["query", "run", "--help"]])
def test_help_is_chinese_unless_english_is_asked(args: list[str]) -> None:
    zh = gridlink(*args)
    en = gridlink(*args, lang="en")
    assert zh.returncode == en.returncode == 0, zh.stderr
    assert "用法：" in zh.stdout and "Usage:" not in zh.stdout
    assert ("选项" in zh.stdout) and "Options" not in zh.stdout
    assert "Usage:" in en.stdout and "Options" in en.stdout and "用法" not in en.stdout


def test_messages_are_chinese_unless_english_is_asked() -> None:
    zh = gridlink("query", "show", "no_such_query")
    en = gridlink("query", "show", "no_such_query", lang="en")
    assert zh.returncode == en.returncode == 1
    assert "错误：" in zh.stderr and "error:" not in zh.stderr
    assert "error:" in en.stderr and "错误" not in en.stderr


def test_ingest_help_names_the_kinds_in_chinese() -> None:
    out = " ".join(gridlink("ingest", "--help").stdout.split())
    for name in ("企业", "网格", "社会组织", "党组织", "小区", "工单"):
        assert name in out
