"""The `netwerkspiegel` command: a thin shell over `generator.pipeline`.

The library raises a few exception types (`generator.core.errors`); here they become Dutch messages on
stderr and exit codes, never a traceback: 1 for problems in the input or the build, 2 for a folder
or option that cannot be used (nothing touched), 130 for Ctrl+C.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.core.errors import FULL_LIST_LIMIT, InputError, NetwerkspiegelError, Problem
from generator.core.settings import settings_help
from generator.core.vocabulary import Audience, word

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

# argparse speaks English; what it says to a coach, said in Dutch.
_ARGPARSE_DUTCH = (
    (re.compile(r"argument opdracht: invalid choice: (.*) \(choose from (.*)\)"), r"onbekende opdracht \1 (kies uit \2)"),
    (re.compile(r"the following arguments are required: (.*)"), r"deze gegevens ontbreken: \1"),
    (re.compile(r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)"), r"optie \1: ongeldige keuze \2 (kies uit \3)"),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), r"optie \1: \2 is geen geheel getal"),
    (re.compile(r"argument (\S+): expected one argument"), r"optie \1 verwacht een waarde"),
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekende opties: \1"),
    (re.compile(r"invalid choice: (.*) \(choose from (.*)\)"), r"onbekende opdracht \1 (kies uit \2)"),
)


class _DutchParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, dutch in _ARGPARSE_DUTCH:
            if pattern.search(message):
                message = pattern.sub(dutch, message)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: fout: {message}\n")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:", 1)

    def format_help(self) -> str:
        text = super().format_help().replace("usage:", "gebruik:", 1)
        return text.replace("\noptions:\n", "\nopties:\n").replace("show this help message and exit", "toon deze hulp en stop")


def installed_version() -> str:
    """The version of the installed package (the checkout's own when run from it)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("netwerkspiegel")
    except PackageNotFoundError:
        from generator import __version__

        return __version__


# The audiences as the command line names them (Dutch words), for the library's members.
AUDIENCES = {word(audience): audience for audience in Audience}


def _parser() -> argparse.ArgumentParser:
    parser = _DutchParser(
        prog="netwerkspiegel",
        description="Maakt van de monitoringsgegevens van leernetwerken een evaluatiesite.",
        epilog=settings_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"netwerkspiegel {installed_version()}", help="toon de versie en stop")
    commands = parser.add_subparsers(dest="command", metavar="opdracht", required=True, parser_class=_DutchParser)

    def common(sub: argparse.ArgumentParser, with_output: bool = True) -> None:
        sub.add_argument("--data", type=Path, default=Path("data"), help="map met de exports (standaard: data/)")
        if with_output:
            sub.add_argument("--src", type=Path, default=Path("site_src"), help="map waarin de Markdown komt (standaard: site_src/)")
            sub.add_argument("--out", type=Path, default=Path("site"), help="map waarin de HTML komt (standaard: site/)")
            sub.add_argument("--audience", "--publiek", choices=list(AUDIENCES), default=word(Audience.INTERNAL), help="voor wie de site is (standaard: intern)")
            sub.add_argument("--site-url", default=None, help="adres van de site; overschrijft site.url uit netwerkspiegel.toml")

    build = commands.add_parser("build", help="controleer de gegevens en bouw de site")
    common(build)
    build.add_argument("--offline", action="store_true",
                       help="een site die ook werkt als je hem van schijf opent (een gedeelde map of zip), zonder webserver")
    build.add_argument("--zip", type=Path, default=None, metavar="BESTAND",
                       help="schrijf de site (offline) ook als één zip-bestand, om te delen via Teams, SharePoint of e-mail")
    check = commands.add_parser("check", help="controleer alleen de gegevens en vat samen wat er gelezen is")
    common(check, with_output=False)
    check.add_argument("--audience", "--publiek", choices=list(AUDIENCES), default=word(Audience.INTERNAL),
                       help="met 'publiek': toon ook elke tekst die de publieke site laat zien, na het weglaten van namen")
    init = commands.add_parser("init", help="maak een nieuw monitoringproject: werkmappen, instellingen, uitleg en CI")
    init.add_argument("map", nargs="?", type=Path, default=Path("."), help="de map van het project (standaard: de huidige map)")
    serve = commands.add_parser("serve", help="bouw de site, toon hem op 127.0.0.1 en bouw opnieuw bij wijzigingen")
    common(serve)
    serve.add_argument("--port", type=int, default=8000, help="poort (standaard: 8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")  # a name that is not valid UTF-8 must not stop a message
    try:
        args = _parser().parse_args(argv)
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
        if args.command == "check":
            return _check(args)
        if args.command == "build":
            return _build(args)
        if args.command == "init":
            return _init(args)
        return _serve(args)
    except InputError as error:
        print(_input_report(error), file=sys.stderr)
        return EXIT_PROBLEM
    except NetwerkspiegelError as error:
        print(error.message(), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        # Everything written so far was cleaned up while the interrupt passed through the stages.
        # Exit at once: libraries with handlers of their own (the Vega runtime) must not turn the
        # rest of the shutdown into a second interrupt and a different exit code.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("Afgebroken (Ctrl+C). De vorige site is niet veranderd.", file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(EXIT_INTERRUPTED)


def run() -> None:
    """The console command: `main`, then exit with its code. Once the work is done a late Ctrl+C
    (while Python shuts down) no longer changes the outcome."""
    code = main()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.exit(code)


def _input_report(error: InputError) -> str:
    """Every problem when there are few; a summary per kind and the full list in a file when many."""
    report = error.report
    if len(report.problems) <= FULL_LIST_LIMIT:
        return report.format()
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="netwerkspiegel-problemen-", suffix=".txt", delete=False) as handle:
            handle.write(report.format() + "\n")
            path = handle.name
    except OSError:
        path = None
    return report.summary(path)


def _print_warnings(warnings: Sequence[Problem]) -> None:
    if warnings:
        print(f"Let op ({len(warnings)}):", file=sys.stderr)
        for warning in warnings:
            print(f"- {warning.format()}", file=sys.stderr)


def _check(args: argparse.Namespace) -> int:
    from generator.analyse.report import public_texts, summary
    from generator.pipeline import read_data

    dataset = read_data(args.data)
    print(summary(dataset))
    if AUDIENCES[args.audience] == Audience.PUBLIC:
        from generator.analyse.audience import for_audience

        print()
        print(public_texts(for_audience(dataset, Audience.PUBLIC)))
    _print_warnings(dataset.warnings)
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from generator.pipeline import build

    result = build(args.data, args.src, args.out, AUDIENCES[args.audience], site_url=args.site_url, offline=args.offline, zip_file=args.zip)
    _print_warnings(result.warnings)
    pages = result.pages
    written = result.written
    timing = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in result.seconds.items())
    print(
        f"Site gebouwd voor publiek '{args.audience}': {pages} pagina's in {args.out}/ "
        f"(Markdown in {args.src}/: {len(written.written)} bestanden geschreven, {written.unchanged} ongewijzigd, "
        f"{len(written.removed)} verwijderd). Tijd: {timing}."
    )
    if args.offline or args.zip:
        print(f"Open de site van schijf met {args.out}/index.html" + (f"; de zip staat in {args.zip}." if args.zip else "."))
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from generator.project import init_project

    result = init_project(args.map, installed_version())
    where = args.map
    if result.created:
        print(f"Nieuw project in {where}/:")
        print("".join(f"- {name}\n" for name in result.created), end="")
    if result.skipped:
        print(f"Al aanwezig, niet veranderd ({len(result.skipped)}):")
        print("".join(f"- {name}\n" for name in result.skipped), end="")
    print(f"Lees {where}/README.md. Vul de werkmappen in data/ in of zet er exports naast, en draai daarna "
          f"'netwerkspiegel check' en 'netwerkspiegel build' in {where}/.")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    serve(args.data, args.src, args.out, AUDIENCES[args.audience], args.port)
    return EXIT_OK
