import pytest

from desktop_app.core.models import DEFAULT_PRESET, PRESETS, build_model, layer_summary

EXPECTED_PARAMETERS = {"mlp": 101_770, "small-cnn": 197_210, "classic-cnn": 3_274_634}


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_reads_28x28_digits_into_10_probabilities(name):
    model = build_model(name)
    assert tuple(model.inputs[0].shape) == (None, 28, 28, 1)
    assert tuple(model.outputs[0].shape) == (None, 10)
    assert model.layers[-1].get_config()["activation"] == "softmax"
    assert PRESETS[name].description and PRESETS[name].title


@pytest.mark.parametrize("name,count", EXPECTED_PARAMETERS.items())
def test_course_presets_have_the_textbook_sizes(name, count):
    assert build_model(name).count_params() == count


def test_the_mlp_is_the_course_mlp():
    kinds = [(row["type"], row["output_shape"]) for row in layer_summary(build_model("mlp"))]
    assert kinds == [("Flatten", (None, 784)), ("Dense", (None, 128)), ("Dropout", (None, 128)),
                     ("Dense", (None, 10))]


def test_the_default_preset_is_far_cheaper_than_the_classic_cnn():
    assert DEFAULT_PRESET in PRESETS
    assert build_model(DEFAULT_PRESET).count_params() < EXPECTED_PARAMETERS["classic-cnn"] / 10


def test_standardize_normalisation_lives_inside_the_model():
    model = build_model("mlp", normalization="standardize")
    assert model.layers[0].name == "standardize"
    with pytest.raises(ValueError, match="unknown normalisation"):
        build_model("mlp", normalization="bogus")


def test_unknown_preset_lists_the_choices():
    with pytest.raises(ValueError, match="mlp"):
        build_model("resnet-9000")
