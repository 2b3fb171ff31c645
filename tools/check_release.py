"""Check a built wheel as a coach would use it: installed in a fresh virtual environment outside the
checkout, `init` a project, the sample exports in its data/, `check`, and both sites built.

    python tools/check_release.py dist/netwerkspiegel-0.2.0-py3-none-any.whl

Used by the release workflow before anything is published; exits non-zero on the first failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = ROOT / "data"


def run(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    print("$", " ".join(command), flush=True)
    completed = subprocess.run(command, cwd=cwd, env=env)
    if completed.returncode != 0:
        sys.exit(f"mislukt (exitcode {completed.returncode}): {' '.join(command)}")


def main(wheel: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="netwerkspiegel-uitgave-") as folder:
        work = Path(folder)
        venv.create(work / "venv", with_pip=True)
        python = work / "venv" / "bin" / "python"
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
        run([str(python), "-m", "pip", "install", "--quiet", str(wheel.resolve())], work, env)
        command = str(work / "venv" / "bin" / "netwerkspiegel")
        run([command, "--version"], work, env)
        run([command, "init", "project"], work, env)
        project = work / "project"
        for name in ("scores.xlsx", "reflecties.xlsx", "evaluaties.xlsx", "netwerkspiegel.toml"):
            (project / "data" / name).unlink()
        for path in SAMPLE_DATA.iterdir():
            shutil.copy2(path, project / "data" / path.name)
        run([command, "check", "--audience", "publiek"], project, env)
        run([command, "build", "--offline"], project, env)
        run([command, "build", "--audience", "publiek", "--src", "publiek_src", "--out", "publiek"], project, env)
        for page in (project / "site" / "index.html", project / "publiek" / "index.html"):
            if not page.is_file():
                sys.exit(f"ontbreekt na het bouwen: {page.relative_to(project)}")
    print("De uitgave werkt: geïnstalleerd, init, check en beide sites gebouwd.")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("gebruik: python tools/check_release.py WHEEL")
    main(Path(sys.argv[1]))
