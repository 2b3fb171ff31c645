"""How user text is put into Markdown and HTML safely (numbers in a language's notation: `core.language`).

Everything a coach or participant typed is shown as text, never run: in Markdown every character
that could start markup is escaped, in HTML every tag character. Jinja templates escape each
`{{ … }}` as Markdown by default; only values built here as `Markup` pass through unchanged.
"""

from __future__ import annotations

import html
import re
import unicodedata

from markupsafe import Markup

# The characters Python-Markdown lets a backslash escape (plus | from the tables extension).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md(value: object) -> Markup:
    """Inline Markdown that shows `value` literally, on one line."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", text))


def code_span(value: object) -> Markup:
    """`value` as an inline Markdown code span, literally, on one line: fenced by one backtick more
    than the longest run inside it (a question may hold backticks), padded where it touches them."""
    text = " ".join(str(value).split())
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{padding}{text}{padding}{fence}")


def html_text(value: object) -> Markup:
    """Text for inside an HTML block (where Markdown is not processed); line breaks kept."""
    lines = [html.escape(line.strip()) for line in str(value).strip().splitlines()]
    return Markup("<br>".join(line for line in lines if line))


def html_attr(value: object) -> Markup:
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def yaml_title(value: object) -> Markup:
    """A page title for front matter. MkDocs prefers it to the H1 and Material prints it unescaped
    (in <title> and the navigation), so it is HTML-escaped here; JSON strings are valid YAML."""
    import json

    return Markup(json.dumps(html.escape(" ".join(str(value).split())), ensure_ascii=True))


def url(value: object) -> Markup:
    """A relative link target made of our own slugs, percent-encoded, never Markdown-escaped."""
    from urllib.parse import quote

    return Markup(quote(str(value), safe="/#"))


def count(n: int, one: str, many: str) -> str:
    """`1 netwerk`, `3 netwerken`."""
    return f"{n} {one if n == 1 else many}"


MAX_SLUG = 60  # file names stay far below every file system's limit (255 bytes), however long the name


def slugify(text: str) -> str:
    """A file name for a page: lower-case ASCII words joined by '-'. A long name is cut at a word
    and gets a short hash of the whole name, so two long names that start alike stay apart; a
    name without a Latin letter or digit (中文, Ελληνικά, …) is 'netwerk-' and such a hash, its own
    whatever other names there are."""
    import hashlib

    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", bare).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
        slug = f"{cut}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"
    return slug or f"netwerk-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"


# Control and invisible characters (zero-width space, direction marks and overrides, soft hyphen,
# byte-order mark): never part of a value, and they can hide text.
INVISIBLE_CLASS = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
# The zero-width joiner and non-joiner (U+200D, U+200C) are part of what is written where they join
# two characters of a script that uses them or of an emoji sequence (👩‍🏫 teacher, 🏳️‍🌈, Persian
# می‌خواهم): kept there. Where they stand beside Latin, Greek or Cyrillic letters, digits, spaces, at
# an end, or beside another invisible character, they join nothing and could only hide a word (a
# name split by a joiner): removed like the others.
_NOT_JOINED = "\x00-\u052f\u1e00-\u1fff\u2000-\u206f\u2c60-\u2c7f\ua720-\ua7ff\ufeff\uff00-\uffef\\s"
_JOINED = f"[^{_NOT_JOINED}]"
INVISIBLE = re.compile(f"{INVISIBLE_CLASS}|(?<!{_JOINED})[\u200c\u200d]|[\u200c\u200d](?!{_JOINED})")


def clean_text(value: str) -> str:
    """A cell without control and invisible characters, in one Unicode form (NFC)."""
    if not value.isascii():
        value = unicodedata.normalize("NFC", value)
    return INVISIBLE.sub("", value)


def column_letter(index: int) -> str:
    """A column as a spreadsheet names it: A, B, …, Z, AA, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
