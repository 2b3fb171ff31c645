"""The `netwerkspiegel` command: a thin shell over `generator.pipeline`.

The library raises a few exception types (`generator.core.errors`); here they become messages on
stderr (Dutch, or the language of `--taal` or the site's `site.taal`) and exit codes, never a traceback: 1 for problems in the input or the build, 2 for a folder
or option that cannot be used (nothing touched), 130 for Ctrl+C.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.core.errors import FULL_LIST_LIMIT, InputError, NetwerkspiegelError, Problem, os_reason
from generator.core.installation import SourceKind, install_source, version_text
from generator.core.language import DUTCH, N_, Language, Message, Translations, available_languages, translations
from generator.core.progress import Progress
from generator.core.settings import settings_help
from generator.core.store import Store
from generator.core.streams import failed_streams, reader_may_leave
from generator.core.vocabulary import Audience, word
from generator.read.settings_file import settings_language

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

# argparse speaks English; what it says to a coach, said in the language of the command line
# (Dutch by default: the catalogue gives the English back).
_ARGPARSE_MESSAGES = (
    (re.compile(r"argument opdracht: invalid choice: (.*) \(choose from (.*)\)"), N_(r"onbekende opdracht \1 (kies uit \2)")),
    (re.compile(r"the following arguments are required: (.*)"), N_(r"deze gegevens ontbreken: \1")),
    (re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"), N_(r"optie \1: ongeldige keuze \2 (kies uit \3)")),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), N_(r"optie \1: \2 is geen geheel getal")),
    (re.compile(r"argument (\S+): expected one argument"), N_(r"optie \1 verwacht een waarde")),
    (re.compile(r"unrecognized arguments: (.*)"), N_(r"onbekende opties: \1")),
    (re.compile(r"invalid choice: (.*) \(choose from (.*)\)"), N_(r"onbekende opdracht \1 (kies uit \2)")),
    (re.compile(r"argument --zip: invalid zip_name value: ''"), N_("optie --zip: geen naam; geef de naam van het zip-bestand, zoals 'site.zip'")),
)


def zip_name(text: str) -> Path:
    """--zip's value: a path, never empty (Path('') would be the current folder)."""
    if not text.strip():
        raise ValueError(text)
    return Path(text)


class _Parser(argparse.ArgumentParser):
    """argparse in the language of the command line (`texts`)."""

    texts: Translations = DUTCH

    def error(self, message: str) -> None:  # type: ignore[override]
        _ = self.texts.gettext
        for pattern, replacement in _ARGPARSE_MESSAGES:
            if pattern.search(message):
                message = pattern.sub(_(replacement), message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("%(prog)s: fout: %(message)s") % {"prog": self.prog, "message": message} + "\n")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", self.texts.gettext("gebruik:"), 1)

    def format_help(self) -> str:
        _ = self.texts.gettext
        text = super().format_help().replace("usage:", _("gebruik:"), 1)
        return text.replace("\noptions:\n", "\n" + _("opties:") + "\n").replace("show this help message and exit", _("toon deze hulp en stop"))


# The audiences as the command line names them (Dutch words), for the library's members.
AUDIENCES = {word(audience): audience for audience in Audience}


