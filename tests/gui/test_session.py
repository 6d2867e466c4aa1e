"""The session: the one owner of the open model, announcing every change."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QObject, Slot

from desktop_app.core.errors import ModelFileError
from desktop_app.gui.session import ModelSession


class Signals(QObject):
    def __init__(self, session: ModelSession) -> None:
        super().__init__()
        self.seen: list[str] = []
        session.modelChanged.connect(self.model)
        session.weightsChanged.connect(self.weights)
        session.unsavedChanged.connect(self.unsaved)

    @Slot()
    def model(self) -> None:
        self.seen.append("model")

    @Slot()
    def weights(self) -> None:
        self.seen.append("weights")

    @Slot(bool)
    def unsaved(self, value: bool) -> None:
        self.seen.append(f"unsaved={value}")


def test_open_snapshot_save_and_close(qtbot, tiny_model_path, tmp_path):
    session = ModelSession()
    signals = Signals(session)

    session.open(tiny_model_path)
    assert signals.seen == ["model", "unsaved=False"]
    assert session.name() == "tiny" and session.epochs_trained() == 1
    predictor = session.predictor()
    assert predictor.model is not session.model()  # the canvas reads a copy

    signals.seen.clear()
    zeros = [np.zeros_like(w) for w in session.model().get_weights()]
    session.show_weights(zeros, "Weights after epoch 2 · training…")
    assert signals.seen == ["weights"]
    assert session.weights_note() == "Weights after epoch 2 · training…"
    assert all(not w.any() for w in predictor.model.get_weights())  # the copy took the snapshot …
    assert any(w.any() for w in session.model().get_weights())  # … and the model is untouched

    session.update_after_training(session.metadata(), unsaved=True)
    assert session.is_unsaved() and "unsaved=True" in signals.seen
    np.testing.assert_array_equal(predictor.model.get_weights()[0], session.model().get_weights()[0])

    signals.seen.clear()
    written = session.save(tmp_path / "copy.keras")
    assert written.is_file() and session.path() == written and not session.is_unsaved()
    assert signals.seen[0] == "unsaved=False"

    session.close_model()
    assert session.model() is None and session.predictor() is None and session.name() == "No model"


def test_a_bad_file_leaves_the_open_model(qtbot, tiny_model_path, tmp_path):
    session = ModelSession()
    session.open(tiny_model_path)
    model = session.model()
    broken = tmp_path / "broken.keras"
    broken.write_bytes(b"not a zip")

    with pytest.raises(ModelFileError, match="broken.keras"):
        session.open(broken)
    assert session.model() is model and session.path() == tiny_model_path


def test_may_discard_asks_only_about_unsaved_work(qtbot, tiny_model_path):
    session = ModelSession()
    asked = []
    session.set_discard_guard(lambda: asked.append(1) or False)
    assert session.may_discard()  # no model
    session.open(tiny_model_path)
    assert session.may_discard() and not asked  # saved
    session.update_after_training(session.metadata(), unsaved=True)
    assert not session.may_discard() and asked == [1]
