"""Regenerate or check the window's translations.

    python tools/translations.py update    # lupdate the .ts files from the sources, lrelease them to .qm
    python tools/translations.py check     # exit 1 when a .ts or .qm is stale, unfinished or has leftovers
    python tools/translations.py import ko FILE.json...   # put translations into the .ts, then update
    python tools/translations.py missing FILE.py... --json FILE.json...   # texts of FILE.py not yet translated

`update` runs `pyside6-lupdate` over every Python file of desktop_app (the window's `tr()`/`translate()`
calls and the core's `QT_TRANSLATE_NOOP` marks) into `desktop_app/gui/i18n/digit_lab_<code>.ts`, dropping
texts the code no longer has, then `pyside6-lrelease` into the `.qm` files the application loads. New
texts arrive unfinished: translate them (Qt Linguist, or the file by hand) and run `update` again.

`check` does the same into a temporary folder and compares: it fails when the code has a text the .ts
lacks, the .ts keeps a text the code dropped, a translation is unfinished or empty, a translation does not
keep its source's {placeholders}, or the committed .qm is not what lrelease makes of the .ts.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop_app"
TRANSLATIONS = SOURCES / "gui" / "i18n"
LANGUAGES = ("ko", "en")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")
# English is the source language: its file holds only the plural texts ("%n image(s)"), each with its
# singular and plural form, which `update` writes itself from the "(s)"/"(es)" in the source.
PLURALS_ONLY = {"en"}
ENGLISH_PLURAL = re.compile(r"\((e?s)\)")


def qt_tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        sys.exit(f"translations: {name} not found (it comes with PySide6)")
    return found


def source_files() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in SOURCES.rglob("*.py"))


def ts_file(code: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"digit_lab_{code}.ts"


def language_of(ts: Path) -> str:
    return ts.stem.split("_")[-1]


def run_lupdate(ts: Path) -> None:
    code = language_of(ts)
    subprocess.run([qt_tool("pyside6-lupdate"), *source_files(), "-locations", "none", "-no-obsolete",
                    *(["-pluralonly"] if code in PLURALS_ONLY else []),
                    "-source-language", "en", "-target-language", code, "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True, text=True)


def english_forms(source: str) -> list[str]:
    """["%n image", "%n images"] for "%n image(s)"."""
    return [ENGLISH_PLURAL.sub("", source), ENGLISH_PLURAL.sub(r"\1", source)]


def fill_english_plurals(ts: Path) -> None:
    """Write the singular and plural forms of every English plural text that has none yet."""
    tree = ElementTree.parse(ts)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type")
        for form in english_forms(message.findtext("source", "")):
            ElementTree.SubElement(translation, "numerusform").text = form
        changed = True
    if changed:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        run_lupdate(ts)  # back to lupdate's own layout


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True,
                   text=True)


def messages(ts: Path) -> dict[tuple[str, str], ElementTree.Element]:
    """(context, source) → its <message> element."""
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def translations_of(message: ElementTree.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def problems(code: str) -> list[str]:
    """What is stale or unfinished in the language's .ts and .qm; empty when all is well."""
    committed = ts_file(code)
    if not committed.exists():
        return [f"{committed.relative_to(ROOT)} is missing: run python tools/translations.py update"]
    found: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / committed.name
        shutil.copyfile(committed, fresh)
        run_lupdate(fresh)
        ours, theirs = messages(committed), messages(fresh)
        for context, source in sorted(theirs.keys() - ours.keys()):
            found.append(f"new text not in {committed.name}: [{context}] {source!r}")
        for context, source in sorted(ours.keys() - theirs.keys()):
            found.append(f"{committed.name} keeps a text the code no longer has: [{context}] {source!r}")
        for (context, source), message in sorted(ours.items()):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            texts = translations_of(message)
            if kind in ("unfinished", "missing", "obsolete", "vanished") or not texts or not all(texts):
                found.append(f"not translated ({kind or 'empty'}): [{context}] {source!r}")
                continue
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            for text in texts:
                if sorted(set(PLACEHOLDER.findall(text))) != wanted:
                    found.append(f"placeholders differ: [{context}] {source!r} → {text!r}")
        qm = committed.with_suffix(".qm")
        compiled = Path(folder) / qm.name
        run_lrelease(committed, compiled)
        if not qm.exists() or qm.read_bytes() != compiled.read_bytes():
            found.append(f"{qm.relative_to(ROOT)} is not compiled from {committed.name}: run "
                         "python tools/translations.py update")
    return found


def update() -> None:
    for code in LANGUAGES:
        ts = ts_file(code)
        run_lupdate(ts)
        if code in PLURALS_ONLY:
            fill_english_plurals(ts)
        run_lrelease(ts, ts.with_suffix(".qm"))
        unfinished = [key for key, message in messages(ts).items()
                      if (message.find("translation") is None
                          or message.find("translation").get("type") == "unfinished")]
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} texts, {len(unfinished)} unfinished")


def read_json_translations(paths: list[str]) -> dict[tuple[str, str], str]:
    """(context, source) → translation, from files holding [{"context", "source", "translation"}, …]."""
    found = {}
    for path in paths:
        for entry in json.loads(Path(path).read_text(encoding="utf-8")):
            found[(entry["context"], entry["source"])] = entry["translation"]
    return found


def import_translations(code: str, paths: list[str]) -> int:
    """Fill the .ts of `code` with the translations in `paths`; the number of texts filled."""
    ts = ts_file(code)
    run_lupdate(ts)
    tree = ElementTree.parse(ts)
    given = read_json_translations(paths)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            text = given.get((name, message.findtext("source", "")))
            if not text:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ElementTree.SubElement(message, "translation")
            for child in list(translation):
                translation.remove(child)
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                translation.text = None
                ElementTree.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    update()
    return filled


def missing(files: list[str], paths: list[str]) -> list[str]:
    """The texts `files` mark for translation that `paths` do not translate, and translations that lose a
    placeholder."""
    given = read_json_translations(paths)
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        ts = Path(folder) / "digit_lab_ko.ts"
        subprocess.run([qt_tool("pyside6-lupdate"), *files, "-locations", "none", "-ts", str(ts)], check=True,
                       capture_output=True, text=True)
        for (context, source) in sorted(messages(ts)):
            text = given.get((context, source))
            if not text:
                lines.append(f"missing: [{context}] {source!r}")
            elif sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(source))):
                lines.append(f"placeholders differ: [{context}] {source!r} → {text!r}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "check", "import", "missing"))
    parser.add_argument("files", nargs="*", help="import: the language code, then JSON files; missing: .py files")
    parser.add_argument("--json", nargs="*", default=[], help="missing: the JSON translations to compare with")
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
        return 0
    if args.command == "import":
        print(f"filled {import_translations(args.files[0], args.files[1:])} texts")
        return 0
    if args.command == "missing":
        lines = missing(args.files, args.json)
        print("\n".join(lines) if lines else "all translated")
        return 1 if lines else 0
    found = [line for code in LANGUAGES for line in problems(code)]
    for line in found:
        print(line)
    print(f"translations: {len(found)} problem(s)" if found else "translations: up to date")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
