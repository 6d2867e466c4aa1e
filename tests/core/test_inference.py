import numpy as np

from desktop_app.core.inference import Predictor


def test_predict_gives_ten_probabilities_matching_the_model(tiny_result, small_mnist):
    model = tiny_result.model
    predictor = Predictor(model)
    image = small_mnist.x_test[0][..., None].astype(np.float32) / 255
    probabilities = predictor.predict(image)
    assert probabilities.shape == (10,) and abs(probabilities.sum() - 1) < 1e-5
    np.testing.assert_allclose(probabilities, model(image[None]).numpy()[0], atol=1e-6)
    assert np.allclose(predictor.predict(image[..., 0]), probabilities)  # 28×28 works too


def test_predict_batch_agrees_with_predict(tiny_result, small_mnist):
    predictor = Predictor(tiny_result.model)
    batch = predictor.predict_batch(small_mnist.x_test[:7])  # uint8 straight from the data set
    assert batch.shape == (7, 10)
    one = predictor.predict(small_mnist.x_test[3].astype(np.float32) / 255)
    np.testing.assert_allclose(batch[3], one, atol=1e-5)
    assert predictor.predict_batch(np.zeros((0, 28, 28), np.uint8)).shape == (0, 10)


def test_a_model_that_ends_in_logits_still_gives_probabilities():
    import keras

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(10)])
    probabilities = Predictor(model).predict(np.random.default_rng(0).random((28, 28)))
    assert abs(probabilities.sum() - 1) < 1e-5 and probabilities.min() >= 0


def test_a_copy_predicts_alone_while_the_original_changes(tiny_result, small_mnist):
    original = tiny_result.model
    copy = Predictor.copy_of(original)
    image = small_mnist.x_test[1].astype(np.float32) / 255
    before = copy.predict(image)
    saved = original.get_weights()
    try:
        original.set_weights([np.zeros_like(w) for w in saved])
        np.testing.assert_allclose(copy.predict(image), before)
        copy.set_weights(original.get_weights())
        np.testing.assert_allclose(copy.predict(image), np.full(10, 0.1), atol=1e-6)
    finally:
        original.set_weights(saved)


def test_copy_model_is_independent(tiny_result, small_mnist):
    from desktop_app.core.inference import copy_model

    original = tiny_result.model
    twin = copy_model(original)
    assert twin is not original and len(twin.weights) == len(original.weights)
    for a, b in zip(twin.get_weights(), original.get_weights()):
        np.testing.assert_array_equal(a, b)
    image = small_mnist.x_test[:2].astype(np.float32)[..., None] / 255
    np.testing.assert_allclose(twin(image).numpy(), original(image).numpy(), atol=1e-6)
    assert all(a is not b for a, b in zip(twin.weights, original.weights))
