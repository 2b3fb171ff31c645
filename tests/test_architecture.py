"""The layout shows the stages: imports point one way (the import-linter contracts in
pyproject.toml) and no module imports itself back through others."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_hold():
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter ontbreekt: installeer de testhulpmiddelen (pip install -e '.[test]')"
    result = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_import_cycles():
    import grimp

    graph = grimp.build_graph("generator")
    modules = sorted(graph.modules)
    cycles = []
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != module and graph.chain_exists(importer=imported, imported=module):
                cycles.append((module, imported))
    assert cycles == []


def test_every_stage_is_a_package_and_the_stages_are_all_there():
    packages = sorted(p.parent.name for p in (ROOT / "generator").glob("*/__init__.py"))
    assert packages == ["analyse", "core", "read", "site"]
