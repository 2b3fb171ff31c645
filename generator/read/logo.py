"""Stage 1, read (logo): the coach's logo from the data folder, checked to be a whole PNG or JPG.

The first bytes are not enough: a PNG or JPG cut short or damaged shows as a broken image on the
site and stops the PDF reports (Typst must decode it), so its structure is walked here: every PNG
chunk with its checksum and its image data unpacked, every JPG segment up to a frame and a scan.
Then Typst, which sets the reports, decodes it as a report would (`typst_decodes`): an image whose
structure is whole but whose pixels are not (too little image data for its size, a bad scan) is
refused here, for `check` and `build` alike, never by Typst's own error halfway through a build.
"""

from __future__ import annotations

import datetime as dt
import struct
import tempfile
import zlib
from pathlib import Path

from generator.core.errors import Code, Problem
from generator.core.language import Message
from generator.read.settings_file import SETTINGS_FILE_NAME

MAX_LOGO_BYTES = 1024 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"
_JPG = b"\xff\xd8\xff"


def read_logo(data_dir: Path, name: str) -> tuple[tuple[str, bytes] | None, list[Problem]]:
    """The logo named in the settings as (its path in the site, its bytes), or the problem with it."""
    path = data_dir / name

    def fail(message: Message) -> tuple[None, list[Problem]]:
        return None, [Problem(SETTINGS_FILE_NAME, None, None, name, message, key="site.logo", code=Code.LOGO)]

    if not path.is_file():
        return fail(Message("dit bestand staat niet in de datamap."))
    if path.stat().st_size > MAX_LOGO_BYTES:
        return fail(Message("het logo is groter dan 1 MB; maak het kleiner (een logo van 200 pixels hoog is genoeg)."))
    content = path.read_bytes()
    if content.startswith(_PNG):
        whole, suffix = _whole_png(content), ".png"
    elif content.startswith(_JPG):
        whole, suffix = _whole_jpg(content), ".jpg"
    else:
        return fail(Message("dit is geen PNG- of JPG-afbeelding."))
    if not whole or not typst_decodes(content, suffix):
        return fail(Message("deze afbeelding is beschadigd of niet af; sla het logo opnieuw op als PNG of JPG."))
    return (f"assets/logo{suffix}", content), []


def typst_decodes(content: bytes, suffix: str) -> bool:
    """Whether Typst decodes the image when it sets a PDF with it (as the reports do)."""
    import typst

    with tempfile.TemporaryDirectory(prefix="netwerkspiegel-logo-") as folder:
        root = Path(folder)
        (root / f"logo{suffix}").write_bytes(content)
        (root / "logo.typ").write_text(f'#image("logo{suffix}", width: 2cm)\n', encoding="utf-8")
        try:
            typst.Compiler(root=str(root), ignore_system_fonts=True).compile(
                input=str(root / "logo.typ"), format="pdf", timestamp=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
        except typst.TypstError:
            return False
    return True


def _whole_png(content: bytes) -> bool:
    """IHDR first, every chunk's CRC right, image data that unpacks, and IEND last."""
    position, first, data = len(_PNG), True, []
    while position + 12 <= len(content):
        length, kind = struct.unpack(">I4s", content[position:position + 8])
        body = content[position + 8:position + 8 + length]
        end = position + 12 + length
        if end > len(content) or len(body) != length:
            return False
        if struct.unpack(">I", content[end - 4:end])[0] != zlib.crc32(kind + body) & 0xFFFFFFFF:
            return False
        if first and (kind != b"IHDR" or length != 13):
            return False
        first = False
        if kind == b"IDAT":
            data.append(body)
        if kind == b"IEND":
            try:
                return bool(data) and bool(zlib.decompress(b"".join(data)))
            except zlib.error:
                return False
        position = end
    return False


def _whole_jpg(content: bytes) -> bool:
    """Segments with their lengths from the start up to the scan, a frame header before it, and
    the end-of-image marker last."""
    position, frame = 2, False
    while position + 4 <= len(content):
        if content[position] != 0xFF:
            return False
        marker = content[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        length = struct.unpack(">H", content[position + 2:position + 4])[0]
        if length < 2 or position + 2 + length > len(content):
            return False
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            frame = True
        if marker == 0xDA:  # start of scan: the compressed image follows, to the end marker
            return frame and content.rstrip(b"\x00").endswith(b"\xff\xd9")
        position += 2 + length
    return False
