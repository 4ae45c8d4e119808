"""The official OParl 1.1 JSON schemas, read from a local copy of github:OParl/spec.

The schemas are CC BY-SA 4.0 and not part of this repository. Point `OPARL_SPEC_DIR` at a
checkout of the specification (its `schema/` folder is used), or `OPARL_SPEC_GIT` at a bare
clone; without either, the OParl conformance tests are skipped with that reason.
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

DEFAULT_GIT = "/work/.mirror/OParl+spec/repo/.git"
NAMES = [
    "System",
    "Body",
    "Organization",
    "Person",
    "Membership",
    "Meeting",
    "AgendaItem",
    "Paper",
    "Consultation",
    "File",
    "LegislativeTerm",
    "Location",
]


def _from_folder(folder: Path) -> dict:
    return {name: json.loads((folder / f"{name}.json").read_text()) for name in NAMES}


def _from_git(git_dir: str) -> dict:
    return {
        name: json.loads(
            subprocess.run(
                ["git", f"--git-dir={git_dir}", "show", f"HEAD:schema/{name}.json"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        for name in NAMES
    }


@pytest.fixture(scope="session")
def oparl_schemas():
    folder = os.environ.get("OPARL_SPEC_DIR")
    if folder:
        return _from_folder(Path(folder) / "schema")
    git_dir = os.environ.get("OPARL_SPEC_GIT", DEFAULT_GIT)
    if Path(git_dir).exists():
        return _from_git(git_dir)
    pytest.skip("OParl schemas not available: set OPARL_SPEC_DIR to a checkout of github:OParl/spec")
