"""The public window driver: it draws, trains and answers the window's questions through the public API."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QSettings

from desktop_app.gui.driver import ONE, SEVEN, WindowDriver, temporary_settings
from gui_support import ink, quick_config


def test_drawing_through_the_driver_changes_the_canvas(qtbot, window):
    driver = WindowDriver(window)
    assert window.canvas.is_empty()

    driver.draw(SEVEN)
    seven = window.canvas.drawing()
    assert not window.canvas.is_empty() and ink(seven) > 0

    driver.draw(ONE, clear=False)  # adds a stroke
    assert ink(window.canvas.drawing()) > ink(seven)
    driver.draw(ONE)  # clears first: only the 1 is left
    one = window.canvas.drawing()
    assert 0 < ink(one) and not np.array_equal(one, seven)


def test_driver_answers_the_windows_questions(window):
    WindowDriver(window)
    assert window.ask_unsaved() == "discard"
    assert window.ask_stop_work() is True


def test_driver_trains_and_sees_the_first_batch(qtbot, window):
    driver = WindowDriver(window)
    assert driver.wait_for_tensorflow(60)
    driver.configure_training(quick_config())
    assert driver.first_batch_at() is None

    assert driver.press_train()
    result = driver.wait_for_run(60)

    assert result is not None and result.status == "finished", result
    assert driver.first_batch_at() is not None  # seen on the GUI thread, from the worker's signal
    assert not window.is_training()


def test_temporary_settings_come_and_go(tmp_path, isolated_settings):
    before = (QSettings().fileName(), QCoreApplication.organizationName())
    with temporary_settings(tmp_path / "elsewhere", organization="Digit Lab driver test") as folder:
        QSettings().setValue("probe", 1)
        QSettings().sync()
        assert QSettings().fileName().startswith(str(folder))
    assert (QSettings().fileName(), QCoreApplication.organizationName()) == before
    assert list(folder.rglob("*.ini"))  # written there, not in the test's own settings
    assert not QSettings().contains("probe")
