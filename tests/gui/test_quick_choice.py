"""The training panel offers the quick recipe: a check box in the Training box, read into the config that
Train uses, and remembered for the next session."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from desktop_app.core.training import QUICK_RECIPE, TrainConfig
from desktop_app.gui.settings import AppSettings
from desktop_app.gui.training.panel import TrainingPanel


def test_the_panel_offers_the_quick_recipe_and_remembers_it(qtbot):
    panel = TrainingPanel()
    qtbot.addWidget(panel)
    check = panel.field_widget("quick")
    assert isinstance(check, QCheckBox) and check.text() == "&Quick recipe: a good model in seconds"
    assert check.parentWidget().title() == "Training" and "99" in check.toolTip()
    assert not check.isChecked() and not panel.config().quick  # the standard recipe unless chosen

    check.setChecked(True)
    config = panel.config()
    assert config.quick and config.epochs == TrainConfig().epochs  # the row keeps what it shows…
    assert config.effective().epochs == QUICK_RECIPE["epochs"]  # …and the run takes the recipe's value
    assert config.effective().validation_split == 0.0

    AppSettings().set_train_config(config)
    assert AppSettings().train_config().quick
    again = TrainingPanel()
    qtbot.addWidget(again)
    again.set_config(AppSettings().train_config())
    assert again.field_widget("quick").isChecked()


def test_train_with_the_quick_recipe_says_what_it_runs(qtbot, window):
    from gui_support import quick_config

    panel = window.training_panel
    panel.set_config(quick_config(epochs=5, learning_rate=3e-3, validation_split=0.1, quick=True))
    panel.train_button.click()
    qtbot.waitUntil(lambda: not window.is_training(), timeout=60_000)
    result = window.last_training_result()
    assert result.status == "finished" and result.epochs_completed == 1  # the recipe's one epoch, not 5
    log_text = window.log_view.toPlainText()
    assert "Quick recipe: Training 1 epoch: batch 32, adam at 0.01, validation 0%" in log_text
    assert "Epoch 1/1: loss" in log_text
    assert window.session.metadata().config["quick"] is True