def _parser(t: Translations) -> argparse.ArgumentParser:
    _ = t.gettext
    parser_class = type("Parser", (_Parser,), {"texts": t})
    parser = parser_class(
        prog="netwerkspiegel",
        description=_("Maakt van de monitoringsgegevens van leernetwerken een evaluatiesite."),
        epilog=settings_help(t),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=version_text(), help=_("toon de versie en stop"))
    # Also before the command (`netwerkspiegel --taal en build`); its own name, as a command's default would hide it.
    parser.add_argument("--taal", dest="language_before_command", choices=available_languages(), default=None, help=_("de taal van de meldingen: %(codes)s") % {"codes": ", ".join(available_languages())})
    commands = parser.add_subparsers(dest="command", metavar=_("opdracht"), required=True, parser_class=parser_class)

    def common(sub: argparse.ArgumentParser, with_output: bool = True) -> None:
        sub.add_argument("--data", type=Path, default=Path("data"), help=_("map met de exports (standaard: data/)"))
        sub.add_argument("--taal", choices=available_languages(), default=None,
                         help=_("de taal van de site en van de meldingen: %(codes)s; overschrijft site.taal uit netwerkspiegel.toml") % {"codes": ", ".join(available_languages())})
        if with_output:
            sub.add_argument("--src", type=Path, default=Path("site_src"), help=_("map waarin de Markdown komt (standaard: site_src/)"))
            sub.add_argument("--out", type=Path, default=Path("site"), help=_("map waarin de HTML komt (standaard: site/)"))
            sub.add_argument("--audience", "--publiek", choices=list(AUDIENCES), default=word(Audience.INTERNAL), help=_("voor wie de site is (standaard: intern)"))
            sub.add_argument("--site-url", default=None, help=_("adres van de site; overschrijft site.url uit netwerkspiegel.toml"))

    build = commands.add_parser("build", help=_("controleer de gegevens en bouw de site"))
    common(build)
    build.add_argument("--offline", action="store_true",
                       help=_("een site die ook werkt als je hem van schijf opent (een gedeelde map of zip), zonder webserver"))
    build.add_argument("--zip", type=zip_name, default=None, metavar=_("BESTAND"),
                       help=_("schrijf de site (offline) ook als één zip-bestand, om te delen via Teams, SharePoint of e-mail"))
    build.add_argument("--svg", action="store_true",
                       help=_("maak van elke grafiek ook een vaste afbeelding (SVG): voor afdrukken zonder JavaScript en om in een "
                              "verslag te plakken; kost tijd bij veel netwerken"))
    build.add_argument("--no-pdf", "--zonder-pdf", dest="no_pdf", action="store_true",
                       help=_("bouw zonder de PDF-rapporten (per netwerk en van het programma); de pagina's linken er dan ook niet naar"))
    build.add_argument("--no-cache", "--zonder-cache", dest="no_cache", action="store_true",
                       help=_("bouw alles opnieuw: lees en bewaar niets in de cache en neem niets over uit de vorige site "
                              "(dezelfde uitkomst, alleen trager)"))
    check = commands.add_parser("check", help=_("controleer alleen de gegevens en vat samen wat er gelezen is"))
    common(check, with_output=False)
    check.add_argument("--audience", "--publiek", choices=list(AUDIENCES), default=word(Audience.INTERNAL),
                       help=_("met 'publiek': toon ook elke tekst die de publieke site laat zien, na het weglaten van namen"))
    init = commands.add_parser("init", help=_("maak een nieuw monitoringproject: werkmappen, instellingen, uitleg en CI"))
    init.add_argument("map", nargs="?", type=Path, default=Path("."), help=_("de map van het project (standaard: de huidige map)"))
    init.add_argument("--taal", choices=available_languages(), default=None, help=_("de taal van de meldingen: %(codes)s") % {"codes": ", ".join(available_languages())})
    cache = commands.add_parser("cache", help=_("toon waar de cache staat en hoe groot hij is; maak hem leeg met --leegmaken"))
    cache.add_argument("--leegmaken", "--clear", dest="clear", action="store_true",
                       help=_("maak de cache leeg (de volgende build maakt alles opnieuw; je gegevens en sites blijven staan)"))
    serve = commands.add_parser("serve", help=_("bouw de site, toon hem op 127.0.0.1 en bouw opnieuw bij wijzigingen"))
    common(serve)
    serve.add_argument("--port", type=int, default=8000, help=_("poort (standaard: 8000)"))
    return parser


