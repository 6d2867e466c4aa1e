"""One description of a network (issue 13): presets round-trip through it with today's parameter counts,
the seed networks written as text train, and stacks that cannot work are refused naming the layer."""

import pytest

from desktop_app.core.architecture import Architecture, ArchitectureError, describe_keras_model
from desktop_app.core.models import PRESETS, build_model

SEEDS = {  # the study notes' three networks, as a learner types them
    "flatten, dense 128, dropout 0.2": 101_770,
    "conv 10 3, pool, flatten, dropout 0.5, dense 100": 197_210,
    "conv 32 5, pool, conv 64 5, pool, flatten, dense 1024, dropout 0.5": 3_274_634,
}


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_round_trips_and_counts_what_keras_builds(name):
    architecture = PRESETS[name].architecture()
    again = Architecture.from_text(architecture.to_text())
    assert again.to_text() == architecture.to_text()
    assert Architecture.from_dict(architecture.to_dict()).to_text() == architecture.to_text()
    assert architecture.parameter_count() == build_model(name).count_params()
    assert describe_keras_model(build_model(name)).parameter_count() == architecture.parameter_count()


@pytest.mark.parametrize("text, parameters", SEEDS.items())
def test_the_seed_networks_as_text_train_one_epoch_with_keras_own_counts(text, parameters, small_mnist):
    from desktop_app.core.training import TrainConfig, train

    assert Architecture.from_text(text).parameter_count() == parameters
    result = train(TrainConfig(layers=text, epochs=1, batch_size=64, augment=False, device="cpu", seed=1),
                   dataset=small_mnist.limited(train=200, test=50))
    assert result.status == "finished", result.reason
    assert result.model.count_params() == parameters


@pytest.mark.parametrize("text, message", [
    ("conv 8 3, pool, pool, pool, pool, pool", r"Layer 6 \(pool\): a 2×2 pool shrinks the 1×1 map below 1×1"),
    ("conv 8 30 padding=valid", r"Layer 1 .*a 30×30 valid convolution cannot fit a 28×28 map"),
    ("flatten, conv 8 3", r"Layer 2 \(conv 8 3\): convolution needs a 2-D map, but it comes after flatten"),
    ("flatten, dropout 1.5", r"Layer 2 \(dropout 1.5\): the dropout rate must be from 0"),
    ("flatten, dense 30000", r"23,850,010 parameters, over the 20,000,000 .* largest layer is Dense 30000"),
    ("conv 8 3", r"ends with a 28×28×8 map: add flatten or gap"),
    ("conv 8", r"layer 1 \('conv 8'\): conv needs KERNEL"),
    ("conv 8 3, pol", r"layer 2 \('pol'\): unknown layer kind 'pol'"),
    ("conv 8 3 padding=full", r"layer 1 .*padding must be one of same, valid, not 'full'"),
])
def test_stacks_that_cannot_work_are_refused_naming_the_layer(text, message):
    with pytest.raises(ArchitectureError, match=message):
        Architecture.from_text(text).analyse()


def test_problem_points_at_the_row_for_the_editor():
    assert Architecture.from_text("conv 8 3, flatten, conv 4 3").problem()[0] == 2
    assert Architecture.from_text("conv 8 3, flatten").problem() is None


def test_a_model_from_elsewhere_with_unknown_layers_has_no_description():
    import keras

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Reshape((784,)),
                              keras.layers.Dense(10, activation="softmax")])
    assert describe_keras_model(model) is None
