"""Honest answers (issue 12): beside the ten probabilities, a verdict: digit, unsure, not_a_digit or
empty. The packaged digit checker and the ready-made model are the shipped files themselves."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

from desktop_app.core.errors import EmptyDrawingError
from desktop_app.core.preprocess import preprocess_image
from desktop_app.core.resources import resource_path
from desktop_app.core.synthetic import drawn_digit
from desktop_app.core.verdict import UNSURE_MARGIN, DigitChecker, judge, shared_checker, verdict_for


def probabilities(**given):
    values = np.full(10, 0.0)
    for digit, value in given.items():
        values[int(digit[1:])] = value
    rest = (1 - values.sum()) / max(1, (values == 0).sum())
    return np.where(values == 0, rest, values)


def test_the_rules_of_the_verdict():
    clear = judge(probabilities(d7=0.97), not_digit_score=0.01, threshold=0.9)
    assert (clear.kind, clear.digit, clear.runner_up) == ("digit", 7, None)
    torn = judge(probabilities(d4=0.5, d9=0.45), not_digit_score=0.01, threshold=0.9)
    assert (torn.kind, torn.digit, torn.runner_up) == ("unsure", 4, 9)
    assert 0.5 - 0.45 < UNSURE_MARGIN
    odd = judge(probabilities(d8=0.99), not_digit_score=0.95, threshold=0.9)
    assert (odd.kind, odd.digit) == ("not_a_digit", 8)  # the top digit is still given
    assert judge(probabilities(d8=0.99), None, None).kind == "digit"  # no checker: the model alone
    assert odd.to_dict() == {"verdict": "not_a_digit", "digit": 8, "runner_up": None}


def canvas_with(draw_on) -> np.ndarray:
    image = Image.new("L", (280, 280), 255)
    draw_on(ImageDraw.Draw(image))
    return np.asarray(image)


@pytest.fixture(scope="module")
def ready():
    from desktop_app.core.inference import Predictor
    from desktop_app.core.modelio import load_model

    return Predictor(load_model(resource_path("ready_model.keras")).model)


def test_a_filled_block_and_a_dot_are_not_digits(ready):
    block = preprocess_image(canvas_with(lambda draw: draw.rectangle((60, 50, 220, 230), fill=0)))
    dot = preprocess_image(canvas_with(lambda draw: draw.ellipse((130, 130, 142, 142), fill=0)))
    for image in (block, dot):
        verdict = verdict_for(image, ready.predict(image))
        assert verdict.kind == "not_a_digit" and 0 <= verdict.digit <= 9


def test_at_least_99_percent_of_mnist_test_digits_keep_the_verdict_digit(ready, mnist):
    images = mnist.x_test
    probabilities = ready.predict_batch(images)
    verdicts = shared_checker().verdicts(images, probabilities)
    assert sum(verdict.kind == "digit" for verdict in verdicts) >= 0.99 * len(images)


def test_an_empty_drawing_is_empty_not_a_guess():
    with pytest.raises(EmptyDrawingError):
        preprocess_image(np.full((280, 280), 255, np.uint8))


@pytest.mark.parametrize("pen", [10, 18, 28])
def test_the_ready_made_model_reads_a_drawn_digit_of_each_class(ready, pen):
    for digit in range(10):
        image = preprocess_image(drawn_digit(digit, pen))  # one stroke of a round pen, as on the canvas
        verdict = verdict_for(image, ready.predict(image))
        assert (verdict.digit, verdict.kind) == (digit, "digit")


def test_the_ready_made_model_is_small_and_opens_in_safe_mode():
    from desktop_app.core.modelio import load_model

    path = resource_path("ready_model.keras")
    assert path.stat().st_size <= 1 << 20
    loaded = load_model(path)  # safe mode, checked like any file
    assert loaded.metadata.preset == "batchnorm-cnn" and len(loaded.metadata.history["loss"]) == 5


def test_a_ten_class_model_from_before_gets_a_verdict(tiny_result, mnist):
    from desktop_app.core.inference import Predictor

    predictor = Predictor(tiny_result.model)  # any ten-class model: the checker does not depend on it
    image = mnist.x_test[0][..., None].astype(np.float32) / 255
    verdict = verdict_for(image, predictor.predict(image))
    assert verdict.kind in ("digit", "unsure", "not_a_digit") and verdict.digit == int(
        predictor.predict(image).argmax())


def test_a_checker_file_without_a_threshold_is_refused(tmp_path):
    import keras

    from desktop_app.core.errors import ModelFileError
    from desktop_app.core.modelio import save_model

    model = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(),
                              keras.layers.Dense(1, activation="sigmoid")])
    path = save_model(model, tmp_path / "checker.keras")
    with pytest.raises(ModelFileError, match="carries no threshold"):
        DigitChecker.load(path)