def command_language(argv: Sequence[str]) -> Language | None:
    """The language the command line asks for (`--taal en`, `--taal=en`), looked up before argparse
    runs so that its help and errors come in that language too; None when it asks for none."""
    for index, argument in enumerate(argv):
        value = argument.split("=", 1)[1] if argument.startswith("--taal=") else (argv[index + 1] if argument == "--taal" and index + 1 < len(argv) else None)
        if value in available_languages():
            return Language(value)
    return None


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")  # a name that is not valid UTF-8 must not stop a message
    arguments = sys.argv[1:] if argv is None else argv
    asked = command_language(arguments)
    t = translations(asked or Language.DUTCH)
    command = None
    try:
        args = _parser(t).parse_args(arguments)
        command = args.command
        if asked is None and args.command not in ("init", "cache"):
            # No --taal: the messages follow the site's language, `site.taal`, when the settings say one.
            t = translations(settings_language(args.data) or Language.DUTCH)
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
        if args.command == "check":
            return _check(args, t)
        if args.command == "build":
            return _build(args, t)
        if args.command == "init":
            return _init(args, t)
        if args.command == "cache":
            return _cache(args, t)
        return _serve(args, t)
    except InputError as error:
        print(_input_report(error, t), file=sys.stderr)
        return EXIT_PROBLEM
    except NetwerkspiegelError as error:
        print(error.message(t), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        # Everything written so far was cleaned up while the interrupt passed through the stages.
        # Exit at once: libraries with handlers of their own (the Vega runtime) must not turn the
        # rest of the shutdown into a second interrupt and a different exit code.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print(t.gettext("Afgebroken (Ctrl+C). Wat init deze keer schreef, is weer weggehaald.") if command == "init"
              else t.gettext("Afgebroken (Ctrl+C). De vorige site is niet veranderd."), file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(EXIT_INTERRUPTED)


def run() -> None:
    """The console command: `main`, then exit with its code. Once the work is done a late Ctrl+C
    (while Python shuts down) no longer changes the outcome.

    A reader that goes away (`netwerkspiegel check | head -1`) stops nothing: what is still printed
    is dropped, the work (a build) goes on to its end, and the exit code is the work's own (0 when
    it succeeded): no message, no traceback (`generator.core.streams`)."""
    with reader_may_leave():
        try:
            code = main()
        except SystemExit as stop:  # argparse after --help, --version or a wrong option
            if isinstance(stop.code, str):
                print(stop.code, file=sys.stderr)
            code = stop.code if isinstance(stop.code, int) else (EXIT_OK if stop.code is None else EXIT_PROBLEM)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # Exit without tearing the interpreter down object by object: after a build of 200 networks
        # that takes about 0.3 s, as long as a rebuild's own work (mypy exits the same way). Every
        # file was closed by the stages themselves; only the output streams still need flushing.
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed stream
                stream.flush()
        failed = failed_streams()
        if failed:  # a full disk under `> file`: said in one line (on stderr, if that can still be written), exit 1
            name, error = failed[0]
            said = Message("Netwerkspiegel kon niet alles schrijven naar %(stream)s: %(reason)s.", stream=name, reason=os_reason(error)).render(DUTCH)
            with contextlib.suppress(OSError, ValueError):
                os.write(2, (said + "\n").encode("utf-8"))
            code = code or EXIT_PROBLEM
    os._exit(code)


def _input_report(error: InputError, t: Translations) -> str:
    """Every problem when there are few; a summary per kind and the full list in a file when many."""
    report = error.report
    if len(report.problems) <= FULL_LIST_LIMIT:
        return report.format(t)
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="netwerkspiegel-problemen-", suffix=".txt", delete=False) as handle:
            handle.write(report.format(t) + "\n")
            path = handle.name
    except OSError:
        path = None
    return report.summary(path, t)


def _print_warnings(warnings: Sequence[Problem], t: Translations, to_stdout: bool = False) -> None:
    """'Let op': on stderr beside a build's progress; for `check` on stdout, where its verdict
    points to it ("zie 'Let op'"), so that `check > rapport.txt` holds all of it."""
    stream = sys.stdout if to_stdout else sys.stderr
    if warnings:
        print(t.gettext("Let op (%(count)s):") % {"count": len(warnings)}, file=stream)
        for warning in warnings:
            print(f"- {warning.format(t)}", file=stream)


def _site_language(args: argparse.Namespace) -> Language | None:
    asked = args.taal or args.language_before_command
    return Language(asked) if asked else None


def _progress(t: Translations) -> Progress:
    """The progress of long steps, on stderr: a bar in a terminal, a line every 5 s in a CI log."""
    return Progress(sys.stderr, t)


