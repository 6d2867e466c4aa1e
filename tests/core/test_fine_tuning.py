"""Fine-tuning on a synthetic "personal" hand: slanted, thick MNIST digits drawn large on a canvas."""

import numpy as np
import pytest

from desktop_app.core.data import Dataset
from desktop_app.core.fine_tuning import fine_tune, fine_tune_config, mix_with_mnist, split_holdout
from desktop_app.core.preprocess import preprocess_to_uint8
from desktop_app.core.synthetic import personal_style_set
from desktop_app.core.training import TrainConfig, train


def personal_set(mnist, count=300, start=50000):
    drawings = personal_style_set(mnist.x_train[start:start + count], seed=1)
    images = np.stack([preprocess_to_uint8(d) for d in drawings])
    empty = np.zeros((0, 28, 28), np.uint8)
    return Dataset("me", images, mnist.y_train[start:start + count], empty, np.zeros(0, np.uint8))


def test_holdout_keeps_every_digit_on_both_sides(mnist):
    personal = personal_set(mnist, 100)
    learn, held = split_holdout(personal, 0.25)
    assert len(learn.x_train) + len(held.x_train) == 100
    assert set(held.y_train.tolist()) == set(range(10)) and 15 <= len(held.x_train) <= 35


def test_mixing_keeps_mnist_in_the_training_data(mnist):
    personal = personal_set(mnist, 40)
    mixed = mix_with_mnist(personal, mnist, mnist_images=500, repeat=3)
    assert len(mixed.x_train) == 40 * 3 + 500


@pytest.fixture(scope="module")
def base_model(mnist):
    config = TrainConfig(epochs=2, train_limit=12000, device="cpu", seed=5)
    return train(config, dataset=mnist).model


def test_fine_tuning_learns_the_hand_and_keeps_mnist(base_model, mnist):
    personal = personal_set(mnist, 300)
    report = fine_tune(base_model, personal, mnist, fine_tune_config(device="cpu", epochs=3),
                       mnist_test_images=3000)
    print("fine-tune figures:", report.to_dict())
    assert report.result.status == "finished"
    assert report.personal_after > report.personal_before + 0.03
    assert report.mnist_after >= report.mnist_before - 0.003  # at most 0.3 points lost
    assert len(report.weights_before) == len(base_model.get_weights())


def test_missing_samples_names_what_to_collect():
    from desktop_app.core.fine_tuning import missing_samples

    assert missing_samples([2] * 10) == {}
    assert missing_samples([0, 1, 2, 5, 2, 2, 2, 2, 2, 2]) == {0: 2, 1: 1}


def test_measure_personal_maps_mistakes_to_samples(tmp_path, mnist):
    from desktop_app.core.fine_tuning import measure_personal
    from desktop_app.core.handwriting import HandwritingSet

    store = HandwritingSet(tmp_path)
    drawings = personal_style_set(mnist.x_test[:20], seed=2)
    for drawing, label in zip(drawings[:10], mnist.y_test[:10]):
        store.add(drawing, int(label))
    blank = store.add(np.full((80, 80), 255, np.uint8), 4)  # a blank sample: left out and named, not fatal
    for drawing, label in zip(drawings[10:], mnist.y_test[10:20]):
        store.add(drawing, int(label))
    model = train(TrainConfig(preset="mlp", epochs=1, train_limit=300, augment=False, device="cpu"),
                  dataset=mnist).model
    measured = measure_personal(model, store, mnist, mnist_test_images=200)
    assert measured.personal.samples == 20 and measured.mnist.samples == 200
    assert len(measured.samples) == 20 and blank not in measured.samples
    assert measured.skipped == [f"{blank.file}: no ink (a blank image)"]
    for mistake in measured.personal.mistakes:
        assert measured.samples[mistake.index].label == mistake.true_label != mistake.predicted_label
