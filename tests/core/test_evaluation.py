import numpy as np
import pytest

from desktop_app.core.evaluation import evaluate, report_from_probabilities


def test_report_figures_on_a_known_example():
    labels = np.array([0, 0, 1, 1, 2])
    probabilities = np.full((5, 10), 0.01)
    for row, (guess, confidence) in enumerate([(0, 0.9), (1, 0.6), (1, 0.8), (1, 0.7), (0, 0.95)]):
        probabilities[row, guess] = confidence
    report = report_from_probabilities(probabilities, labels)
    assert report.accuracy == 3 / 5
    assert report.confusion[0].tolist()[:3] == [1, 1, 0] and report.confusion[2, 0] == 1
    assert report.per_class_accuracy[0] == 0.5 and report.per_class_accuracy[1] == 1.0
    assert np.isnan(report.per_class_accuracy[5])  # no fives in the set
    assert [(m.index, m.true_label, m.predicted_label) for m in report.mistakes] == [(4, 2, 0), (1, 0, 1)]
    assert report.mistakes[0].confidence == 0.95


def test_evaluation_of_a_trained_model_is_consistent(tiny_result, small_mnist):
    report = evaluate(tiny_result.model, small_mnist.x_test, small_mnist.y_test, mistakes=5)
    assert report.confusion.sum() == len(small_mnist.x_test) == report.samples
    assert np.trace(report.confusion) / report.samples == report.accuracy
    assert 0 < report.loss < 3 and len(report.mistakes) == 5
    confidences = [m.confidence for m in report.mistakes]
    assert confidences == sorted(confidences, reverse=True)
    assert all(small_mnist.y_test[m.index] == m.true_label != m.predicted_label for m in report.mistakes)
    as_dict = report.to_dict()
    assert sum(map(sum, as_dict["confusion_matrix"])) == 500 and len(as_dict["per_class_accuracy"]) == 10


def test_cell_examples_list_the_images_of_one_cell():
    from desktop_app.core.evaluation import cell_examples

    labels = np.array([4, 4, 4, 9, 4])
    probabilities = np.full((5, 10), 0.01)
    for row, (guess, confidence) in enumerate([(9, 0.6), (4, 0.9), (9, 0.8), (9, 0.99), (9, 0.7)]):
        probabilities[row, guess] = confidence
    report = report_from_probabilities(probabilities, labels)
    assert report.confusion[4, 9] == 3
    examples = cell_examples(report, labels, 4, 9)
    assert [e.index for e in examples] == [2, 4, 0]  # most confident first
    assert examples[0].confidence == pytest.approx(0.8) and examples[0].true_label == 4 and examples[0].predicted_label == 9
    assert [e.index for e in cell_examples(report, labels, 4, 4)] == [1]
    assert cell_examples(report, labels, 4, 9, limit=1)[0].index == 2
