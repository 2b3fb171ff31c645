"""Where the running Netwerkspiegel came from, as its installed distribution records it.

pip writes `direct_url.json` (PEP 610) beside the metadata of a package it installed from a URL:
a git repository (with the commit it checked out), an archive (a wheel or sdist file, with its
hash), or a folder (perhaps editable). A package from an index has no such file. `init` pins
exactly that source in a project's `requirements.txt`, so that the coach's CI installs the program
that made the project; `--version` names the commit of a git install.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from importlib.metadata import Distribution, PackageNotFoundError, distribution

DISTRIBUTION = "netwerkspiegel"


class SourceKind(StrEnum):
    INDEX = "index"  # a version from a package index (no direct_url.json)
    VCS = "vcs"  # a git repository at a commit
    ARCHIVE = "archive"  # a wheel or sdist at a URL other than a local file
    LOCAL_FILE = "local file"  # a wheel or sdist on this computer's disk
    FOLDER = "folder"  # a folder on this computer's disk, editable or not
    CHECKOUT = "checkout"  # not installed at all: run from the source tree
    UNKNOWN = "unknown"  # pip's record of the source could not be read, or names an address no line can hold


@dataclass(frozen=True)
class InstallSource:
    """The source of the running program. `requirement`: a line for `requirements.txt` that gives
    a fresh environment this very program, or None where no such line can be written (a file or
    folder on this computer only, or no installation at all); `location` names that file or folder."""

    kind: SourceKind
    version: str
    requirement: str | None
    location: str = ""
    commit: str = ""


def install_source() -> InstallSource:
    try:
        installed = distribution(DISTRIBUTION)
    except PackageNotFoundError:
        from generator import __version__

        return InstallSource(SourceKind.CHECKOUT, __version__, None)
    return source_of(installed.version, _direct_url(installed))


def _direct_url(installed: Distribution) -> object:
    """The PEP 610 record as JSON; None when there is none; `_UNREADABLE` when it is not JSON."""
    text = installed.read_text("direct_url.json")
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return _UNREADABLE


_UNREADABLE = object()


def source_of(version: str, direct_url: object) -> InstallSource:
    """The source a PEP 610 record (None: none was written) tells of, and its requirement line.
    A record that cannot be read, or whose address does not fit on one line of `requirements.txt`
    (white space, control characters), pins nothing: a source is never guessed."""
    if direct_url is None:
        return InstallSource(SourceKind.INDEX, version, f"{DISTRIBUTION}=={version}")
    if not isinstance(direct_url, dict) or not isinstance(direct_url.get("url"), str) or not _one_word(str(direct_url["url"])):
        return InstallSource(SourceKind.UNKNOWN, version, None)
    url = str(direct_url["url"])
    subdirectory = direct_url.get("subdirectory")
    fragment = f"#subdirectory={subdirectory}" if isinstance(subdirectory, str) and subdirectory else ""
    if fragment and not _one_word(fragment):
        return InstallSource(SourceKind.UNKNOWN, version, None)
    vcs = direct_url.get("vcs_info")
    if isinstance(vcs, dict) and isinstance(vcs.get("vcs"), str) and isinstance(vcs.get("commit_id"), str):
        if not (re.fullmatch(r"[a-z]+", vcs["vcs"]) and re.fullmatch(r"[0-9a-fA-F]{7,64}", vcs["commit_id"])):
            return InstallSource(SourceKind.UNKNOWN, version, None)
        commit = str(vcs["commit_id"])
        return InstallSource(SourceKind.VCS, version, f"{DISTRIBUTION} @ {vcs['vcs']}+{url}@{commit}{fragment}", url, commit)
    if url.startswith("file:"):
        kind = SourceKind.FOLDER if "dir_info" in direct_url else SourceKind.LOCAL_FILE
        return InstallSource(kind, version, None, url)
    archive = direct_url.get("archive_info")
    hashes = archive.get("hashes") if isinstance(archive, dict) else None
    if isinstance(hashes, dict) and isinstance(hashes.get("sha256"), str):
        fragment = f"#sha256={hashes['sha256']}"
    elif isinstance(archive, dict) and isinstance(archive.get("hash"), str):  # the older form: "sha256=…"
        fragment = "#" + str(archive["hash"])
    if not _one_word(fragment):
        return InstallSource(SourceKind.UNKNOWN, version, None)
    return InstallSource(SourceKind.ARCHIVE, version, f"{DISTRIBUTION} @ {url}{fragment}", url)


def _one_word(text: str) -> bool:
    """Printable, without white space: safe as (part of) one line of `requirements.txt` or a comment."""
    return text.isprintable() and not any(ch.isspace() for ch in text)


def version_text() -> str:
    """What `--version` prints: the version, and the commit of a git install."""
    source = install_source()
    return f"{DISTRIBUTION} {source.version}" + (f" (git {source.commit[:12]})" if source.commit else "")
