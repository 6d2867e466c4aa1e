"""TrainConfig's fields describe themselves once; the run metadata is built in one place."""

import dataclasses

import pytest

from desktop_app.core.config_fields import (PANEL_GROUPS, Setting, cli_fields, config_fields, described,
                                            panel_fields, remembered_fields)
from desktop_app.core.training import TrainConfig, run_metadata


def test_every_field_is_described():
    fields = config_fields(TrainConfig)
    assert [item.name for item in fields] == [item.name for item in dataclasses.fields(TrainConfig)]
    for item in fields:
        assert item.setting.help, item.name
        assert item.setting.group in PANEL_GROUPS
        if item.setting.label is not None:
            assert item.setting.tooltip, item.name


def test_the_flags_and_settings_keys_are_those_users_already_have():
    assert [item.setting.flag for item in cli_fields(TrainConfig)] == [
        "--data", "--limit", "--preset", "--layers", "--quick", "--epochs", "--batch-size", "--learning-rate",
        "--rate-schedule", "--optimizer", "--dropout", "--validation-split", "--device", "--mixed-precision",
        "--augment", "--early-stopping", "--restore-best", "--checkpoint", "--tensorboard", "--loop", "--seed"]
    assert {item.settings_key for item in remembered_fields(TrainConfig)} == {
        f"training/{name}" for name in (
            "data", "preset", "quick", "epochs", "batch_size", "learning_rate", "optimizer", "validation_split", "augment",
            "early_stopping_patience", "train_limit", "device", "early_stopping_monitor", "restore_best",
            "checkpoint_path", "tensorboard_dir", "loop")}
    assert remembered_fields(TrainConfig) == panel_fields(TrainConfig)  # the file brings the panel back


def test_types_and_optional_fields_come_from_the_annotations():
    fields = {item.name: item for item in config_fields(TrainConfig)}
    limit = fields["train_limit"]
    assert (limit.type, limit.optional, limit.empty) == (int, True, 0)
    assert (fields["checkpoint_path"].type, fields["checkpoint_path"].optional) == (str, True)
    assert (fields["learning_rate"].type, fields["learning_rate"].optional) == (float, False)
    assert fields["optimizer"].choice_values == ["adam", "sgd"]


def test_a_subclass_field_is_found_and_a_plain_field_gets_an_empty_description():
    @dataclasses.dataclass
    class Extended(TrainConfig):
        dropout: float = described(0.0, help="dropout rate", flag="--dropout", label="Dro&pout")
        note: str = ""

    fields = {item.name: item for item in config_fields(Extended)}
    assert fields["dropout"].setting.flag == "--dropout" and fields["dropout"].settings_key == "training/dropout"
    assert fields["note"].setting == Setting(help="") and fields["note"].settings_key is None


def test_an_unknown_panel_group_is_refused():
    with pytest.raises(ValueError, match="unknown panel group 'trainig'"):
        Setting(help="x", group="trainig")


def test_run_metadata_records_the_real_architecture_in_both_places():
    config = TrainConfig(preset="mlp", epochs=2)
    history = {"loss": [0.5, 0.4]}
    metadata = run_metadata(config, history, "mnist")
    assert (metadata.preset, metadata.dataset, metadata.config) == ("mlp", "mnist", config.to_dict())
    assert metadata.history == history and metadata.history["loss"] is not history["loss"]

    continued = run_metadata(config, history, "my-digits", architecture="small-cnn")
    assert continued.preset == continued.config["preset"] == "small-cnn"
    assert continued.dataset == "my-digits" and config.preset == "mlp"  # the caller's config is unchanged
    assert run_metadata(config, None, "mnist", architecture="").preset == ""


def test_a_training_result_names_its_data_set(tiny_result):
    assert tiny_result.dataset_name == "mnist[:600]"  # data.Dataset.name of the slice it trained on
