"""Exports never leave half a file or folder behind (issue 11: closing or failing mid-export)."""

from pathlib import Path

import pytest

from desktop_app.core.export import export_model


class _ExportingModel:
    """Writes a SavedModel-like folder the way keras' Model.export does, failing part-way when asked."""

    def __init__(self, fail_after_first_file: bool = False, marker: str = "new") -> None:
        self.fail = fail_after_first_file
        self.marker = marker

    def export(self, path, format, verbose):
        folder = Path(path)
        folder.mkdir()
        (folder / "saved_model.pb").write_text(self.marker)
        if self.fail:
            raise OSError(28, "No space left on device")
        (folder / "variables").mkdir()
        (folder / "variables" / "variables.index").write_text(self.marker)


def test_a_saved_model_export_that_fails_part_way_leaves_nothing(tmp_path):
    target = tmp_path / "digits"
    with pytest.raises(OSError, match="No space"):
        export_model(_ExportingModel(fail_after_first_file=True), target, "saved_model")
    assert list(tmp_path.iterdir()) == []  # neither the folder nor its temporary twin


def test_a_saved_model_export_replaces_an_earlier_one_only_once_whole(tmp_path):
    target = tmp_path / "digits"
    assert export_model(_ExportingModel(marker="first"), target, "saved_model") == target
    assert (target / "variables" / "variables.index").read_text() == "first"

    with pytest.raises(OSError):
        export_model(_ExportingModel(fail_after_first_file=True, marker="broken"), target, "saved_model")
    assert (target / "saved_model.pb").read_text() == "first"  # the earlier export is untouched
    assert (target / "variables" / "variables.index").read_text() == "first"

    export_model(_ExportingModel(marker="second"), target, "saved_model")
    assert (target / "saved_model.pb").read_text() == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digits"]


def test_a_saved_model_is_not_written_over_a_file(tmp_path):
    target = tmp_path / "digits"
    target.write_text("a file the user keeps")
    with pytest.raises(FileExistsError, match="is a file"):
        export_model(_ExportingModel(), target, "saved_model")
    assert target.read_text() == "a file the user keeps"
