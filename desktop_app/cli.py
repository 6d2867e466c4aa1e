"""`digit-lab`: with no arguments the GUI; sub-commands train, evaluate, predict, inspect, export, layers,
devices, self-test.

`digit-lab MODEL.keras` (what a file manager runs for a double-clicked model) opens the window with it.

TensorFlow is imported inside the commands that need it, so `digit-lab --help` answers at once.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from desktop_app import __version__
from desktop_app.core.config_fields import FIELD_DEFAULT, cli_fields
from desktop_app.core.errors import DigitLabError
from desktop_app.core.output_paths import check_output_file, check_output_folder
from desktop_app.core.safe_files import require_regular_file
# Each command that needs TensorFlow imports it through this first: quietly (its C++ start-up chatter is
# noise for a user) and with GPU memory growth on. The module itself is cheap; TensorFlow loads on the call.
from desktop_app.core.tensorflow_runtime import import_tensorflow
from desktop_app.core.training import TrainConfig, TrainingObserver
from desktop_app.progress_bar import ProgressBar

log = logging.getLogger("desktop_app")


def _emit_json(payload) -> None:
    json.dump(payload, sys.stdout, indent=2)
    sys.stdout.write("\n")


class _CliProgress(TrainingObserver):
    """Prints a progress bar per epoch and the epoch figures, on stderr (stdout stays for --json)."""

    def __init__(self) -> None:
        from desktop_app.core.timelapse import TimelapseRecorder

        self.bar = None
        self.timelapse = TimelapseRecorder()  # saved in the model file: `inspect --snapshot` reads it

    def wants_weights(self, epoch: int, step: int) -> bool:
        return self.timelapse.wants(epoch, step)

    def on_weights(self, progress, weights) -> None:
        self.timelapse.add_progress(progress, weights)

    def on_message(self, text: str) -> None:
        print(text, file=sys.stderr)

    def on_train_begin(self, plan) -> None:
        self.timelapse.begin(plan.initial_epoch, plan.steps_per_epoch)
        print(f"Training on {plan.train_samples} images ({plan.validation_samples} held out for "
              f"validation) on {plan.device}.", file=sys.stderr)

    def on_batch_end(self, progress) -> None:
        if self.bar is None:
            self.bar = ProgressBar(f"epoch {progress.epoch + 1}")
        self.bar.update(progress.step, progress.steps, f"loss {progress.loss:.4f} acc {progress.accuracy:.4f}")

    def on_epoch_end(self, record, model) -> None:
        self.timelapse.add_epoch(record, model.get_weights())
        figures = " ".join(f"{key} {value:.4f}" for key, value in record.metrics.items())
        line = f"epoch {record.epoch + 1}: {figures} ({record.seconds:.1f}s)"
        if self.bar is not None:
            self.bar.finish(line)
        else:
            print(line, file=sys.stderr)
        self.bar = None

    def on_finished(self, result) -> None:
        if self.bar is not None:  # an epoch cut short (diverged, failed): clear its bar for the last line
            self.bar.finish()
            self.bar = None


class _StoreNoted(argparse.Action):
    """argparse's plain store that also notes the flag in `args.given`, to tell a flag the user typed from
    its default (--resume warns about an explicit --preset only)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        setattr(namespace, self.dest, values)
        namespace.given = {*namespace.given, self.dest}


def add_config_flags(parser: argparse.ArgumentParser, config_class: type[TrainConfig] = TrainConfig) -> None:
    """One flag per field of `config_class` that has one (see core.config_fields); the parsed value lands
    under the field's name."""
    for item in cli_fields(config_class):
        setting = item.setting
        default = item.default if setting.flag_default is FIELD_DEFAULT else setting.flag_default
        options = {"dest": item.name, "default": default, "help": setting.help}
        if item.type is bool:  # on by default: --no-FLAG turns it off; off by default: FLAG turns it on
            options["action"] = argparse.BooleanOptionalAction if item.default else "store_true"
        else:
            options.update(action=_StoreNoted, type=item.type, metavar=setting.metavar,
                           choices=item.choice_values or None)
        parser.add_argument(setting.flag, **options)
    parser.set_defaults(given=frozenset())


