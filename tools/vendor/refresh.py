"""Refresh the browser scripts the site vendors, from the npm packages pinned in package-lock.json.

    python tools/vendor/refresh.py

It runs ``npm ci`` here, copies each package's browser build and LICENSE into docs/javascripts/vendor/<name>/,
and writes vendor.json beside them: the package, its version and the SHA-256 of the copied file. The site
never loads these from another origin, and tests/test_vendored_scripts.py checks the copy against vendor.json
and the lockfile without needing npm.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEST = HERE.parent.parent / "docs" / "javascripts" / "vendor"
# package -> the file in it that a browser loads with a plain <script> (its UMD build)
BROWSER_BUILDS = {"ts-fsrs": "dist/index.umd.js"}


def refresh() -> None:
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    lock = json.loads((HERE / "package-lock.json").read_text(encoding="utf-8"))
    for name, build in BROWSER_BUILDS.items():
        package = HERE / "node_modules" / name
        version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
        assert version == lock["packages"][f"node_modules/{name}"]["version"], "node_modules disagrees with the lockfile"
        target = DEST / name
        target.mkdir(parents=True, exist_ok=True)
        script = target / Path(build).name
        shutil.copyfile(package / build, script)
        shutil.copyfile(package / "LICENSE", target / "LICENSE")
        manifest = {
            "package": name,
            "version": version,
            "file": script.name,
            "from": f"npm:{name}@{version}/{build}",
            "sha256": hashlib.sha256(script.read_bytes()).hexdigest(),
            "license": json.loads((package / "package.json").read_text(encoding="utf-8"))["license"],
        }
        (target / "vendor.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        print(f"{name} {version}: {script.relative_to(DEST.parent.parent.parent)}")


if __name__ == "__main__":
    refresh()
