"""Digit Lab's default preset with its default settings, through core.training.train (as the CLI and GUI
call it). Prints one JSON line: training wall time and MNIST test accuracy; saves the model if asked."""

import argparse
import json
import time

from desktop_app.core.tensorflow_runtime import import_tensorflow

import_tensorflow()
from desktop_app.core.data import load_dataset  # noqa: E402
from desktop_app.core.evaluation import evaluate  # noqa: E402
from desktop_app.core.modelio import ModelMetadata, save_model  # noqa: E402
from desktop_app.core.training import TrainConfig, train  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--seed", type=int, default=42)
parser.add_argument("--save", default=None)
args = parser.parse_args()

dataset = load_dataset()
config = TrainConfig(seed=args.seed, device="cpu")
started = time.perf_counter()
result = train(config, dataset=dataset)
seconds = time.perf_counter() - started
report = evaluate(result.model, dataset.x_test, dataset.y_test)
if args.save:
    save_model(result.model, args.save, ModelMetadata(preset=config.preset, dataset=dataset.name,
                                                      config=config.to_dict(), history=result.history))
print(json.dumps({"name": f"Digit Lab {config.preset}, {config.epochs} epochs, defaults",
                  "train_seconds": seconds, "test_accuracy": report.accuracy}))
