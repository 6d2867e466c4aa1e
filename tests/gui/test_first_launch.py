"""The first minute (issue 12): a first launch opens the ready-made model so a drawing is read at once;
the window says it is the ready-made model; Save never writes over the packaged file; honest answers."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app.core.synthetic import DRAWN_DIGITS
from gui_support import draw_stroke


def first_launch(qtbot, make_window):
    QSettings().setValue("models/ready_model_offered", False)  # as on a fresh installation
    window = make_window()
    qtbot.waitUntil(lambda: window.model() is not None and not window.is_opening(), timeout=30_000)
    return window


def test_a_first_launch_opens_the_ready_made_model_and_reads_a_drawing_at_once(qtbot, make_window):
    window = first_launch(qtbot, make_window)

    assert window.windowTitle() == "Ready-made model[*] — Digit Lab" and not window.isWindowModified()
    assert window.prediction.model_note.text().startswith("Model: Ready-made model · 5 epochs")
    assert "Opened the ready-made model" in window.log_view.toPlainText()
    for digit in (3, 7, 1):
        draw_stroke(window.canvas, DRAWN_DIGITS[digit])
        assert window.prediction.headline_text().startswith(f"{digit} · ")
        assert window.prediction.verdict().kind == "digit"
        window.canvas.clear()

    again = make_window()  # the next launch does not force it again
    qtbot.wait(200)
    assert again.model() is None


def test_save_never_writes_over_the_ready_made_file(qtbot, make_window, tmp_path, monkeypatch):
    from desktop_app.core.resources import resource_path

    window = first_launch(qtbot, make_window)
    packaged = resource_path("ready_model.keras")
    before = packaged.read_bytes()
    target = tmp_path / "mine.keras"
    asked = []
    monkeypatch.setattr(window.files, "ask_save_path", lambda: asked.append(True) or str(target))

    window.save_action.trigger()

    assert asked and target.is_file()  # Save asked where, as for a new model
    assert packaged.read_bytes() == before
    assert window.windowTitle() == "mine[*] — Digit Lab"


def test_a_coloured_in_block_is_not_called_a_digit_but_its_bars_stay(qtbot, make_window):
    window = first_launch(qtbot, make_window)
    zigzag = []
    for row in range(16):  # rows closer than the pen is wide: a solid block
        y = 0.3 + row * 0.025
        zigzag += [(0.3, y), (0.7, y)] if row % 2 == 0 else [(0.7, y), (0.3, y)]
    draw_stroke(window.canvas, zigzag)

    assert window.prediction.verdict().kind == "not_a_digit"
    assert window.prediction.status_text() == "That doesn't look like a digit"
    assert window.prediction.probabilities() is not None  # the network's own answer is still shown
