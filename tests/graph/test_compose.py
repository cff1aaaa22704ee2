"""docker-compose.yml keeps its promises (checked by parsing: CI machines have no Docker engine or compose plugin;
`docker compose config -q` was run by hand where the plugin exists)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_compose_runs_official_neo4j_526_with_auth_healthcheck_volume_and_browser_port() -> None:
    doc = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    neo = doc["services"]["neo4j"]
    assert neo["image"] == "neo4j:5.26-community"
    assert neo["environment"]["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD")
    assert "cypher-shell" in " ".join(neo["healthcheck"]["test"])
    assert any(v.startswith("neo4j-data:/data") for v in neo["volumes"]) and "neo4j-data" in doc["volumes"]
    assert any(p.endswith(":7474") for p in neo["ports"]) and any(p.endswith(":7687") for p in neo["ports"])


def test_compose_api_and_demo_load_wait_for_healthy_neo4j_and_build_the_project_image() -> None:
    doc = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    for name in ("api", "demo-load"):
        svc = doc["services"][name]
        assert svc["depends_on"]["neo4j"]["condition"] == "service_healthy"
        assert (ROOT / svc["build"]["dockerfile"]).is_file()
        assert svc["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert doc["services"]["demo-load"]["command"] == ["gridlink", "demo", "load"]


def test_the_image_copies_every_package_the_wheel_ships() -> None:
    import tomllib

    packages = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"][
        "targets"]["wheel"]["packages"]
    dockerfile = (ROOT / "api" / "Dockerfile").read_text(encoding="utf-8")
    missing = [p for p in packages if f"COPY {p} ./{p}" not in dockerfile]
    assert not missing, f"api/Dockerfile does not copy {missing}: `pip install .` in the image would miss them"
