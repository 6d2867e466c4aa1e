#!/usr/bin/env python3
"""Build Digit Lab's frozen bundle and this platform's installers, in one command.

    python packaging/build.py                        # bundle in dist/digit-lab, installers in dist/
    python packaging/build.py --dist-dir /tmp/out    # dist/ and build/ under another folder
    python packaging/build.py --installers none      # the bundle only (what packaging/test_package.sh does)
    python packaging/build.py --install-test         # and install, self-test and remove the installer

Run it with a Python that has Digit Lab's dependencies: best the pinned, CPU-only set of
packaging/requirements-build.txt (`pip install -e .` works too, with a bigger bundle on Linux). The app
itself is taken from this checkout; PyInstaller is pip-installed when missing. The steps:

 1. PyInstaller with packaging/digit-lab.spec -> a one-folder bundle (and `Digit Lab.app` on macOS);
 2. on Linux, `strip --strip-unneeded` on the shared libraries (symbols are useless to a user);
 3. the frozen executable's `self-test`, offscreen: a failure fails the build;
 4. the installers: Linux .tar.gz and .deb (dpkg-deb), Windows setup .exe (Inno Setup's iscc),
    macOS .dmg (hdiutil);
 5. with --install-test: install that installer the way a user would, run the installed copy's
    self-test, uninstall it and check nothing is left behind.

Sizes and times go to the console and to DIST/build-summary.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
SPEC = PACKAGING / "digit-lab.spec"
APP_NAME = "Digit Lab"
PACKAGE = "digit-lab"
BUNDLE_ID = "org.digitlab.DigitLab"
MIN_PYINSTALLER = "6.11"  # the TensorFlow hook's symlink suppression needs 6.11
SELF_TEST_TIMEOUT_S = 900

IS_LINUX = sys.platform.startswith("linux")
IS_WINDOWS = sys.platform == "win32"
IS_MAC = sys.platform == "darwin"


class BuildError(Exception):
    pass


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(command: list, **kwargs) -> subprocess.CompletedProcess:
    say("$ " + " ".join(str(part) for part in command))
    return subprocess.run([str(part) for part in command], check=True, **kwargs)


def app_version() -> str:
    text = (REPO / "desktop_app" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


def folder_size(path: Path) -> int:
    """Bytes in the regular files under `path` (symbolic links count as nothing), i.e. the installed size."""
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            file = Path(root) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


# --- 1. PyInstaller ----------------------------------------------------------------------------------

def ensure_pyinstaller(install: bool) -> str:
    try:
        import PyInstaller
        from packaging.version import Version
        if Version(PyInstaller.__version__) >= Version(MIN_PYINSTALLER):
            return PyInstaller.__version__
    except ImportError:
        pass
    if not install:
        raise BuildError(f"PyInstaller >= {MIN_PYINSTALLER} is needed: "
                         f"{sys.executable} -m pip install 'pyinstaller>={MIN_PYINSTALLER}'")
    run([sys.executable, "-m", "pip", "install", f"pyinstaller>={MIN_PYINSTALLER}"])
    out = subprocess.run([sys.executable, "-c", "import PyInstaller; print(PyInstaller.__version__)"],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def ensure_icons() -> None:
    """The .ico and .icns are committed; regenerate them only when missing (a trimmed checkout)."""
    if not (PACKAGING / "windows" / "digit-lab.ico").exists() or not (PACKAGING / "macos" / "digit-lab.icns").exists():
        run([sys.executable, PACKAGING / "make_icons.py", "--missing-only"])


def run_pyinstaller(dist: Path, work: Path, trim: bool, clean: bool, log_level: str) -> float:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", dist, "--workpath", work,
               "--log-level", log_level]
    if clean:
        command.append("--clean")
    command.append(SPEC)
    if not trim:
        command += ["--", "--no-trim"]
    start = time.monotonic()
    run(command, cwd=REPO)
    return time.monotonic() - start


# --- 2. stripping ------------------------------------------------------------------------------------

def is_elf(path: Path) -> bool:
    with open(path, "rb") as file:
        return file.read(4) == b"\x7fELF"


def shared_libraries(bundle: Path) -> list[Path]:
    pattern = re.compile(r"\.so(\.\d+)*$")
    return [path for path in bundle.rglob("*")
            if path.is_file() and not path.is_symlink() and pattern.search(path.name) and is_elf(path)]


def load_segments_aligned(path: Path) -> bool:
    """Whether every PT_LOAD segment keeps (vaddr - offset) a multiple of the page size and of its
    alignment, as the dynamic loader demands. `strip` breaks this on libraries that patchelf rewrote
    (auditwheel's vendored *.libs): ld.so then refuses them ("ELF load command address/offset not
    page-aligned"), so such a result is thrown away."""
    with open(path, "rb") as file:
        header = file.read(64)
        if header[:4] != b"\x7fELF":
            return False
        is_64, order = header[4] == 2, "<" if header[5] == 1 else ">"
        if is_64:
            (phoff,), (phentsize, phnum) = struct.unpack_from(order + "Q", header, 32), struct.unpack_from(order + "HH", header, 54)
        else:
            (phoff,), (phentsize, phnum) = struct.unpack_from(order + "I", header, 28), struct.unpack_from(order + "HH", header, 42)
        file.seek(phoff)
        table = file.read(phentsize * phnum)
    for index in range(phnum):
        if is_64:
            kind, _, offset, vaddr, _, _, _, align = struct.unpack_from(order + "IIQQQQQQ", table, index * phentsize)
        else:
            kind, offset, vaddr, _, _, _, _, align = struct.unpack_from(order + "IIIIIIII", table, index * phentsize)
        if kind == 1 and ((vaddr - offset) % 4096 or (align > 1 and (vaddr - offset) % align)):
            return False
    return True


def strip_libraries(bundle: Path) -> dict:
    """`strip --strip-unneeded` on every ELF shared library (not the executable: its archive is appended).

    Each library is stripped into a new file, which replaces it only when its loadable segments are
    still aligned (see load_segments_aligned)."""
    if not shutil.which("strip"):
        say("no `strip` on PATH: shared libraries left as they are")
        return {"stripped": 0}
    libraries = shared_libraries(bundle)
    before = {path: path.stat().st_size for path in libraries}

    def strip(path: Path) -> str:
        stripped = path.with_name(path.name + ".stripped")
        result = subprocess.run(["strip", "--strip-unneeded", "-o", str(stripped), str(path)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            stripped.unlink(missing_ok=True)
            return f"failed: {result.stderr.strip()}"
        if not load_segments_aligned(stripped):
            stripped.unlink()
            return "kept: stripping would misalign its segments (patchelf layout)"
        if stripped.stat().st_size >= path.stat().st_size:
            stripped.unlink()
            return "kept: nothing to strip"
        shutil.copymode(path, stripped)
        os.replace(stripped, path)
        return "stripped"

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outcomes = dict(zip(libraries, pool.map(strip, libraries)))
    for path, outcome in outcomes.items():
        if not outcome.startswith(("stripped", "kept: nothing")):
            say(f"{path.relative_to(bundle)}: {outcome}")
    saved = {path: before[path] - path.stat().st_size for path in libraries}
    largest = sorted(saved.items(), key=lambda item: item[1], reverse=True)[:5]
    count = sum(outcome == "stripped" for outcome in outcomes.values())
    say(f"stripped {count} of {len(libraries)} shared libraries in {time.monotonic() - start:.0f} s, "
        f"saving {mb(sum(saved.values()))}; most: " +
        ", ".join(f"{path.name} {mb(before[path])} -> {mb(path.stat().st_size)}" for path, _ in largest))
    return {"libraries": len(libraries), "stripped": count, "saved_bytes": sum(saved.values()),
            "kept_unaligned": sorted(str(path.relative_to(bundle)) for path, outcome in outcomes.items()
                                     if "misalign" in outcome),
            "largest": {path.name: [before[path], path.stat().st_size] for path, _ in largest}}


def warn_about_cuda_kernels() -> None:
    """The Linux `tensorflow` wheel (not tensorflow-cpu) puts CUDA kernels in the bundle for nothing."""
    try:
        from importlib.metadata import PackageNotFoundError, distribution
        distribution("tensorflow")
    except PackageNotFoundError:
        return
    say("note: this environment has the `tensorflow` wheel, whose libtensorflow_cc carries ~230 MB of "
        "CUDA kernels the bundle cannot use; build from packaging/requirements-build.txt (tensorflow-cpu)")


# --- 3. self-test ------------------------------------------------------------------------------------

def frozen_executable(dist: Path) -> Path:
    if IS_MAC:
        return dist / f"{APP_NAME}.app" / "Contents" / "MacOS" / PACKAGE
    return dist / PACKAGE / (PACKAGE + (".exe" if IS_WINDOWS else ""))


def clean_environment() -> dict:
    """The environment a user's double-click gives: no Python variables from this build's venv."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA"))}  # PYTHONPATH, PYTHONHOME too
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def self_test(executable: Path, label: str) -> float:
    """Run `executable self-test` from an empty folder; raise BuildError when it fails."""
    if not executable.exists():
        raise BuildError(f"{executable} does not exist")
    with tempfile.TemporaryDirectory(prefix="digit-lab-self-test-") as folder:
        run([executable, "--version"], cwd=folder, env=clean_environment(), timeout=120)
        say(f"self-test of {label}: {executable} self-test (QT_QPA_PLATFORM="
            f"{clean_environment()['QT_QPA_PLATFORM']})")
        start = time.monotonic()
        result = subprocess.run([str(executable), "self-test"], cwd=folder, env=clean_environment(),
                                timeout=SELF_TEST_TIMEOUT_S)
        seconds = time.monotonic() - start
    if result.returncode != 0:
        raise BuildError(f"the self-test of {label} failed (exit {result.returncode}) after {seconds:.1f} s")
    say(f"self-test of {label} passed in {seconds:.1f} s")
    return seconds


# --- 4. installers -----------------------------------------------------------------------------------

def make_tarball(bundle: Path, target: Path, version: str) -> Path:
    """DIST/digit-lab-VERSION-linux-ARCH.tar.gz: the bundle in a folder digit-lab-VERSION/."""
    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    say(f"writing {target.name}")
    with tarfile.open(target, "w:gz", compresslevel=9) as archive:
        archive.add(bundle, arcname=f"{PACKAGE}-{version}", filter=owned_by_root)
    return target


# Debian packages for the shared libraries the bundle links but does not carry (PyInstaller leaves
# glibc and the GL stack to the system; whatever the build machine lacked is missing too).
DEB_PACKAGES = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6", "libpthread.so.0": "libc6",
    "librt.so.1": "libc6", "libutil.so.1": "libc6", "libresolv.so.2": "libc6", "libcrypt.so.1": "libcrypt1",
    "ld-linux-x86-64.so.2": "libc6", "ld-linux-aarch64.so.1": "libc6",
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1",
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libGLX.so.0": "libglx0", "libOpenGL.so.0": "libopengl0",
    "libGLESv2.so.2": "libgles2", "libdrm.so.2": "libdrm2",
    "libglib-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0", "libgobject-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0", "libgio-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libdbus-1.so.3": "libdbus-1-3", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


def deb_package_for(soname: str) -> str | None:
    if soname in DEB_PACKAGES:
        return DEB_PACKAGES[soname]
    match = re.fullmatch(r"libxcb(-[a-z0-9-]+)?\.so\.(\d+)", soname)
    if match:  # libxcb-render-util.so.0 -> libxcb-render-util0, libxcb.so.1 -> libxcb1
        stem = "libxcb" + (match.group(1) or "")
        return stem + ("-" if stem[-1].isdigit() else "") + match.group(2)
    return None


def elf_needs(path: Path) -> tuple[list[str], list[str]]:
    """The NEEDED sonames and the GLIBC_x.y symbol versions a binary asks for (from `readelf`)."""
    dynamic = subprocess.run(["readelf", "-d", "-W", str(path)], capture_output=True, text=True).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
    versions = subprocess.run(["readelf", "-V", "-W", str(path)], capture_output=True, text=True).stdout
    return needed, re.findall(r"Name: GLIBC_(\d+\.\d+(?:\.\d+)?)", versions)


def debian_dependencies(bundle: Path) -> tuple[list[str], list[str], list[str]]:
    """Depends and Recommends for the .deb, from what the bundled binaries link but the bundle lacks.

    Libraries needed only by optional Qt plugins (Wayland, themes) are recommended, not required.
    Returns (depends, recommends, unknown sonames).
    """
    carried = {path.name for path in bundle.rglob("*")}
    required, optional, unknown = set(), set(), set()
    glibc = "2.17"
    binaries = shared_libraries(bundle) + [bundle / PACKAGE]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(elf_needs, binaries))
    for path, (needed, versions) in zip(binaries, results):
        # Wayland's plugins and client library, and the desktop-theme plugins, are optional: Qt falls
        # back to X11 (XWayland) and its own style without them.
        is_optional = re.search(r"wayland|wlshell|/plugins/platformthemes/", path.as_posix(),
                                re.IGNORECASE) is not None
        for version in versions:
            if tuple(map(int, version.split("."))) > tuple(map(int, glibc.split("."))):
                glibc = version
        for soname in needed:
            if soname in carried:
                continue
            package = deb_package_for(soname)
            if package is None:
                unknown.add(soname)
            else:
                (optional if is_optional else required).add(package)
    required.discard("libc6")
    optional.discard("libc6")
    depends = [f"libc6 (>= {glibc})"] + sorted(required)
    recommends = sorted(optional - required)
    return depends, recommends, sorted(unknown)


def debian_architecture() -> str:
    if shutil.which("dpkg"):
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def copy_tree(source: Path, target: Path) -> None:
    """Copy a folder, hard-linking files when the file system allows it (fast, no extra space)."""
    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)
    shutil.copytree(source, target, symlinks=True, copy_function=link_or_copy)


def make_deb(bundle: Path, work: Path, target: Path, version: str) -> tuple[Path, dict]:
    """A .deb with the bundle in /opt/digit-lab, /usr/bin/digit-lab, a menu entry, icons and a MIME type."""
    root = work / "deb-root"
    if root.exists():
        shutil.rmtree(root)
    copy_tree(bundle, root / "opt" / PACKAGE)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{PACKAGE}/{PACKAGE}", root / "usr" / "bin" / PACKAGE)
    share = root / "usr" / "share"
    for source, target_path in [
        (PACKAGING / "linux" / "digit-lab.desktop", share / "applications" / "digit-lab.desktop"),
        (REPO / "resources" / "digit-lab.png", share / "icons" / "hicolor" / "256x256" / "apps" / "digit-lab.png"),
        (REPO / "resources" / "digit-lab.svg", share / "icons" / "hicolor" / "scalable" / "apps" / "digit-lab.svg"),
        (PACKAGING / "linux" / "digit-lab-mime.xml", share / "mime" / "packages" / "digit-lab.xml"),
    ]:
        target_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target_path)
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Digit Lab\n\nDigit Lab is distributed under the MIT licence.\n\n"
        "It bundles Python, TensorFlow and Keras (Apache-2.0), Qt for Python / PySide6 (LGPL-3.0; the Qt\n"
        "libraries are ordinary shared libraries under /opt/digit-lab/_internal and can be replaced),\n"
        "pyqtgraph (MIT), NumPy (BSD-3-Clause), h5py (BSD-3-Clause) and Pillow (MIT-CMU).\n\n"
        "The embedded MNIST data set (/opt/digit-lab/_internal/resources/mnist.npz):\n\n"
        + (REPO / "resources" / "MNIST-LICENSE.md").read_text(encoding="utf-8"), encoding="utf-8")
    for folder, _, files in os.walk(root):  # what dpkg expects: 0755 folders, 0644 or 0755 files
        os.chmod(folder, 0o755)
        for name in files:
            path = Path(folder) / name
            if not path.is_symlink():
                os.chmod(path, 0o755 if path.stat().st_mode & 0o111 else 0o644)

    depends, recommends, unknown = debian_dependencies(bundle)
    if unknown:
        say(f"note: no Debian package known for {', '.join(unknown)} (not added to Depends)")
    installed_kib = (folder_size(root) + 1023) // 1024
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        "Section: education\n"
        "Priority: optional\n"
        f"Architecture: {debian_architecture()}\n"
        "Maintainer: Digit Lab developers <digit-lab@users.noreply.github.com>\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        + (f"Recommends: {', '.join(recommends)}\n" if recommends else "")
        + "Description: train a neural network on handwritten digits and read your own\n"
        " Digit Lab trains a convolutional network on the MNIST digits (shipped inside,\n"
        " so it works offline), shows its loss and accuracy live, and reads the digits\n"
        " you draw with the mouse or a pen. For students and teachers of deep learning.\n"
        " .\n"
        " This package carries its own Python, TensorFlow (CPU) and Qt in /opt/digit-lab.\n",
        encoding="utf-8")
    os.chmod(control, 0o644)
    if target.exists():
        target.unlink()
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, target])
    shutil.rmtree(root)
    return target, {"depends": depends, "recommends": recommends, "installed_kib": installed_kib}


def find_iscc() -> Path:
    candidates = [shutil.which("iscc"), shutil.which("ISCC")]
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles"),
                 os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs")):
        if base:
            candidates.append(os.path.join(base, "Inno Setup 6", "ISCC.exe"))
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return Path(candidate)
    raise BuildError("Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isdl.php "
                     "or `choco install innosetup`, or pass --installers none")


def make_windows_installer(bundle: Path, dist: Path, version: str) -> Path:
    run([find_iscc(), "/Qp", f"/DAppVersion={version}", f"/DBundleDir={bundle}", f"/DOutputDir={dist}",
         PACKAGING / "windows" / "digit-lab.iss"])
    return dist / f"{PACKAGE}-{version}-windows-x64-setup.exe"


def make_dmg(app: Path, work: Path, target: Path) -> Path:
    """A compressed disk image holding the .app and a link to /Applications to drag it onto."""
    stage = work / "dmg-root"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    run(["ditto", app, stage / app.name])  # ditto keeps the bundle's links, modes and signatures
    os.symlink("/Applications", stage / "Applications")
    if target.exists():
        target.unlink()
    run(["hdiutil", "create", "-volname", APP_NAME, "-srcfolder", stage, "-ov", "-format", "UDZO",
         "-imagekey", "zlib-level=9", target])
    shutil.rmtree(stage)
    return target


# --- 5. install, self-test, uninstall ----------------------------------------------------------------

def as_root(command: list) -> list:
    if IS_LINUX and os.geteuid() != 0:
        if not shutil.which("sudo"):
            raise BuildError("--install-test installs the .deb system-wide: run as root or install sudo")
        return ["sudo", "--preserve-env=QT_QPA_PLATFORM", *command]
    return command


def install_test_deb(deb: Path) -> dict:
    installed = {"/opt/digit-lab", "/usr/bin/digit-lab"}
    result = subprocess.run(as_root(["dpkg", "-i", str(deb)]))
    if result.returncode != 0:  # missing Depends: let apt bring them, as a user's software centre would
        run(as_root(["apt-get", "install", "-f", "-y", "--no-install-recommends"]))
    seconds = self_test(Path("/usr/bin/digit-lab"), "the installed .deb (/usr/bin/digit-lab)")
    run(as_root(["dpkg", "-r", PACKAGE]))
    left = sorted(path for path in installed if os.path.lexists(path))
    if left:
        raise BuildError(f"dpkg -r {PACKAGE} left {', '.join(left)} behind")
    say("dpkg -r removed everything: no /opt/digit-lab, no /usr/bin/digit-lab")
    return {"installed_self_test_seconds": round(seconds, 1), "left_behind": left}


def install_test_windows(setup: Path) -> dict:
    target = Path(tempfile.mkdtemp(prefix="digit-lab-install-")) / APP_NAME
    run([setup, "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/SP-", f"/DIR={target}",
         f"/LOG={target.parent / 'setup.log'}"])
    shortcut = Path(os.environ["APPDATA"]) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / f"{APP_NAME}.lnk"
    if not shortcut.exists():
        raise BuildError(f"the installer made no Start-menu shortcut ({shortcut})")
    seconds = self_test(target / f"{PACKAGE}.exe", "the installed copy")
    run([target / "unins000.exe", "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"])
    deadline = time.monotonic() + 180  # the uninstaller hands over to a copy of itself and returns at once
    while (target.exists() or shortcut.exists()) and time.monotonic() < deadline:
        time.sleep(2)
    left = [str(path) for path in (target, shortcut) if path.exists()]
    if left:
        raise BuildError(f"the uninstaller left {', '.join(left)} behind")
    say("the uninstaller removed the program folder and the Start-menu shortcut")
    return {"installed_self_test_seconds": round(seconds, 1), "left_behind": left}


def install_test_dmg(dmg: Path) -> dict:
    import plistlib

    mount = Path(tempfile.mkdtemp(prefix="digit-lab-dmg-"))
    run(["hdiutil", "attach", "-nobrowse", "-readonly", "-mountpoint", mount, dmg])
    try:
        app = mount / f"{APP_NAME}.app"
        info = plistlib.loads((app / "Contents" / "Info.plist").read_bytes())
        if info.get("CFBundleIdentifier") != BUNDLE_ID:
            raise BuildError(f"Info.plist has CFBundleIdentifier {info.get('CFBundleIdentifier')!r}")
        seconds = self_test(app / "Contents" / "MacOS" / PACKAGE, "the .app inside the .dmg")
    finally:
        run(["hdiutil", "detach", mount])
    return {"installed_self_test_seconds": round(seconds, 1),
            "bundle_identifier": info["CFBundleIdentifier"], "version": info.get("CFBundleShortVersionString")}


# --- the command -------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist-dir", type=Path, default=None,
                        help="where the bundle and installers go (default: dist/ at the repository root; "
                             "with this option the work folder defaults to DIST_DIR/../build)")
    parser.add_argument("--work-dir", type=Path, default=None,
                        help="PyInstaller's work folder (default: build/ beside the dist folder)")
    parser.add_argument("--installers", default="auto",
                        help="'auto' (this platform's: deb,tar on Linux; exe on Windows; dmg on macOS), "
                             "'none', or a comma-separated list of deb,tar,exe,dmg")
    parser.add_argument("--install-test", action="store_true",
                        help="install the installer, self-test the installed copy, uninstall (Linux: root or sudo)")
    parser.add_argument("--no-trim", action="store_true",
                        help="keep all the hooks collect and strip nothing (to measure what trimming saves)")
    parser.add_argument("--skip-self-test", action="store_true", help="do not run the bundle's self-test")
    parser.add_argument("--reuse-bundle", action="store_true",
                        help="skip PyInstaller and stripping: make the installers from the bundle already in "
                             "the dist folder (to iterate on an installer)")
    parser.add_argument("--keep-cache", action="store_true",
                        help="reuse PyInstaller's cache and work folder (faster rebuilds; default: --clean)")
    parser.add_argument("--no-install", action="store_true", help="never pip-install PyInstaller")
    parser.add_argument("--log-level", default="WARN", help="PyInstaller's log level (default WARN)")
    return parser.parse_args(argv)


def chosen_installers(spec: str) -> list[str]:
    if spec == "auto":
        return ["tar", "deb"] if IS_LINUX else ["exe"] if IS_WINDOWS else ["dmg"] if IS_MAC else []
    if spec == "none":
        return []
    kinds = [kind.strip() for kind in spec.split(",") if kind.strip()]
    unknown = set(kinds) - {"tar", "deb", "exe", "dmg"}
    if unknown:
        raise BuildError(f"unknown installer kind(s): {', '.join(sorted(unknown))}")
    return kinds


def build(args: argparse.Namespace) -> dict:
    version = app_version()
    dist = (args.dist_dir or REPO / "dist").resolve()
    work = (args.work_dir or (dist.parent / "build" if args.dist_dir else REPO / "build")).resolve()
    installers = chosen_installers(args.installers)
    trim = not args.no_trim
    summary: dict = {"version": version, "platform": f"{platform.system()} {platform.machine()}",
                     "python": platform.python_version(), "trimmed": trim, "dist": str(dist)}
    started = time.monotonic()

    bundle = dist / PACKAGE
    if args.reuse_bundle:
        if not frozen_executable(dist).exists():
            raise BuildError(f"--reuse-bundle: no bundle in {dist} (run without it first)")
        say(f"Digit Lab {version}: reusing the bundle in {bundle}")
        previous = dist / "build-summary.json"
        if previous.exists():  # keep the figures of the run that built the bundle
            summary = {**json.loads(previous.read_text(encoding="utf-8")), **summary}
    else:
        summary["pyinstaller"] = ensure_pyinstaller(install=not args.no_install)
        ensure_icons()
        say(f"Digit Lab {version}: building with PyInstaller {summary['pyinstaller']} into {dist}")
        summary["pyinstaller_seconds"] = round(
            run_pyinstaller(dist, work, trim, not args.keep_cache, args.log_level), 1)
        summary["bundle_bytes_collected"] = folder_size(bundle)
        say(f"bundle {bundle}: {mb(summary['bundle_bytes_collected'])} as collected "
            f"({summary['pyinstaller_seconds']:.0f} s)")
        if IS_LINUX and trim:
            warn_about_cuda_kernels()
            summary["strip"] = strip_libraries(bundle)
    summary["bundle_bytes"] = folder_size(bundle)
    say(f"bundle {bundle}: {mb(summary['bundle_bytes'])} installed size")
    if IS_MAC:
        summary["app_bytes"] = folder_size(dist / f"{APP_NAME}.app")

    if not args.skip_self_test:
        summary["self_test_seconds"] = round(self_test(frozen_executable(dist), "the bundle"), 1)

    made = {}
    for kind in installers:
        start = time.monotonic()
        if kind == "tar":
            path = make_tarball(bundle, dist / f"{PACKAGE}-{version}-linux-{platform.machine()}.tar.gz", version)
        elif kind == "deb":
            path, summary["deb"] = make_deb(bundle, work, dist / f"{PACKAGE}_{version}_{debian_architecture()}.deb",
                                            version)
        elif kind == "exe":
            path = make_windows_installer(bundle, dist, version)
        else:
            path = make_dmg(dist / f"{APP_NAME}.app", work, dist / f"{PACKAGE}-{version}-macos-{platform.machine()}.dmg")
        made[kind] = {"path": str(path), "bytes": path.stat().st_size, "seconds": round(time.monotonic() - start, 1)}
        say(f"{path.name}: {mb(path.stat().st_size)} ({made[kind]['seconds']:.0f} s)")
    summary["installers"] = made

    if args.install_test:
        if "deb" in made:
            summary["install_test"] = install_test_deb(Path(made["deb"]["path"]))
        elif "exe" in made:
            summary["install_test"] = install_test_windows(Path(made["exe"]["path"]))
        elif "dmg" in made:
            summary["install_test"] = install_test_dmg(Path(made["dmg"]["path"]))
        else:
            raise BuildError("--install-test needs an installer: a .deb, a setup .exe or a .dmg")

    summary["total_seconds"] = round(time.monotonic() - started, 1)
    (dist / "build-summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        summary = build(args)
    except BuildError as error:
        say(f"FAILED: {error}")
        return 1
    except subprocess.CalledProcessError as error:
        say(f"FAILED: {' '.join(map(str, error.cmd))} exited with {error.returncode}")
        return 1
    say("done: " + ", ".join(
        [f"bundle {mb(summary['bundle_bytes'])}"] +
        [f"{Path(item['path']).name} {mb(item['bytes'])}" for item in summary["installers"].values()] +
        [f"{summary['total_seconds']:.0f} s in all"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
