"""Each installer registers Digit Lab for .keras files, so a double-clicked model opens in the window:
the Linux menu entry and MIME type, the Windows installer's file association, the macOS app's
document type. Read from the packaging files themselves (no installer is built here)."""

from __future__ import annotations

import ast
import configparser
import plistlib
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
MIME_TYPE = "application/x-keras"


# -- Linux -----------------------------------------------------------------------------------------

def test_the_linux_menu_entry_opens_keras_files_with_digit_lab():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / "digit-lab.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "digit-lab %f"  # one file per launch: `digit-lab PATH` opens it
    assert MIME_TYPE in desktop["MimeType"].rstrip(";").split(";")


def test_the_linux_mime_type_is_keras_files():
    namespace = {"mime": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ElementTree.parse(PACKAGING / "linux" / "digit-lab-mime.xml").getroot()
    (declared,) = [item for item in root.findall("mime:mime-type", namespace) if item.get("type") == MIME_TYPE]
    assert [glob.get("pattern") for glob in declared.findall("mime:glob", namespace)] == ["*.keras"]


def test_the_deb_installs_the_menu_entry_and_the_mime_type():
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert re.search(r'"digit-lab\.desktop",\s*share / "applications"', build)
    assert re.search(r'"digit-lab-mime\.xml",\s*share / "mime" / "packages"', build)


# -- Windows ---------------------------------------------------------------------------------------

def _inno_setup_script() -> tuple[dict[str, str], dict[str, list[str]]]:
    """The script's #defines and its sections' lines (comments left out), with {#NAME} expanded."""
    text = (PACKAGING / "windows" / "digit-lab.iss").read_text(encoding="utf-8")
    defines = dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, re.MULTILINE))
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = sections.setdefault(header.group(1), [])
        elif current is not None:
            current.append(re.sub(r"\{#(\w+)\}", lambda match: defines[match.group(1)], line))
    return defines, sections


def _registry_entries(lines: list[str]) -> list[dict[str, str]]:
    """`Root: HKA; Subkey: "..."; ...` lines as dicts; Inno's doubled quotes inside a value undone."""
    entries = []
    for line in lines:
        entry = {}
        for name, value in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line):
            value = value.strip()
            entry[name] = value[1:-1].replace('""', '"') if value.startswith('"') else value
        entries.append(entry)
    return entries


def _windows_gui_exe() -> str:
    """The name of the bundle's window (no console) program on Windows, from the PyInstaller spec."""
    tree = ast.parse((PACKAGING / "digit-lab.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "EXE":
            options = {keyword.arg: keyword.value for keyword in node.keywords}
            if isinstance(options.get("console"), ast.Constant) and options["console"].value is False:
                return ast.literal_eval(options["name"]) + ".exe"
    raise AssertionError("the spec has no Windows program without a console")


def test_the_windows_installer_associates_keras_files_with_the_window_program():
    defines, sections = _inno_setup_script()
    assert "ChangesAssociations=yes" in sections["Setup"]
    entries = _registry_entries(sections["Registry"])
    assert all(entry["Root"] == "HKA" for entry in entries)  # the user's own classes in a per-user install
    (open_with,) = [entry for entry in entries if entry["Subkey"] == r"Software\Classes\.keras\OpenWithProgids"]
    prog_id = open_with["ValueName"]
    assert "uninsdeletevalue" in open_with["Flags"]
    (command,) = [entry for entry in entries if entry["Subkey"] == rf"Software\Classes\{prog_id}\shell\open\command"]
    exe = _windows_gui_exe()
    assert exe == defines["GuiExe"] == "Digit Lab.exe"
    assert command["ValueData"] == rf'"{{app}}\{exe}" "%1"'
    (progid_key,) = [entry for entry in entries if entry["Subkey"] == rf"Software\Classes\{prog_id}"]
    assert "uninsdeletekey" in progid_key["Flags"]  # uninstalling leaves nothing behind


# -- macOS -----------------------------------------------------------------------------------------

class _Unknown(dict):
    """Names the spec computes at build time (the version, ...) stand in as placeholders."""

    def __missing__(self, name: str) -> str:
        return f"<{name}>"


def _mac_info_plist() -> dict:
    """The Info.plist the spec gives the .app, evaluated from the spec's source with its literal constants."""
    tree = ast.parse((PACKAGING / "digit-lab.spec").read_text(encoding="utf-8"))
    names = _Unknown()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                names[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "BUNDLE":
            (info,) = [keyword.value for keyword in node.keywords if keyword.arg == "info_plist"]
            return eval(compile(ast.Expression(info), "digit-lab.spec", "eval"), {}, names)  # noqa: S307
    raise AssertionError("the spec builds no macOS BUNDLE")


def test_the_mac_app_declares_it_opens_keras_files():
    plist = _mac_info_plist()
    plistlib.loads(plistlib.dumps(plist))  # what PyInstaller writes must be a valid property list
    types = {declared["UTTypeIdentifier"]: declared
             for declared in plist.get("UTImportedTypeDeclarations", []) + plist.get("UTExportedTypeDeclarations", [])}
    keras_types = [identifier for identifier, declared in types.items()
                   if "keras" in declared["UTTypeTagSpecification"]["public.filename-extension"]]
    assert len(keras_types) == 1
    (keras_type,) = keras_types
    assert MIME_TYPE in types[keras_type]["UTTypeTagSpecification"]["public.mime-type"]
    (document,) = [document for document in plist["CFBundleDocumentTypes"]
                   if keras_type in document.get("LSItemContentTypes", [])]
    assert document["CFBundleTypeRole"] in ("Editor", "Viewer")
    assert document.get("LSHandlerRank", "Default") != "None"



# -- the workflow that builds them ---------------------------------------------------------------------

def test_the_installers_workflow_is_where_github_runs_it_and_names_files_that_exist():
    """GitHub runs workflows only from .github/workflows/; its paths are from the repository root."""
    root = PACKAGING.parent
    workflow = (root / ".github" / "workflows" / "build-installers.yml").read_text(encoding="utf-8")
    named = set(re.findall(r"\bpackaging/[\w./-]*\w", workflow))
    assert {"packaging/build.py", "packaging/requirements-build.txt"} <= named
    assert [path for path in named if not (root / path).exists()] == []
