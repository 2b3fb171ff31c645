"""The fonts the PDF reports are set in besides Typst's own, and which characters they can set.

Typst's own fonts (Libertinus Serif) set Latin, Greek, Cyrillic and Hebrew; Noto fonts, pinned
dependencies of Netwerkspiegel (`manimgx-fonts`, `manimgx-fonts-cjk`, SIL Open Font License), set
emoji, symbols, Chinese, Japanese, Korean and the other scripts participants write (Arabic,
Devanagari, Thai, …). No font of the machine is used: the PDFs are the same bytes everywhere.
What no font has (an Egyptian hieroglyph, a character of a private use area) would be an empty
box: `unsettable` finds it, so that the reader is told where it is before a report shows it.
"""

from __future__ import annotations

import bisect
import functools
import importlib.metadata
import importlib.util
import re
import struct
import unicodedata
from pathlib import Path

FONT_PACKAGES = ("manimgx-fonts", "manimgx-fonts-cjk")
# The families a report's text is set in, in this order: each character in the first that has it.
FAMILIES = ("Libertinus Serif", "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari", "Noto Sans Bengali",
            "Noto Sans Gurmukhi", "Noto Sans Gujarati", "Noto Sans Oriya", "Noto Sans Tamil", "Noto Sans Telugu", "Noto Sans Kannada",
            "Noto Sans Malayalam", "Noto Sans Sinhala", "Noto Sans Thai", "Noto Sans Lao", "Noto Sans Khmer", "Noto Sans Myanmar",
            "Noto Sans Armenian", "Noto Sans Georgian", "Noto Sans Ethiopic", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR",
            "Noto Sans Symbols", "Noto Emoji")
_FONT_FILES = (".ttf", ".otf", ".ttc", ".otc")
# Characters no font needs to have: controls, format characters (joiners, direction marks),
# variation selectors (an emoji's presentation) and line and paragraph separators.
_NOT_DRAWN = frozenset({"Cc", "Cf", "Zl", "Zp"})
_BEYOND_LATIN = re.compile("[^\x00-\u024f]")  # Latin (with its accents) every font of the reports has
# A flag is two regional indicators (🇳🇱 is N + L). Noto Emoji, the one emoji font that may be shipped
# in black and white, has a glyph for each letter but none for the pair: a flag would be two boxed
# letters, so a regional indicator counts as a character no font sets.
_REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)


def font_folders() -> tuple[Path, ...]:
    """The folders of the fonts the reports are set in (each package's own folder)."""
    folders = []
    for package in FONT_PACKAGES:
        spec = importlib.util.find_spec(package.replace("-", "_"))
        if spec is None or spec.origin is None:
            raise RuntimeError(f"the fonts of the PDF reports are missing: install {package} (a dependency of Netwerkspiegel)")
        folders.append(Path(spec.origin).parent)
    return tuple(folders)


def fonts_version() -> str:
    """What the fonts are, for the store's key of a report: the packages' versions."""
    return ",".join(f"{package}=={importlib.metadata.version(package)}" for package in FONT_PACKAGES)


def unsettable(text: str) -> str:
    """The characters of `text` that no font of the reports has, each once, in their order."""
    if text.isascii():
        return ""
    beyond = _BEYOND_LATIN.findall(text)  # in C: most texts of Dutch schools have none
    if not beyond:
        return ""
    found: dict[str, None] = {}
    starts, ends = _coverage()
    for character in dict.fromkeys(beyond):
        code = ord(character)
        index = bisect.bisect_right(starts, code) - 1
        if index >= 0 and code <= ends[index] and code not in _REGIONAL_INDICATORS:
            continue
        if unicodedata.category(character) in _NOT_DRAWN or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
            continue
        found[character] = None
    return "".join(found)


def describe(characters: str) -> str:
    """Characters as a reader can find them: each as itself, its code point and its name."""
    return ", ".join(f"'{ch}' (U+{ord(ch):04X}{' ' + unicodedata.name(ch) if unicodedata.name(ch, '') else ''})" for ch in characters)


@functools.lru_cache(maxsize=1)
def _coverage() -> tuple[list[int], list[int]]:
    """Every code point some font of the reports maps to a glyph, as sorted, merged ranges
    (their starts and their ends)."""
    ranges: list[tuple[int, int]] = []
    for folder in font_folders():
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in _FONT_FILES:
                ranges += _font_file_ranges(path.read_bytes())
    ranges.sort()
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [start for start, _ in merged], [end for _, end in merged]


def _font_file_ranges(data: bytes) -> list[tuple[int, int]]:
    """The code points of every font in a font file (a collection has several), as ranges."""
    if data[:4] == b"ttcf":
        count = struct.unpack_from(">I", data, 8)[0]
        offsets = struct.unpack_from(f">{count}I", data, 12)
    else:
        offsets = (0,)
    ranges: list[tuple[int, int]] = []
    for offset in offsets:
        ranges += _cmap_ranges(data, offset)
    return ranges


def _cmap_ranges(data: bytes, font: int) -> list[tuple[int, int]]:
    """The code points one font's `cmap` table maps to a glyph (its Unicode subtable: format 12,
    else format 4), as ranges."""
    tables = struct.unpack_from(">H", data, font + 4)[0]
    cmap = next((table_offset for tag, _, table_offset, _ in (struct.unpack_from(">4sIII", data, font + 12 + 16 * i) for i in range(tables))
                 if tag == b"cmap"), None)
    if cmap is None:
        return []
    subtables = {}
    for i in range(struct.unpack_from(">H", data, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        subtables[(platform, encoding)] = cmap + offset
    for ids in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        if ids in subtables:
            at = subtables[ids]
            kind = struct.unpack_from(">H", data, at)[0]
            if kind == 12:
                groups = struct.unpack_from(">I", data, at + 12)[0]
                return [(start, end) for start, end, _ in struct.iter_unpack(">III", data[at + 16:at + 16 + 12 * groups])]
            if kind == 4:
                return _format4(data, at)
    return []


def _format4(data: bytes, at: int) -> list[tuple[int, int]]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    range_at = at + 16 + 6 * segments
    range_offsets = struct.unpack_from(f">{segments}H", data, range_at)
    ranges = []
    for i, (start, end, delta, range_offset) in enumerate(zip(starts, ends, deltas, range_offsets, strict=True)):
        if start == 0xFFFF:
            continue
        if range_offset == 0:
            ranges += [(c, c) for c in range(start, end + 1) if (c + delta) & 0xFFFF]
            continue
        for c in range(start, end + 1):
            glyph = struct.unpack_from(">H", data, range_at + 2 * i + range_offset + 2 * (c - start))[0]
            if glyph and (glyph + delta) & 0xFFFF:
                ranges.append((c, c))
    return ranges
