"""`digit-lab self-test` in-process: trains through the real window, draws, predicts, saves, reopens."""

from __future__ import annotations

import io

from PySide6.QtCore import QSettings

from desktop_app.gui.self_test import run_self_test


def test_self_test_passes(qtbot, tensorflow, isolated_settings):
    out, err = io.StringIO(), io.StringIO()
    before = QSettings().fileName()

    code = run_self_test(["digit-lab", "self-test"], out=out, err=err)

    assert code == 0, err.getvalue()
    text = out.getvalue()
    assert "self-test: trained 1 epoch" in text and "… OK" in text
    assert "reopened it" in text and "all checks passed" in text
    assert not list(isolated_settings.rglob("*self-test*"))  # its settings went to its own temp folder
    assert QSettings().fileName() == before