def _check(args: argparse.Namespace, t: Translations) -> int:
    from generator.analyse.report import public_changes, public_texts, summary
    from generator.core.name_removal import NameRemoval
    from generator.pipeline import check

    # Everything is looked at before anything is said: one verdict, on the first line (or, when
    # something would stop a build, the problem report alone, exit 1).
    progress = _progress(t)
    store = Store.default()
    audience = AUDIENCES[args.audience]
    removal = NameRemoval(store, progress) if audience == Audience.PUBLIC else None
    found: dict[str, str] = {}

    def names(texts: Sequence[str]) -> list[str]:  # Deduce once, for the site's texts and the list of changes
        assert removal is not None
        missing = sorted(set(texts) - found.keys())
        found.update(zip(missing, removal(missing) if missing else [], strict=True))
        return [found[text] for text in texts]

    texts = changes = None
    try:
        dataset = check(args.data, audience, language=_site_language(args), store=store, progress=progress, names=removal)
        if removal is not None:
            from dataclasses import replace

            from generator.analyse.audience import clean_public_texts, for_audience, public_texts_of
            from generator.core.identity import Redactor

            framework = dataset.framework.in_language(t.language)
            whole = dataset.with_scores_of(dataset.absent)  # as read, whether a table was taken over or not
            texts = public_texts(for_audience(replace(whole, framework=framework), Audience.PUBLIC, names, translations=t), t)
            redactor = (whole.redactor or Redactor(whole.identities)).keeping(whole.settings.public_keep)
            changes = public_changes(clean_public_texts(public_texts_of(whole), redactor, names, review=True), whole.settings.public_keep, t)
    finally:
        if removal is not None:
            removal.close()
    print(summary(dataset, t))
    if texts is not None:
        print()
        print(texts)
        print()
        print(changes)
    if dataset.warnings:
        print()
    _print_warnings(dataset.warnings, t, to_stdout=True)
    return EXIT_OK


def _build(args: argparse.Namespace, t: Translations) -> int:
    from generator.pipeline import build


    result = build(args.data, args.src, args.out, AUDIENCES[args.audience], site_url=args.site_url, offline=args.offline, zip_file=args.zip,
                   language=_site_language(args), static_charts=args.svg, reports=not args.no_pdf, store=Store(None) if args.no_cache else None,
                   progress=_progress(t))
    _print_warnings(result.warnings, t)
    written = result.written
    timing = ", ".join(t.gettext("%(stage)s %(seconds)s s") % {"stage": t.gettext(stage), "seconds": f"{seconds:.1f}"} for stage, seconds in result.seconds.items())
    print(t.gettext(
        "Site gebouwd voor publiek '%(audience)s': %(pages)s pagina's in %(out)s/ (Markdown in %(src)s/: %(written)s bestanden geschreven, "
        "%(unchanged)s ongewijzigd, %(removed)s verwijderd). Tijd: %(timing)s."
    ) % {"audience": args.audience, "pages": result.pages, "out": args.out, "src": args.src, "written": len(written.written),
         "unchanged": written.unchanged, "removed": len(written.removed), "timing": timing})
    if result.reused_pages:
        print(t.gettext("Alleen wat veranderde is opnieuw gebouwd: de HTML van %(reused)s van de %(pages)s pagina's komt ongewijzigd uit de vorige site.")
              % {"reused": result.reused_pages, "pages": result.pages})
    if result.networks_taken_over:
        print(t.gettext("Van %(taken)s van de %(networks)s netwerken met scores kwamen de cijfers uit de vorige build: hun scorebestanden bleven gelijk.")
              % {"taken": result.networks_taken_over, "networks": result.networks_with_scores})
    if args.zip:
        print(t.gettext("Open de site van schijf met %(out)s/index.html; de zip staat in %(zip)s.") % {"out": args.out, "zip": args.zip})
    elif args.offline:
        print(t.gettext("Open de site van schijf met %(out)s/index.html.") % {"out": args.out})
    return EXIT_OK


# What each part of the cache holds, as `cache` lists it.
_NAMESPACE_TEXTS = {
    "exports": N_("wat uit elke export gelezen is"),
    "tabellen": N_("wat een volgende build van elke scoretabel nodig heeft"),
    "netwerken": N_("de cijfers van elk netwerk"),
    "svg": N_("vaste afbeeldingen van grafieken (--svg)"),
    "rapporten": N_("de PDF-rapporten"),
    "teksten": N_("de publieke teksten zonder namen"),
    "grafiekvormen": N_("de vormen van de grafieken"),
    "jinja": N_("gecompileerde paginasjablonen"),
    "vega": N_("de Vega-bibliotheken voor de site"),
    "deduce": N_("de namenlijsten van Deduce"),
}


def _megabytes(size: int, t: Translations) -> str:
    return t.number(size / 1_000_000, 1) + " MB"


