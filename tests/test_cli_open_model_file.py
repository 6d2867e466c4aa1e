"""`digit-lab MODEL.keras`, as a file manager runs it: the window opens with that model; a path that is
not a model file is refused in one line, before Qt or TensorFlow start. The commands are unchanged."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.core.errors import DigitLabError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def started(monkeypatch) -> list[list[str]]:
    """The argv each window start would have got; nothing is really started."""
    calls: list[list[str]] = []

    def start_gui(argv):
        calls.append(list(argv))
        return 0

    monkeypatch.setattr(cli, "_start_gui", start_gui)
    return calls


@pytest.fixture
def model_file(tmp_path) -> Path:
    path = tmp_path / "my model.keras"
    path.write_bytes(b"PK\x05\x06" + bytes(18))  # never read here: the window opens (and checks) it
    return path


def test_a_keras_path_starts_the_window_with_that_model(started, model_file):
    assert cli.main([str(model_file)]) == 0
    assert len(started) == 1 and started[0][1:] == [str(model_file)]


@pytest.mark.parametrize("name", ["model.keras", "MODEL.KERAS"])
def test_a_relative_path_reaches_the_window_as_an_absolute_one(started, tmp_path, monkeypatch, name):
    (tmp_path / name).write_bytes(b"")
    monkeypatch.chdir(tmp_path)
    assert cli.main([name]) == 0
    assert started[0][1:] == [str(tmp_path / name)]
    assert Path(started[0][1]).is_absolute()


def test_the_window_failing_to_start_is_one_line(monkeypatch, model_file, capsys):
    def cannot_start(argv):
        raise DigitLabError("the desktop window cannot start: no Qt here")

    monkeypatch.setattr(cli, "_start_gui", cannot_start)
    assert cli.main([str(model_file)]) == 1
    assert capsys.readouterr().err == "digit-lab: error: the desktop window cannot start: no Qt here\n"


def _refused(capsys, started, argv: list[str]) -> str:
    """main(argv) exits 2 with one line on stderr and starts no window; the line."""
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    assert not started and captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


def test_a_missing_file_is_refused_by_name(started, tmp_path, capsys):
    missing = tmp_path / "gone.keras"
    assert _refused(capsys, started, [str(missing)]) == f"digit-lab: error: {missing}: no such file."


def test_a_file_that_is_not_keras_is_refused_by_name(started, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a model")
    assert _refused(capsys, started, [str(notes)]) == (
        f"digit-lab: error: {notes}: not a Keras model file; Digit Lab opens .keras files.")


def test_a_folder_is_refused_by_name(started, tmp_path, capsys):
    folder = tmp_path / "looks like a model.keras"
    folder.mkdir()
    line = _refused(capsys, started, [str(folder)])
    assert line.startswith(f"digit-lab: error: {folder}: ") and "a folder, not a regular file" in line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_without_blocking(started, tmp_path, capsys):
    pipe = tmp_path / "pipe.keras"
    os.mkfifo(pipe)
    line = _refused(capsys, started, [str(pipe)])
    assert line.startswith(f"digit-lab: error: {pipe}: ") and "a named pipe, not a regular file" in line


def test_an_unreadable_file_is_refused_by_name(started, model_file, monkeypatch, capsys):
    monkeypatch.setattr(cli.os, "access", lambda path, mode: False)  # root reads everything: say it cannot
    assert _refused(capsys, started, [str(model_file)]) == (
        f"digit-lab: error: {model_file}: cannot read the file (permission denied).")


def test_a_second_path_is_refused_by_name(started, model_file, capsys):
    assert _refused(capsys, started, [str(model_file), "other.keras"]) == (
        f"digit-lab: error: other.keras: unexpected after {model_file}; Digit Lab opens one model file at a time.")


def test_commands_and_help_are_unchanged(started, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "train").write_text("a file named like a command")  # the command still wins
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["train", "--help"])
    assert exit_info.value.code == 0 and "usage: digit-lab train" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0 and "usage: digit-lab" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["trian"])  # a typo, not a path: argparse lists the commands, as before
    assert exit_info.value.code == 2 and "invalid choice: 'trian'" in capsys.readouterr().err
    assert not started


def test_a_refused_path_starts_neither_qt_nor_tensorflow(tmp_path):
    """A fresh interpreter: the refusal comes before any heavy import."""
    probe = textwrap.dedent("""
        import sys
        from desktop_app.cli import main
        code = main(sys.argv[1:])
        loaded = [name for name in ("PySide6", "tensorflow", "keras") if name in sys.modules]
        print("loaded:", loaded, "code:", code)
    """)
    missing = tmp_path / "gone.keras"
    completed = subprocess.run([sys.executable, "-c", probe, str(missing)], capture_output=True, text=True,
                               timeout=60, cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT),
                                                                                 os.environ.get("PYTHONPATH", "")])})
    assert completed.stdout.strip() == "loaded: [] code: 2", completed.stderr
    assert completed.stderr == f"digit-lab: error: {missing}: no such file.\n"