def config_from_args(args: argparse.Namespace, config_class: type[TrainConfig] = TrainConfig) -> TrainConfig:
    """The config the flags describe; a flag left at None (not given) keeps its field's default."""
    values = {item.name: getattr(args, item.name) for item in cli_fields(config_class)}
    return config_class(**{name: value for name, value in values.items() if value is not None})


def _keep_loaded_architecture(args: argparse.Namespace, config: TrainConfig, preset: str,
                              layers: str = "") -> TrainConfig:
    """A continued model keeps its own architecture (`preset`, "" for a model from elsewhere, or its own
    `layers`) whatever --preset or --layers say, and the saved config says so too."""
    for flag, given, kept in (("preset", args.preset, preset), ("layers", getattr(args, "layers", ""), layers)):
        if flag in args.given and given != kept:
            shown = kept or ("its own layers" if flag == "preset" and layers else "not a Digit Lab preset"
                             if flag == "preset" else "the preset's layers")
            value = given if flag == "preset" else f'"{given}"'
            print(f"digit-lab: warning: --resume keeps the loaded model's architecture ({shown}); "
                  f"--{flag} {value} is ignored.", file=sys.stderr)
    return dataclasses.replace(config, preset=preset, layers=layers)


def _open_model(path: str | Path):
    """Load a model file (checked, safe mode); what was odd but harmless in it is said on stderr."""
    from desktop_app.core.modelio import load_model

    loaded = load_model(path)
    for warning in loaded.warnings:
        print(f"digit-lab: warning: {path}: {warning}.", file=sys.stderr)
    return loaded


