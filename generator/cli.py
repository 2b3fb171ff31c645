"""The `netwerkspiegel` command: a thin shell over `generator.pipeline`.

The library raises a few exception types (`generator.errors`); here they become Dutch messages on
stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.audience import AUDIENCES, INTERNAL
from generator.errors import NetwerkspiegelError
from generator.settings import settings_help

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netwerkspiegel",
        description="Maakt van de monitoringsgegevens van leernetwerken een evaluatiesite.",
        epilog=settings_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="opdracht", required=True)

    def common(sub: argparse.ArgumentParser, with_output: bool = True) -> None:
        sub.add_argument("--data", type=Path, default=Path("data"), help="map met de exports (standaard: data/)")
        if with_output:
            sub.add_argument("--src", type=Path, default=Path("site_src"), help="map waarin de Markdown komt (standaard: site_src/)")
            sub.add_argument("--out", type=Path, default=Path("site"), help="map waarin de HTML komt (standaard: site/)")
            sub.add_argument("--audience", "--publiek", choices=AUDIENCES, default=INTERNAL, help="voor wie de site is (standaard: intern)")
            sub.add_argument("--site-url", default=None, help="adres van de site; overschrijft site.url uit netwerkspiegel.toml")

    common(commands.add_parser("build", help="controleer de gegevens en bouw de site"))
    common(commands.add_parser("check", help="controleer alleen de gegevens en vat samen wat er gelezen is"), with_output=False)
    serve = commands.add_parser("serve", help="bouw de site, toon hem op 127.0.0.1 en bouw opnieuw bij wijzigingen")
    common(serve)
    serve.add_argument("--port", type=int, default=8000, help="poort (standaard: 8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "build":
            return _build(args)
        return _serve(args)
    except NetwerkspiegelError as error:
        print(error.message(), file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return EXIT_PROBLEM


def _print_warnings(warnings) -> None:
    if warnings:
        print(f"Let op ({len(warnings)}):", file=sys.stderr)
        for warning in warnings:
            print(f"- {warning.format()}", file=sys.stderr)


def _check(args) -> int:
    from generator.pipeline import read_data
    from generator.report import summary

    dataset = read_data(args.data)
    print(summary(dataset))
    _print_warnings(dataset.warnings)
    return EXIT_OK


def _build(args) -> int:
    from generator.pipeline import build

    result = build(args.data, args.src, args.out, args.audience, site_url=args.site_url)
    _print_warnings(result.warnings)
    pages = result.pages
    written = result.written
    timing = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in result.seconds.items())
    print(
        f"Site gebouwd voor publiek '{args.audience}': {pages} pagina's in {args.out}/ "
        f"(Markdown in {args.src}/: {len(written.written)} bestanden geschreven, {written.unchanged} ongewijzigd, "
        f"{len(written.removed)} verwijderd). Tijd: {timing}."
    )
    return EXIT_OK


def _serve(args) -> int:
    from generator.serve import serve

    serve(args.data, args.src, args.out, args.audience, args.port)
    return EXIT_OK
