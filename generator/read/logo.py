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
# A logo is shown about 200 pixels high: more than this on a side is refused, because the file size
# does not bound the pixels (a plain 17000 x 17000 PNG packs into under 1 MB and needs a gigabyte to
# decode: in the build, in Typst for every report, and in the reader's browser on every page).
MAX_LOGO_SIDE = 4096
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
    if not content.startswith((_PNG, _JPG)):
        return fail(Message("dit is geen PNG- of JPG-afbeelding."))
    size = dimensions(content)
    if size is not None and max(size) > MAX_LOGO_SIDE:  # before anything decodes it
        return fail(Message("het logo is %(width)s bij %(height)s pixels; dat is te groot (hoogstens %(most)s pixels breed en hoog). "
                            "Maak het kleiner (een logo van 200 pixels hoog is genoeg).", width=size[0], height=size[1], most=MAX_LOGO_SIDE))
    if content.startswith(_PNG):
        whole, suffix = _whole_png(content), ".png"
    else:
        whole, suffix = _whole_jpg(content), ".jpg"
    if not whole or not typst_decodes(content, suffix):
        return fail(Message("deze afbeelding is beschadigd of niet af; sla het logo opnieuw op als PNG of JPG."))
    return (f"assets/logo{suffix}", content), []


def dimensions(content: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels from a PNG's header or a JPG's frame header; None when not found."""
    if content.startswith(_PNG):
        if content[12:16] != b"IHDR" or len(content) < 24:
            return None
        width, height = struct.unpack(">II", content[16:24])
        return width, height
    position = 2
    while position + 4 <= len(content) and content[position] == 0xFF:
        marker = content[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        length = struct.unpack(">H", content[position + 2:position + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC) and position + 9 <= len(content):
            height, width = struct.unpack(">HH", content[position + 5:position + 9])
            return width, height
        if marker == 0xDA or length < 2:
            return None
        position += 2 + length
    return None


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