def _train(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    config.check()
    out = check_output_file(args.out, suffix=".keras")  # before the work: a run is never lost at the end
    if config.checkpoint_path:
        check_output_file(config.checkpoint_path)
    import_tensorflow()
    from desktop_app.core.data import load_dataset
    from desktop_app.core.modelio import save_model
    from desktop_app.core.training import run_metadata, train

    if args.fine_tune:
        return _fine_tune(args, config, out)
    model, history = None, None
    if args.resume:
        loaded = _open_model(args.resume)
        model, history = loaded.model, loaded.metadata.history
        saved_layers = loaded.metadata.config.get("layers", "")
        config = _keep_loaded_architecture(args, config, loaded.metadata.preset,
                                           saved_layers if isinstance(saved_layers, str) else "")
    dataset = load_dataset(config.data)
    if not dataset.has_test_set and args.mix_mnist:  # a folder of images: keep MNIST in view
        from desktop_app.core.fine_tuning import mix_with_mnist

        dataset = mix_with_mnist(dataset, load_dataset(), mnist_images=args.mix_mnist, repeat=1,
                                 seed=config.seed)

    stop_event = threading.Event()

    def ask_to_stop(signum, frame) -> None:  # first Ctrl-C: stop at the next batch and still save
        if stop_event.is_set():
            raise KeyboardInterrupt
        stop_event.set()
        print("\nStopping at the next batch (Ctrl-C again to abort without saving)…", file=sys.stderr)

    previous_handler = signal.signal(signal.SIGINT, ask_to_stop)
    try:
        progress = _CliProgress()
        result = train(config, progress, stop_event, model=model, dataset=dataset, history=history)
    finally:
        signal.signal(signal.SIGINT, previous_handler)
    if result.epochs_completed == 0:
        return _report_nothing_saved(args, result, out)
    saved = save_model(result.model, out, run_metadata(config, result.history, dataset.name),
                       progress.timelapse.timelapse)
    summary = {"status": result.status, "reason": result.reason, "model": str(saved),
               "epochs": result.epochs_completed, "seconds": round(result.seconds, 2),
               "device": result.device, "metrics": result.final_metrics}
    if args.json:
        _emit_json(summary)
    else:
        figures = ", ".join(f"{key} {value:.4f}" for key, value in result.final_metrics.items())
        print(f"{result.reason} {figures}\nSaved {saved}")
    return 0 if result.status != "failed" else 1


def _report_nothing_saved(args: argparse.Namespace, result, out: Path) -> int:
    """No epoch of the run ended well (diverged, failed or stopped before the first batch): its model is
    no better than the one it started from, so it never replaces a file that may hold a good model."""
    kept = "is unchanged" if out.exists() else "was not written"
    if args.json:
        _emit_json({"status": result.status, "reason": result.reason, "model": None, "epochs": 0,
                    "seconds": round(result.seconds, 2), "device": result.device, "metrics": {}})
    print(f"digit-lab: error: {result.reason} Nothing was saved: {out} {kept}.", file=sys.stderr)
    return 1


def _fine_tune(args: argparse.Namespace, config: TrainConfig, out: Path) -> int:
    """`train --fine-tune MODEL --data FOLDER`: learn a person's hand, mixed with MNIST, and report."""
    from desktop_app.core.data import load_dataset
    from desktop_app.core.fine_tuning import fine_tune, fine_tune_config
    from desktop_app.core.modelio import save_model
    from desktop_app.core.training import run_metadata

    if not args.data:
        raise DigitLabError("--fine-tune needs --data FOLDER: a folder with sub-folders 0-9 of your drawings.")
    loaded = _open_model(args.fine_tune)
    personal = load_dataset(args.data)
    tuning = fine_tune_config(device=config.device, seed=config.seed, augment=config.augment,
                              **({"epochs": args.epochs} if args.epochs is not None else {}))
    report = fine_tune(loaded.model, personal, load_dataset(), tuning, _CliProgress(),
                       history=loaded.metadata.history)
    if report.result.epochs_completed == 0:
        return _report_nothing_saved(args, report.result, out)
    saved = save_model(loaded.model, out, run_metadata(
        tuning, report.result.history, f"{loaded.metadata.dataset} + {personal.name}",
        architecture=loaded.metadata.preset))
    summary = {**report.to_dict(), "model": str(saved)}
    if args.json:
        _emit_json(summary)
    else:
        print(f"Your handwriting (held-out {report.holdout_size} drawings): "
              f"{report.personal_before:.1%} → {report.personal_after:.1%}")
        print(f"MNIST test set: {report.mnist_before:.2%} → {report.mnist_after:.2%}\nSaved {saved}")
    return 0 if report.result.status != "failed" else 1


def _evaluate(args: argparse.Namespace) -> int:
    if args.out:
        check_output_folder(args.out)  # before the work, which takes a while on a big model
    import_tensorflow()
    from desktop_app.core.data import load_dataset
    from desktop_app.core.evaluation import evaluate

    loaded = _open_model(args.model)
    dataset = load_dataset(args.data)
    images, labels = ((dataset.x_test, dataset.y_test) if dataset.has_test_set
                      else (dataset.x_train, dataset.y_train))
    if args.limit:
        images, labels = images[:args.limit], labels[:args.limit]
    bar = ProgressBar("evaluating")
    report = evaluate(loaded.model, images, labels, mistakes=args.mistakes, progress=bar.update, verdicts=True)
    bar.finish()
    written = _write_evaluation_files(report, images, Path(args.out)) if args.out else []
    if args.json:
        _emit_json({"model": str(loaded.path), "dataset": dataset.name, **report.to_dict(),
                    "files": [str(path) for path in written]})
        return 0
    for path in written:
        print(f"wrote {path}")
    print(f"{loaded.path} on {dataset.name} ({report.samples} images)")
    print(f"accuracy {report.accuracy:.4f}  loss {report.loss:.4f}")
    print(f"not given the verdict 'digit': {report.not_given_digit()} of {report.samples} "
          f"({report.verdicts['unsure']} unsure, {report.verdicts['not_a_digit']} not a digit)")
    print("per-class accuracy: " + "  ".join(f"{d}:{a:.3f}" for d, a in enumerate(report.per_class_accuracy)))
    print("confusion matrix (rows true, columns predicted):")
    print("      " + "".join(f"{d:>6}" for d in range(10)))
    for digit, row in enumerate(report.confusion):
        print(f"{digit:>6}" + "".join(f"{count:>6}" for count in row))
    return 0


def _write_evaluation_files(report, images, folder: Path) -> list[Path]:
    from desktop_app.core import report_files

    folder.mkdir(parents=True, exist_ok=True)
    return [report_files.write_confusion_png(report, folder / "confusion.png"),
            report_files.write_confusion_csv(report, folder / "confusion.csv"),
            report_files.write_mistakes_png(report, images, folder / "mistakes.png"),
            report_files.write_mistakes_csv(report, folder / "mistakes.csv")]


def _inspect(args: argparse.Namespace) -> int:
    out = check_output_folder(args.out)  # before the work, which takes a while on a big model
    import_tensorflow()
    from desktop_app.core import inspection, report_files
    from desktop_app.core.inference import Predictor
    from desktop_app.core.image_files import load_image_file
    from desktop_app.core.preprocess import preprocess_image

    loaded = _open_model(args.model)
    model = loaded.model
    moment = None
    if args.snapshot is not None:
        timelapse = loaded.timelapse
        if timelapse is None or not len(timelapse):
            raise DigitLabError(f"{args.model} has no training time-lapse (models trained by Digit Lab before "
                                "the time-lapse, or saved from elsewhere, have none); leave --snapshot out.")
        if not -len(timelapse) <= args.snapshot < len(timelapse):
            raise DigitLabError(f"--snapshot {args.snapshot} is out of range: {args.model} keeps snapshots "
                                f"0 to {len(timelapse) - 1} (see `digit-lab inspect --json`).")
        moment = timelapse[args.snapshot]
        model.set_weights(moment.float_weights())  # this process's own copy of the file's model
    image = preprocess_image(load_image_file(args.image))
    out.mkdir(parents=True, exist_ok=True)
    probabilities = Predictor(model).predict(image)
    written = [report_files.write_grid_png(image[..., 0], out / "input.png", scale=10)]
    extractor = inspection.FeatureMapExtractor(model)
    for info, maps in zip(extractor.layers, extractor(image)):
        grid = inspection.tile_images(inspection.feature_map_tiles(maps))
        written.append(report_files.write_grid_png(grid, out / f"feature-maps-{info.name}.png"))
    filters = inspection.first_layer_filters(model)
    if filters is None:
        filters = inspection.first_dense_weights(model)
    if filters is not None:
        written.append(report_files.write_grid_png(inspection.tile_images(filters), out / "filters.png"))
    saliency, _ = inspection.saliency_map(model, image)
    written.append(report_files.write_grid_png(saliency, out / "saliency.png", scale=10))
    summary = {"image": args.image, "digit": int(probabilities.argmax()),
               "probabilities": [round(float(p), 6) for p in probabilities],
               "layers": [info.label for info in extractor.layers], "files": [str(p) for p in written],
               "snapshot": None if moment is None else {"index": args.snapshot, "epoch": round(moment.epoch, 4),
                                                          "accuracy": moment.accuracy()},
               "snapshots": loaded.timelapse.summary() if loaded.timelapse is not None else []}
    if args.json:
        _emit_json(summary)
    else:
        if moment is not None:
            print(f"Snapshot {args.snapshot}: {moment.label()}")
        print(f"{args.image}: {summary['digit']} ({probabilities.max():.1%})")
        if not extractor.layers:
            print("This model has no convolution layers; filters.png shows its first dense layer's weights.")
        for path in written:
            print(f"wrote {path}")
    return 0


def _embed(args: argparse.Namespace) -> int:
    """The digit map: the first --limit MNIST test digits placed in 2-D by the layer before the classifier
    (PCA; t-SNE starts from the PCA map; UMAP only with the optional umap-learn)."""
    from desktop_app.core import embedding

    if args.limit is not None and args.limit < 1:
        raise ValueError(f"--limit must be at least 1 (got {args.limit}).")
    embedding.check_method(args.method)  # UMAP without umap-learn: one line, before the work
    out = check_output_folder(args.out)  # before the work
    import_tensorflow()
    from desktop_app.core import report_files
    from desktop_app.core.data import load_dataset

    loaded = _open_model(args.model)
    dataset = load_dataset(args.data)
    images, labels = ((dataset.x_test, dataset.y_test) if dataset.has_test_set
                      else (dataset.x_train, dataset.y_train))
    bar = ProgressBar(embedding.METHOD_NAMES[args.method]) if args.method == "tsne" else None
    digit_map = embedding.digit_map(loaded.model, images, labels, args.limit, args.method,
                                    progress=(lambda share: bar.update(round(share * 100), 100)) if bar else None)
    if bar is not None:
        bar.finish()
    out.mkdir(parents=True, exist_ok=True)
    written = [report_files.write_map_png(digit_map, out / "map.png"),
               report_files.write_map_csv(digit_map, out / "map.csv")]
    separation = embedding.neighbour_accuracy(digit_map.points, digit_map.labels)
    if args.json:
        _emit_json({"model": str(loaded.path), "dataset": dataset.name, "method": digit_map.method,
                    "digits": len(digit_map.points), "mistakes": int(digit_map.mistakes.sum()),
                    "knn_accuracy": round(separation, 4), "files": [str(path) for path in written]})
        return 0
    print(f"{loaded.path}: {len(digit_map.points)} {dataset.name} digits on a {digit_map.method_name} map, "
          f"{int(digit_map.mistakes.sum())} read wrongly")
    print(f"5-nearest-neighbour accuracy on held-out map points: {separation:.1%}")
    for path in written:
        print(f"wrote {path}")
    return 0


def _predict(args: argparse.Namespace) -> int:
    import_tensorflow()
    from desktop_app.core.errors import EmptyDrawingError
    from desktop_app.core.image_files import load_image_file
    from desktop_app.core.inference import Predictor
    from desktop_app.core.preprocess import preprocess_image
    from desktop_app.core.verdict import verdict_for

    predictor = Predictor(_open_model(args.model).model)
    rows, failed = [], 0
    for name in args.images:
        try:
            image = preprocess_image(load_image_file(name))
            probabilities = predictor.predict(image)
            verdict = verdict_for(image, probabilities)
            rows.append({"file": name, "digit": verdict.digit, "verdict": verdict.kind,
                         "probabilities": [round(float(p), 6) for p in probabilities]})
        except EmptyDrawingError:  # an answer, not a failure: nothing is drawn
            rows.append({"file": name, "digit": None, "verdict": "empty", "probabilities": None})
        # One unreadable file is answered on its own line; the other files are still read.
        except (DigitLabError, OSError, ValueError) as error:
            failed += 1
            rows.append({"file": name, "digit": None, "verdict": None, "probabilities": None, "error": str(error)})
    if args.json:
        _emit_json(rows)
    else:
        for row in rows:
            print(f"{row['file']}: {_predict_line(row)}")
    return 1 if failed else 0


def _predict_line(row: dict) -> str:
    if "error" in row:
        return row["error"]
    if row["verdict"] == "empty":
        return "empty (nothing is drawn)"
    answer = f"{row['digit']} ({max(row['probabilities']):.1%})"
    if row["verdict"] == "not_a_digit":
        return f"not a digit (the model's best guess: {answer})"
    if row["verdict"] == "unsure":
        runner_up = sorted(range(10), key=row["probabilities"].__getitem__)[-2]
        return f"unsure: {answer}, or {runner_up}"
    return answer


def _export(args: argparse.Namespace) -> int:
    """`export MODEL.keras --format onnx|tflite|saved_model --out PATH`: write the export, then prove it
    computes the model's answers (core.export_check); exit 1 when the check fails (the file is kept)."""
    from desktop_app.core.export import check_export_target, require_format

    require_format(args.format)  # an unknown format, or ONNX without its packages: one line, before the work
    require_regular_file(args.model, DigitLabError)
    target = check_export_target(args.out, args.format)
    import_tensorflow()
    from desktop_app.core.export import export_model
    from desktop_app.core.export_check import verify_export

    model = _open_model(args.model).model
    # The TFLite converter prints the temporary SavedModel it made (gone by then) on stdout: noise, and
    # stdout stays for --json
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            written = export_model(model, target, args.format)
        except DigitLabError:
            raise
        except Exception as error:
            print(f"digit-lab: error: could not export {args.model} to {target}: "
                  f"{str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__}",
                  file=sys.stderr)
            return 1
        check = verify_export(model, written, args.format)
    if args.json:
        _emit_json(check.to_dict())
    elif check.passed:
        print(f"Exported {written} ({check.bytes:,} bytes).\n{check.verdict()}")
    else:
        print(f"Exported {written} ({check.bytes:,} bytes).")
    if not check.passed:
        print(f"digit-lab: error: {check.verdict()}", file=sys.stderr)
    return 0 if check.passed else 1


def _layers(args: argparse.Namespace) -> int:
    from desktop_app.core.architecture import Architecture
    from desktop_app.core.models import get_preset

    if (args.text is None) == (args.preset is None):
        raise DigitLabError("give the layers as one quoted text, or --preset NAME (one of the two).")
    try:
        architecture = get_preset(args.preset).architecture() if args.preset else Architecture.from_text(args.text)
    except ValueError as error:  # an unknown preset
        raise DigitLabError(str(error)) from None
    reports = architecture.analyse()
    total = sum(report.parameters for report in reports)
    if args.json:
        _emit_json({"parameters": total, "layers": [
            {"kind": report.layer.kind if report.layer else "output", "label": report.label,
             "output_shape": list(report.output_shape), "parameters": report.parameters} for report in reports]})
        return 0
    print(f"{'layer':36s} {'output shape':>14s} {'parameters':>12s}")
    print(f"{'input':36s} {'28×28×1':>14s} {0:>12,}")
    for report in reports:
        print(f"{report.label:36s} {'×'.join(map(str, report.output_shape)):>14s} {report.parameters:>12,}")
    print(f"{'total':36s} {'':>14s} {total:>12,}")
    return 0


def _devices(args: argparse.Namespace) -> int:
    import_tensorflow()
    from desktop_app.core.devices import list_devices, why_no_gpu

    devices = list_devices()
    if args.json:
        _emit_json([vars(device) for device in devices])
        return 0
    for device in devices:
        print(f"{device.id:<8} {device.description}")
    if not any(device.kind == "GPU" for device in devices):
        print(f"(no GPU: {why_no_gpu()})")
    return 0


def _start_gui(argv: list[str]) -> int:
    try:
        from desktop_app.gui.app import run_gui
    except ImportError as error:
        raise DigitLabError(f"the desktop window cannot start: {error}") from error
    return run_gui(argv)


def _looks_like_a_path(argument: str) -> bool:
    """A first argument that is neither an option nor a command but names a file: it holds a folder
    separator or a dot, or a file of that name exists. A mistyped command ("trian") is none of these
    and still gets argparse's list of commands."""
    if not argument or argument.startswith("-"):
        return False
    separators = {"/", os.sep, os.altsep or "/"}
    return any(mark in argument for mark in separators) or "." in argument or os.path.lexists(argument)


def _checked_model_file(argument: str) -> str:
    """The absolute path of the model file `digit-lab PATH` opens; a DigitLabError naming it when it is
    missing, not a regular file, not a .keras file or unreadable. Nothing is opened here: Qt and
    TensorFlow start only for a file that passes."""
    path = require_regular_file(argument, DigitLabError)
    if path.suffix.lower() != ".keras":
        raise DigitLabError(f"{argument}: not a Keras model file; Digit Lab opens .keras files.")
    if not os.access(path, os.R_OK):
        raise DigitLabError(f"{argument}: cannot read the file (permission denied).")
    return os.path.abspath(path)


def _open_in_window(argv: list[str]) -> int:
    """`digit-lab MODEL.keras`: the window, opening that model as soon as TensorFlow has loaded."""
    try:
        if len(argv) > 1:
            raise DigitLabError(f"{argv[1]}: unexpected after {argv[0]}; Digit Lab opens one model file at a time.")
        path = _checked_model_file(argv[0])
    except DigitLabError as error:
        print(f"digit-lab: error: {error}", file=sys.stderr)
        return 2
    try:
        return _start_gui([sys.argv[0] if sys.argv else "digit-lab", path])
    except DigitLabError as error:
        print(f"digit-lab: error: {error}", file=sys.stderr)
        return 1


def _self_test(args: argparse.Namespace) -> int:
    from desktop_app.gui.self_test import run_self_test

    return run_self_test([sys.argv[0]])


def build_parser(config_class: type[TrainConfig] = TrainConfig) -> argparse.ArgumentParser:
    """The `digit-lab` parser; `train`'s hyper-parameter flags come from `config_class`'s fields."""
    parser = argparse.ArgumentParser(
        prog="digit-lab",
        description="Train a convolutional network on handwritten digits and read your own. "
                    "With no command, opens the desktop window; digit-lab MODEL.keras opens it with that model.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    train = commands.add_parser("train", help="train a model and save it",
                                description="Train a model on the embedded MNIST (or --data) and save it. "
                                            "Ctrl-C stops at the next batch and still saves.")
    add_config_flags(train, config_class)
    train.add_argument("--fine-tune", default=None, metavar="MODEL.keras",
                       help="teach this model the handwriting in --data FOLDER (mixed with MNIST, "
                            "augmented); prints accuracy before and after")
    train.add_argument("--mix-mnist", type=int, default=3000, metavar="N",
                       help="with --data FOLDER of images: mix in N MNIST images so the model keeps "
                            "reading MNIST (default %(default)s; 0: the folder alone)")
    train.add_argument("--resume", default=None, metavar="MODEL.keras",
                       help="continue training this model (its optimizer state and history kept)")
    train.add_argument("--out", required=True, metavar="MODEL.keras", help="where to save the model")
    train.add_argument("--json", action="store_true", help="print the result as JSON on stdout")
    train.set_defaults(handler=_train)

    evaluate = commands.add_parser("evaluate", help="accuracy, loss, per-class accuracy, confusion matrix",
                                   description="Evaluate a model on the MNIST test set (or --data).")
    evaluate.add_argument("model", metavar="MODEL.keras")
    evaluate.add_argument("--data", default=None, metavar="PATH", help="default: the embedded MNIST test set")
    evaluate.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N test images")
    evaluate.add_argument("--mistakes", type=int, default=10, metavar="N",
                          help="list the N most confident mistakes (default %(default)s)")
    evaluate.add_argument("--out", default=None, metavar="DIR",
                          help="write confusion.png/.csv and mistakes.png/.csv to DIR")
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON on stdout")
    evaluate.set_defaults(handler=_evaluate)

    predict = commands.add_parser("predict", help="read digits from image files",
                                  description="Predict the digit in each image file, through the same "
                                              "preprocessing as the drawing canvas.")
    predict.add_argument("model", metavar="MODEL.keras")
    predict.add_argument("images", nargs="+", metavar="IMAGE")
    predict.add_argument("--json", action="store_true",
                         help="print a list of {file, digit, probabilities} on stdout")
    predict.set_defaults(handler=_predict)

    inspect = commands.add_parser("inspect", help="feature maps, filters and saliency for one image",
                                  description="Write PNG grids of what each convolution layer sees in IMAGE, "
                                              "the first layer's filters and a saliency map.")
    inspect.add_argument("model", metavar="MODEL.keras")
    inspect.add_argument("image", metavar="IMAGE")
    inspect.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    inspect.add_argument("--json", action="store_true", help="print the result as JSON on stdout, with the "
                         "saved time-lapse's snapshots (index, epoch fraction, accuracy)")
    inspect.add_argument("--snapshot", type=int, metavar="K", default=None,
                         help="show the network as it was at snapshot K of the last run's time-lapse saved "
                              "in the model (0: the start; -1: the last)")
    inspect.set_defaults(handler=_inspect)

    embed = commands.add_parser(
        "embed", help="a map of how the network sorts digits (map.png, map.csv)",
        description="Place MNIST test digits on a 2-D map by what the layer before the classifier makes of them "
                    "(PCA, or t-SNE started from the PCA map), and write map.png (coloured by true digit, "
                    "mistakes ringed) and map.csv (index, true_label, predicted_label, x, y) to DIR.")
    embed.add_argument("model", metavar="MODEL.keras")
    embed.add_argument("--out", required=True, metavar="DIR", help="folder for map.png and map.csv")
    embed.add_argument("--method", default="pca", choices=["pca", "tsne", "umap"],
                       help="the projection (default %(default)s): pca is immediate; tsne (built in, exact: about 7 s "
                            "for 2,000 digits on 2 cores) separates the classes more; umap needs the optional "
                            "package umap-learn")
    embed.add_argument("--limit", type=int, default=2000, metavar="N",
                       help="the first N test digits (default %(default)s)")
    embed.add_argument("--data", default=None, metavar="PATH", help="default: the embedded MNIST test set")
    embed.add_argument("--json", action="store_true",
                       help="print {model, dataset, method, digits, mistakes, knn_accuracy, files} on stdout")
    embed.set_defaults(handler=_embed)

    export = commands.add_parser(
        "export", help="export a model as ONNX, TensorFlow Lite or a SavedModel, and check it",
        description="Write MODEL.keras as an ONNX file, a TensorFlow Lite file or a TensorFlow SavedModel "
                    "folder, then open it with its own runtime (onnxruntime, the LiteRT interpreter, "
                    "TensorFlow) and run it on 200 MNIST test digits: it must give the model's probabilities "
                    "(within 1e-4) and the same top digit for every one, or the command exits 1 (the file "
                    "is kept). ONNX needs pip install \"digit-lab[export]\".")
    export.add_argument("model", metavar="MODEL.keras")
    export.add_argument("--format", required=True, metavar="{onnx,tflite,saved_model}",
                        help="onnx (.onnx file), tflite (.tflite file) or saved_model (a folder)")
    export.add_argument("--out", required=True, metavar="PATH",
                        help="the file (.onnx or .tflite added when missing) or the SavedModel folder; an "
                             "existing one is replaced only once the new export is complete")
    export.add_argument("--json", action="store_true",
                        help="print {format, path, bytes, max_abs_diff, top_digit_agreement, passed, …} on stdout")
    export.set_defaults(handler=_export)

    layers = commands.add_parser(
        "layers", help="a network's layers, output shapes and parameters, without training",
        description="Print the layers of a network, each output shape and parameter count, in well under a "
                    "second (TensorFlow is not loaded). Give your own layers as one quoted text, e.g. "
                    "\"conv 32 5, pool, flatten, dense 128\", or --preset NAME. The output Dense 10 softmax "
                    "is added, as training adds it.")
    layers.add_argument("text", nargs="?", default=None, metavar="LAYERS",
                        help="layers separated by commas: conv FILTERS KERNEL [stride= padding=same|valid "
                             "activation= bias=yes|no], pool [SIZE], avgpool [SIZE], batchnorm [momentum=], "
                             "dropout RATE, flatten, gap, dense UNITS [activation=], activation NAME")
    layers.add_argument("--preset", default=None, help="a preset's layers instead")
    layers.add_argument("--json", action="store_true", help="print the table as JSON on stdout")
    layers.set_defaults(handler=_layers)
    devices = commands.add_parser("devices", help="the devices TensorFlow sees")
    devices.add_argument("--json", action="store_true", help="print the devices as JSON on stdout")
    devices.set_defaults(handler=_devices)

    self_test = commands.add_parser("self-test", help="check that the desktop app works (offscreen)",
                                    description="Open the window offscreen, train a tiny model, draw a "
                                                "digit, save and reopen it; exit 0 when all works.")
    self_test.set_defaults(handler=_self_test)
    parser.command_names = frozenset(commands.choices)  # `main` tells a command from a model file with it
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    if not argv:
        try:
            return _start_gui([sys.argv[0]])
        except DigitLabError as error:
            print(f"digit-lab: error: {error}", file=sys.stderr)
            return 1
    parser = build_parser()
    if argv[0] not in parser.command_names and _looks_like_a_path(argv[0]):
        return _open_in_window(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except (DigitLabError, ValueError) as error:
        print(f"digit-lab: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("digit-lab: interrupted", file=sys.stderr)
        return 130
