"""The APOC core plugin of the local server (graph/plugins.py): where it goes and when a server needs a restart."""

from __future__ import annotations

from pathlib import Path

from graph.plugins import artifact_id, conf_line, plugins_dir, started_without_plugins
from graph.settings import LocalServerSettings


def test_jars_the_server_ships_are_recognised_by_artifact() -> None:
    assert artifact_id("commons-lang3-3.12.0.jar") == "commons-lang3"
    assert artifact_id("apoc-core-5.26.19.jar") == "apoc-core"
    assert artifact_id("RoaringBitmap-0.7.17.jar") == "RoaringBitmap"


def test_a_server_started_before_apoc_is_restarted_once(tmp_path: Path) -> None:
    s = LocalServerSettings(cache_dir=tmp_path / "cache", home=tmp_path / "home", apoc_version="5.26.19")
    assert plugins_dir(s) == tmp_path / "cache" / "dist" / "apoc-5.26.19" / "plugins"
    assert not started_without_plugins(s)  # no conf yet: never started, nothing to restart
    conf = tmp_path / "home" / "conf" / "neo4j.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text("server.bolt.listen_address=:7687\n", encoding="utf-8")
    assert started_without_plugins(s)
    conf.write_text(f"server.bolt.listen_address=:7687\n{conf_line(s)}\n", encoding="utf-8")
    assert not started_without_plugins(s)
    other = LocalServerSettings(cache_dir=tmp_path / "cache", home=tmp_path / "home", apoc_version="5.26.20")
    assert started_without_plugins(other)  # another APOC version: its own folder
