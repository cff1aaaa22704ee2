"""The browser libraries the API's pages use, vendored from npm so every page works with no network.

Government networks often have no internet, so GraphiQL, the API docs and the map must not load anything from a
CDN. The files below are copied out of the npm packages into ``api/static/vendor/<package>/`` together with each
package's licence. The pinned versions live here and only here; refresh the copies after changing a pin with::

    python -m api.vendor          # needs npm on PATH (runs `npm pack` for each pinned package)

``VERSIONS.json`` in the vendor folder records what was copied; a test checks it against these pins.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent / "static" / "vendor"


@dataclass(frozen=True)
class Package:
    """One npm package and the files of it the pages load (paths inside the package)."""

    name: str
    version: str
    files: tuple[str, ...]

    @property
    def folder(self) -> str:
        """The folder under ``static/vendor`` (npm scopes flattened)."""
        return self.name.replace("@", "").replace("/", "-")


PACKAGES: tuple[Package, ...] = (
    Package("react", "18.2.0", ("umd/react.production.min.js",)),
    Package("react-dom", "18.2.0", ("umd/react-dom.production.min.js",)),
    Package("graphiql", "3.8.3", ("graphiql.min.js", "graphiql.min.css")),
    Package("swagger-ui-dist", "5.17.14", ("swagger-ui-bundle.js", "swagger-ui.css")),
    Package("leaflet", "1.9.4", ("dist/leaflet.js", "dist/leaflet.css", "dist/images/layers.png",
                                 "dist/images/layers-2x.png", "dist/images/marker-icon.png",
                                 "dist/images/marker-icon-2x.png", "dist/images/marker-shadow.png")),
)
LICENSE_NAMES = ("LICENSE", "LICENSE.md", "LICENSE.txt")


def url(package: str, file: str) -> str:
    """The URL path (under the API's ``/static``) of one vendored file."""
    pkg = next(p for p in PACKAGES if p.name == package)
    if file not in pkg.files:
        raise KeyError(f"{file} is not vendored from {package}")
    return f"/static/vendor/{pkg.folder}/{file}"


def _extract(pkg: Package, tgz: Path, dest: Path) -> None:
    with tarfile.open(tgz) as tar:
        names = {m.name.removeprefix("package/"): m for m in tar.getmembers() if m.isfile()}
        licences = [n for n in LICENSE_NAMES if n in names]
        if not licences:
            raise SystemExit(f"{pkg.name}@{pkg.version} ships no LICENSE file; refusing to vendor it")
        for rel in (*pkg.files, licences[0]):
            member = names.get(rel)
            if member is None:
                raise SystemExit(f"{pkg.name}@{pkg.version} has no {rel}")
            src = tar.extractfile(member)
            assert src is not None
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(src.read())


def refresh(dest: Path = VENDOR_DIR) -> None:
    """Download the pinned packages with ``npm pack`` and copy the pages' files and licences into ``dest``."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is not on PATH")
    with tempfile.TemporaryDirectory(prefix="gridlink-vendor-") as tmp:
        for pkg in PACKAGES:
            out = subprocess.run([npm, "pack", "--silent", f"{pkg.name}@{pkg.version}"], cwd=tmp, check=True,
                                 capture_output=True, text=True).stdout.strip().splitlines()[-1]
            target = dest / pkg.folder
            shutil.rmtree(target, ignore_errors=True)
            _extract(pkg, Path(tmp) / out, target)
    versions = {p.name: p.version for p in PACKAGES}
    (dest / "VERSIONS.json").write_text(json.dumps(versions, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    refresh(Path(sys.argv[1]) if len(sys.argv) > 1 else VENDOR_DIR)
    print(f"vendored {len(PACKAGES)} packages into {VENDOR_DIR}")
