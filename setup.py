"""Build hook: copy the top-level `templates/` and `mkdocs.yml` into the package of a wheel.

The repository keeps them at the top (the design card); an installed Netwerkspiegel finds them in
`generator/_resources/` (see `generator/resources.py`). Everything else is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "generator" / "_resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(HERE / "templates", target / "templates", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(HERE / "mkdocs.yml", target / "mkdocs.yml")


setup(cmdclass={"build_py": BuildWithResources})
