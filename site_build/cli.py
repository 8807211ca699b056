"""CLI: the ``p2g`` command (validate, build, serve, schema), with Dutch messages and exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from site_build.core.problems import ContentError, UserError
from site_build.core.target import PUBLIC, TRAINER
from site_build.system import check as check_system


def _root(args: argparse.Namespace) -> Path:
    return Path(args.map).resolve()


def _report(error: ContentError, github: bool = False) -> int:
    for problem in error.problems:
        print(problem, file=sys.stderr)
        if github:
            # GitHub Actions turns these lines into annotations on the file and line of the change.
            message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            # a property value (the file name) also ends at ',' and ':'
            path = (problem.path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
                    .replace(":", "%3A").replace(",", "%2C"))
            print(f"::error file={path},line={problem.line},col={problem.col}::{message}")
    n = len(error.problems)
    print(f"\n{n} {'probleem' if n == 1 else 'problemen'} gevonden. Los {'het' if n == 1 else 'ze'} op en "
          f"probeer het opnieuw; er is niets gebouwd of overschreven.", file=sys.stderr)
    return 1


def cmd_validate(args: argparse.Namespace) -> int:
    from site_build.content.validate import load_content

    content = load_content(_root(args))
    print(f"Alles in orde: {len(content.vaardigheden)} vaardigheden, {len(content.donts)} don'ts, "
          f"{len(content.contexten)} contexten, {len(content.instrumenten)} instrumenten, "
          f"{sum(1 for _ in content.bijeenkomsten())} bijeenkomsten, {len(content.woorden.woorden)} relatiewoorden.")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from site_build.content.schema import write_all

    for path in write_all(_root(args)):
        print(f"geschreven: {path.relative_to(_root(args))}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    check_system()  # before anything imports WeasyPrint: a missing library is one Dutch line, not a traceback
    from site_build.build import build

    result = build(_root(args), TRAINER if args.trainer else PUBLIC, force=args.opnieuw)
    print(result)
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    check_system()
    from site_build.content.validate import load_content
    from site_build.printing.pipeline import PrintBuild

    root = _root(args)
    content = load_content(root)
    known = {i.id for i in content.instrumenten}
    unknown = [i for i in args.ids if i not in known]
    if unknown:
        from site_build.core.problems import did_you_mean

        for i in unknown:
            print(f"instrument '{i}' bestaat niet{did_you_mean(i, known)}", file=sys.stderr)
        return 1
    from site_build.cli_checks import output_folder

    out = output_folder(args.uit, root)
    build = PrintBuild(content, root / "build" / "pdf-cache")
    downloads = build.run_forms(out, args.ids or sorted(known))
    for d in downloads:
        print(f"{out / d.name}  ({d.pages} p., {max(1, round(d.size / 1024))} kB)")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Checks first (a project, valid content, a valid name), then writes atomically, then validates again:
    when the new entry would make the content invalid, it is taken out again. Never a broken or misplaced entry."""
    import re

    from site_build.authoring import scaffold
    from site_build.cli_checks import project
    from site_build.content.kinds import scaffold_name
    from site_build.content.validate import load_content

    root = project(_root(args))
    kind = scaffold_name(args.soort)
    waarde = args.waarde or "neutraal"
    if kind == "woord" and waarde not in ("positief", "negatief", "neutraal"):
        print("--waarde moet positief, negatief of neutraal zijn; er is niets toegevoegd", file=sys.stderr)
        return 1
    if kind != "woord" and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", args.naam):
        print(f"'{args.naam}' is geen geldige korte naam: gebruik kleine letters, cijfers en streepjes, "
              f"zonder spaties (bijvoorbeeld 'samen-lachen'); er is niets toegevoegd", file=sys.stderr)
        return 1
    try:
        load_content(root)
    except ContentError as error:
        print("De inhoud is nu al niet geldig; los eerst deze problemen op (er is niets toegevoegd):", file=sys.stderr)
        return _report(error)
    word_file = root / scaffold.WORD_FILE
    before = word_file.read_bytes() if kind == "woord" else None
    try:
        if kind == "woord":
            path = scaffold.new_word(root, args.naam, waarde, args.uitleg)
        else:
            path = scaffold.new_file(root, kind, args.naam, args.titel or "")
    except FileExistsError as exc:
        print(f"{exc} bestaat al; kies een andere naam (er is niets overschreven)" if kind != "woord"
              else f"{exc}; er is niets toegevoegd", file=sys.stderr)
        return 1
    try:
        load_content(root)
    except ContentError as error:
        if before is not None:
            scaffold.write_atomic(word_file, before.decode("utf-8"))
        else:
            path.unlink(missing_ok=True)
        print("Met de nieuwe invoer zou de inhoud niet geldig zijn; er is niets toegevoegd:", file=sys.stderr)
        return _report(error)
    print(f"toegevoegd aan {path.relative_to(root)}: '{args.naam}' ({waarde})" if kind == "woord"
          else f"geschreven: {path.relative_to(root)}")
    print("De inhoud is nog steeds geldig. Vul de teksten in en controleer met: p2g validate")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    check_system()

    from site_build.authoring.plan import load_holidays
    from site_build.cli_checks import output_folder, start_date
    from site_build.content.validate import load_content
    from site_build.printing.year_plan import write_plan

    start = start_date(args.start)
    root = _root(args)
    out = output_folder(args.uit, root)
    holidays = []
    if args.vakanties:
        path = Path(args.vakanties)
        if not path.exists() and not path.is_symlink():
            print(f"het vakantiebestand '{args.vakanties}' bestaat niet; zie voorbeelden/vakanties.yml", file=sys.stderr)
            return 1
        holidays = load_holidays(path)
    for path in write_plan(load_content(root), start, holidays, out):
        print(f"geschreven: {path}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    check_system()
    import logging

    from site_build.build import serve

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    from site_build.cli_checks import port_free

    port_free(args.port)
    serve(_root(args), port=args.port)
    return 0


def make_parser() -> argparse.ArgumentParser:
    """The commands and their options: the README's command list is checked against this (tests/test_contracts.py)."""
    from site_build.cli_checks import port
    from site_build.content.kinds import scaffold_kinds

    parser = argparse.ArgumentParser(prog="p2g", description="Playing-2-gether: site en formulieren uit YAML.")
    parser.add_argument("--map", default=".", help="map van het project (standaard: de huidige map)")
    sub = parser.add_subparsers(dest="command", metavar="opdracht")
    p_validate = sub.add_parser("validate", help="controleer alle inhoud en meld alle problemen")
    p_validate.add_argument("--github", action="store_true",
                            help="meld problemen ook als GitHub-annotaties (::error file=...,line=...::...)")
    p_validate.set_defaults(func=cmd_validate)
    p_build = sub.add_parser("build", help="controleer en bouw de site in site/")
    p_build.add_argument("--opnieuw", action="store_true", help="bouw alles opnieuw, ook als er niets veranderd is")
    p_build.add_argument("--trainer", action="store_true",
                         help="bouw de trainerseditie (met aanwijzingen voor begeleiders en draaiboeken) in site-trainer/")
    p_build.set_defaults(func=cmd_build)
    p_serve = sub.add_parser("serve", help="bekijk de site op http://127.0.0.1:8000 terwijl je werkt")
    p_serve.add_argument("--port", type=port, default=8000, help="poort (standaard 8000)")
    p_serve.set_defaults(func=cmd_serve)
    p_pdf = sub.add_parser("pdf", help="maak de PDF's van gekozen instrumenten (of van alle) in een map")
    p_pdf.add_argument("ids", nargs="*", metavar="ID", help="id van een instrument, bijvoorbeeld reflectie-interview-start")
    p_pdf.add_argument("--uit", default="pdf", help="map voor de PDF's (standaard: pdf/)")
    p_pdf.set_defaults(func=cmd_pdf)
    p_new = sub.add_parser("new", help="maak een nieuw bestand met uitleg bij elk veld")
    p_new.add_argument("soort", choices=list(scaffold_kinds()),
                       help="wat je toevoegt")
    p_new.add_argument("naam", help="korte naam (id), bijvoorbeeld samen-lachen; bij een woord: het woord zelf")
    p_new.add_argument("--titel", help="naam of titel die op de site komt")
    p_new.add_argument("--waarde", help="bij een woord: positief, negatief of neutraal")
    p_new.add_argument("--uitleg", help="bij een woord: korte uitleg")
    p_new.set_defaults(func=cmd_new)
    p_plan = sub.add_parser("plan", help="maak een jaarplanning (PDF en agenda-bestand .ics) voor twee cycli")
    p_plan.add_argument("--start", required=True, help="datum van de eerste bijeenkomst, bijvoorbeeld 2027-09-06")
    p_plan.add_argument("--vakanties", help="YAML-bestand met schoolvakanties (zie voorbeelden/vakanties.yml)")
    p_plan.add_argument("--uit", default="planning", help="map voor de planning (standaard: planning/)")
    p_plan.set_defaults(func=cmd_plan)
    sub.add_parser("schema", help="maak schema/ en de pagina 'Velden' opnieuw uit de modellen").set_defaults(func=cmd_schema)
    return parser


# A build makes hundreds of thousands of objects that live until it ends (the content, the pages, the layouts); with
# Python's default thresholds the collector scans them again and again. Collecting less often took 4 % off the CPU
# seconds of a cold build and 5 % off an edit (issue 13, 2 cores, paired runs); the workers, forked, inherit it.
GC_THRESHOLDS = (20000, 50, 1000)


def main(argv: list[str] | None = None) -> int:
    import gc

    from site_build.cli_checks import dutch_argparse, os_error

    gc.set_threshold(*GC_THRESHOLDS)
    dutch_argparse()
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except ContentError as error:
        return _report(error, github=getattr(args, "github", False))
    except UserError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # a full disk, no permission: a plain sentence, never a traceback
        print(os_error(error), file=sys.stderr)
        return 1
    except Exception as error:  # a failed PDF or template: a plain message, never a traceback
        import jinja2

        from site_build.printing.engine import PrintError

        if isinstance(error, PrintError):
            print(f"Fout bij het maken van een PDF: {error}\nEr is niets overschreven.", file=sys.stderr)
            return 1
        if isinstance(error, jinja2.TemplateError):
            where = f"{getattr(error, 'filename', None) or 'sjabloon'}:{getattr(error, 'lineno', None) or 1}"
            print(f"{where}: fout in een sjabloon (macros/): {error.message}\nEr is niets overschreven.", file=sys.stderr)
            return 1
        raise


if __name__ == "__main__":
    sys.exit(main())
