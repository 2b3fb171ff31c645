"""Where the files beside the code are: page templates, theme overrides, assets, `mkdocs.yml`.

In this repository they stay where the design card puts them (`templates/`, `mkdocs.yml` at the
top); a wheel carries copies of them inside the package (`generator/_resources/`, put there by
`setup.py` when the wheel is built), found through `importlib.resources`. So an installed
`netwerkspiegel` works from any folder, without the checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]


def resource_root() -> Path:
    """The folder holding `templates/` and `mkdocs.yml`: inside the installed package, else the checkout."""
    bundled = Path(str(files("generator").joinpath("_resources")))
    return bundled if (bundled / "mkdocs.yml").is_file() else _CHECKOUT


TEMPLATES_DIR = resource_root() / "templates"
MKDOCS_CONFIG = resource_root() / "mkdocs.yml"