def _cache(args: argparse.Namespace, t: Translations) -> int:

    _ = t.gettext
    store = Store.default()
    folder = store.folder or Path()
    if args.clear:
        cleared = store.clear()
        if cleared.foreign or cleared.failed:
            print(_("De cache in %(folder)s is leeggemaakt (%(size)s): alleen wat Netwerkspiegel daar zelf schreef is verwijderd, "
                    "wat hieronder staat bleef staan. De volgende build maakt alles opnieuw.")
                  % {"folder": store.folder, "size": _megabytes(cleared.freed, t)})
        else:
            print(_("De cache in %(folder)s is leeggemaakt (%(size)s): alleen wat Netwerkspiegel daar zelf schreef is verwijderd. "
                    "De volgende build maakt alles opnieuw.")
                  % {"folder": store.folder, "size": _megabytes(cleared.freed, t)})
        _print_paths(cleared.foreign, folder, t.ngettext(
            "Niet herkend als door Netwerkspiegel gemaakt (of een koppeling), dus niet aangeraakt (%(count)s):",
            "Niet herkend als door Netwerkspiegel gemaakt (of een koppeling), dus niet aangeraakt (%(count)s):", len(cleared.foreign)), t)
        _print_paths(cleared.failed, folder, t.ngettext("Kon niet worden verwijderd (%(count)s):", "Konden niet worden verwijderd (%(count)s):", len(cleared.failed)), t)
        return EXIT_OK
    usage = store.usage()
    print(_("De cache van Netwerkspiegel staat in %(folder)s:") % {"folder": store.folder})
    for part in usage:
        print("- " + _("%(name)s (%(what)s): %(entries)s, %(size)s") % {
            "name": part.namespace, "what": _(_NAMESPACE_TEXTS[part.namespace]),
            "entries": t.ngettext("%(count)s item", "%(count)s items", part.entries) % {"count": t.whole(part.entries)}, "size": _megabytes(part.size, t)})
    print(_("Samen %(size)s. Wat 30 dagen door geen build gebruikt is, verdwijnt vanzelf; 'netwerkspiegel cache --leegmaken' maakt hem nu leeg.")
          % {"size": _megabytes(sum(part.size for part in usage), t)})
    foreign = tuple(path for part in usage for path in part.foreign)
    _print_paths(foreign, folder, t.ngettext(
        "Niet herkend als door Netwerkspiegel gemaakt, of een koppeling (niet meegeteld; --leegmaken laat het staan) (%(count)s):",
        "Niet herkend als door Netwerkspiegel gemaakt, of een koppeling (niet meegeteld; --leegmaken laat ze staan) (%(count)s):", len(foreign)), t)
    return EXIT_OK


_PATHS_SHOWN = 20


def _print_paths(paths: Sequence[Path], folder: Path, heading: str, t: Translations) -> None:
    """A heading and the paths (relative to `folder`), the first `_PATHS_SHOWN` of them."""
    if not paths:
        return
    print(heading % {"count": t.whole(len(paths))})
    for path in paths[:_PATHS_SHOWN]:
        shown = path.relative_to(folder).as_posix() if path.is_relative_to(folder) and path != folder else str(path)
        print(f"- {shown}")
    if len(paths) > _PATHS_SHOWN:
        print("- " + t.gettext("en %(count)s meer") % {"count": t.whole(len(paths) - _PATHS_SHOWN)})


def _init(args: argparse.Namespace, t: Translations) -> int:
    from generator.project import init_project

    _ = t.gettext
    result = init_project(args.map, install_source())
    where = args.map
    if result.created:
        print(_("Nieuw project in %(folder)s/:") % {"folder": where})
        print("".join(f"- {name}\n" for name in result.created), end="")
    if result.skipped:
        print(_("Al aanwezig, niet veranderd (%(count)s):") % {"count": len(result.skipped)})
        print("".join(f"- {name}\n" for name in result.skipped), end="")
    if "requirements.txt" in result.created and result.source.requirement is None:
        print(_("Let op: deze Netwerkspiegel komt uit %(location)s; die bron kan requirements.txt niet voor een CI vastleggen. "
                "Zet in requirements.txt waar de CI hem vandaan haalt; de uitleg staat erin.")
              % {"location": result.source.location or (_("een broncodemap") if result.source.kind == SourceKind.CHECKOUT else _("een onbekende bron"))})
    print(_("Lees %(folder)s/README.md. Vul de werkmappen in data/ in of zet er exports naast, en draai daarna "
            "'netwerkspiegel check' en 'netwerkspiegel build' in %(folder)s/.") % {"folder": where})
    return EXIT_OK


def _serve(args: argparse.Namespace, t: Translations) -> int:
    from generator.serve import serve

    serve(args.data, args.src, args.out, AUDIENCES[args.audience], args.port, language=_site_language(args), texts=t)
    return EXIT_OK
