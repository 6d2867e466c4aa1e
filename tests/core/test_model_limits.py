"""Model files that declare more than any digit network needs are refused in one line, within seconds,
before Keras builds them; odd metadata is ignored with a warning and the model still opens (issue 11,
cases 2, 3 and 9)."""

import json
import tempfile
import time
import zipfile

import pytest

from desktop_app.core import model_limits
from desktop_app.core.errors import ModelFileError
from desktop_app.core.modelio import METADATA_ENTRY, ModelMetadata, load_model, save_model


@pytest.fixture(scope="module")
def small_file(tmp_path_factory):
    """A real, tiny Digit Lab model file: Flatten → Dense 16 → Dense 10."""
    import keras

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(16),
                              keras.layers.Dense(10, activation="softmax")])
    model.compile("adam", "sparse_categorical_crossentropy")
    return save_model(model, tmp_path_factory.mktemp("limits") / "small.keras",
                      ModelMetadata(preset="mlp", history={"loss": [0.5, 0.3]}))


def members_of(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_archive(path, members, compression=zipfile.ZIP_STORED):
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def with_config(small_file, target, change):
    members = members_of(small_file)
    config = json.loads(members["config.json"])
    change(config)
    members["config.json"] = json.dumps(config).encode()
    return write_archive(target, members)


def refused(path, match):
    started = time.perf_counter()
    with pytest.raises(ModelFileError, match=match) as caught:
        load_model(path)
    seconds = time.perf_counter() - started
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    return seconds


def test_a_dense_layer_of_a_million_units_is_refused_before_it_is_built(small_file, tmp_path):
    def million(config):
        config["config"]["layers"][2]["config"]["units"] = 1_000_000

    huge = with_config(small_file, tmp_path / "huge.keras", million)
    assert huge.stat().st_size < 100_000
    # Building it took 68 s and 16 GB before the check: now it stops at the first oversized weight.
    seconds = refused(huge, r"more than 50,000,000 parameters \(layer dense(_\d+)?: weights of 784 × 1,000,000\)")
    assert seconds < 5


def test_a_thousand_layers_are_refused_from_the_config_alone(small_file, tmp_path):
    def thousand(config):
        layers = config["config"]["layers"]
        dense = layers[2]
        layers[2:] = [dict(dense, config=dict(dense["config"], name=f"d{index}")) for index in range(1000)]

    many = with_config(small_file, tmp_path / "many.keras", thousand)
    assert refused(many, "declares 1,002 layers; Digit Lab opens models of up to 200") < 5


def test_nested_models_count_their_layers():
    inner = {"class_name": "Sequential", "config": {"layers": [{"class_name": "Dense"}] * 3}}
    outer = {"class_name": "Functional", "config": {"layers": [inner, {"class_name": "Dense"}]}}
    assert model_limits.count_layers(outer) == 5


def test_a_config_nested_thousands_deep_is_refused_in_one_line(small_file, tmp_path):
    members = members_of(small_file)
    members["config.json"] = b"[" * 100_000 + b"]" * 100_000
    deep = write_archive(tmp_path / "deep.keras", members)
    refused(deep, "config.json is not readable JSON")


def test_a_huge_config_is_refused_by_its_declared_size(small_file, tmp_path, monkeypatch):
    monkeypatch.setattr(model_limits, "MAX_CONFIG_BYTES", 1000)
    refused(small_file, "config.json is 0 MiB; a digit network's is a few kilobytes")


def test_archives_that_unpack_to_gigabytes_are_refused_before_anything_is_unpacked(small_file, tmp_path,
                                                                                  monkeypatch):
    members = members_of(small_file)
    members["padding.bin"] = bytes(20 << 20)  # 20 MiB of zeros: deflated to about 20 KB
    bomb = write_archive(tmp_path / "bomb.keras", members, zipfile.ZIP_DEFLATED)
    refused(bomb, r"the entry padding.bin unpacks to 20 MiB from [\d,]+ bytes \(a decompression bomb\)")

    members = members_of(small_file)
    members.update({f"extra{index}.bin": bytes(1000) for index in range(40)})
    crowded = write_archive(tmp_path / "crowded.keras", members)
    refused(crowded, "holds 44 entries; a Keras model has 3 or 4")

    monkeypatch.setattr(model_limits, "MAX_ARCHIVE_BYTES", 10_000)  # stands for 8 × 250 MiB of members
    refused(small_file, "its entries unpack to 0 MiB, more than the 0 MiB")


def test_opening_leaves_no_temporary_folder_behind_whether_it_succeeds_or_fails(small_file, tmp_path,
                                                                                 monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    assert load_model(small_file).model.count_params() == 784 * 16 + 16 + 16 * 10 + 10

    def wider(config):  # the weights in the file no longer fit: Keras fails after unpacking them
        config["config"]["layers"][2]["config"]["units"] = 32

    with pytest.raises(ModelFileError):
        load_model(with_config(small_file, tmp_path / "mismatch.keras", wider))

    # Keras' own bomb check (above 256 MiB) used to fire after it had made its unpacking folder.
    bomb = tmp_path / "bomb.keras"
    write_archive(bomb, members_of(small_file))
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("assets/padding.bin", "w", force_zip64=True) as stream:
            for _ in range(300):
                stream.write(bytes(1 << 20))
    with pytest.raises(ModelFileError, match="decompression bomb"):
        load_model(bomb)
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("history", [5, "abc", ["a", "b", "c"], {"loss": "abc"}, {"loss": [0.1, "x"]}])
def test_malformed_history_is_ignored_with_a_warning_and_the_model_opens(small_file, tmp_path, history):
    members = members_of(small_file)
    metadata = json.loads(members[METADATA_ENTRY])
    metadata["history"] = history
    members[METADATA_ENTRY] = json.dumps(metadata).encode()
    odd = write_archive(tmp_path / "odd.keras", members)

    loaded = load_model(odd)

    assert loaded.model.count_params() > 0
    assert loaded.metadata.history == {} and loaded.metadata.preset == "mlp"
    assert len(loaded.warnings) == 1 and "saved history" in loaded.warnings[0]
    assert "malformed and is ignored" in loaded.warnings[0]


def test_unreadable_metadata_is_ignored_with_a_warning(small_file, tmp_path):
    members = members_of(small_file)
    members[METADATA_ENTRY] = b"\xff not json"
    loaded = load_model(write_archive(tmp_path / "garbled.keras", members))
    assert loaded.metadata.history == {} and "unreadable" in loaded.warnings[0]
    assert load_model(small_file).warnings == []
