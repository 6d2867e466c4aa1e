"""Does an export compute the model's answers? Each export is opened again with the runtime a user of its
format would use (onnxruntime for ONNX, the LiteRT / TensorFlow Lite interpreter for .tflite, TensorFlow
for a SavedModel), run on MNIST test digits, and compared with the Keras model's probabilities.

A check that fails keeps the file (the user may want to look at it) but says so plainly: the CLI exits 1,
the window shows a dialog with the figures. The CLI and the window both call `verify_export`.
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from desktop_app.core.texts import QT_TRANSLATE_NOOP

CHECK_SAMPLES = 200  # MNIST test digits run through both the model and its export
# The largest difference from the Keras model's probabilities an export may show. ONNX and SavedModel run
# the same float32 arithmetic (measured: below 1e-6); TFLite's XNNPACK kernels sum in another order and
# are held to the same bound (measured: below 1e-6 as well), with a top digit that must agree everywhere.
TOLERANCES = {"onnx": 1e-4, "saved_model": 1e-4, "tflite": 1e-4}


@dataclass(frozen=True)
class ExportCheck:
    """The outcome of running an export beside the model it came from."""

    format: str
    path: Path
    bytes: int
    runtime: str  # what ran the export, with its version
    samples: int
    tolerance: float
    max_abs_diff: float | None = None  # None when the export could not be run
    agreeing: int = 0  # digits whose top class is the same in the model and the export
    error: str = ""  # why the export could not be run (a corrupt file, a missing runtime…)
    seconds: float = 0.0

    @property
    def top_digit_agreement(self) -> float:
        """The share (0–1) of the digits whose top class the export and the model agree on."""
        return self.agreeing / self.samples if self.samples else 0.0

    @property
    def passed(self) -> bool:
        return (not self.error and self.max_abs_diff is not None and self.max_abs_diff <= self.tolerance
                and self.agreeing == self.samples)

    def to_dict(self) -> dict:
        return {"format": self.format, "path": str(self.path), "bytes": self.bytes,
                "max_abs_diff": self.max_abs_diff, "top_digit_agreement": self.top_digit_agreement,
                "passed": self.passed, "samples": self.samples, "agreeing": self.agreeing,
                "tolerance": self.tolerance, "runtime": self.runtime, "error": self.error or None,
                "seconds": round(self.seconds, 2)}

    def figures(self) -> str:
        """The measured figures in one clause, e.g. for the log beside the export's path."""
        if self.error:
            return QT_TRANSLATE_NOOP("export", "{runtime} could not run it: {error}").format(runtime=self.runtime,
                                                                                               error=self.error)
        return QT_TRANSLATE_NOOP(
            "export", "checked with {runtime} on {samples} MNIST test digits: largest difference from the model's "
                      "probabilities {difference:.1e} (allowed {tolerance:.0e}), top digit agrees on {agreeing} of "
                      "{samples}").format(runtime=self.runtime, samples=self.samples, difference=self.max_abs_diff,
                                          tolerance=self.tolerance, agreeing=self.agreeing)

    def verdict(self) -> str:
        """Whole sentences for the user: the outcome, the figures, and on failure what to do."""
        if self.passed:
            return QT_TRANSLATE_NOOP("export", "The export computes the model's answers: {figures}.").format(
                figures=self.figures())
        if self.error:
            return QT_TRANSLATE_NOOP(
                "export", "The export at {path} was written, but it could not be checked: {figures}. The file is "
                          "kept, but do not use it: export again, or choose another format.").format(
                path=self.path, figures=self.figures())
        return QT_TRANSLATE_NOOP(
            "export", "The export at {path} does NOT compute the model's answers: {figures}. The file is kept, but "
                      "do not use it: export again, or choose another format.").format(
            path=self.path, figures=self.figures())


def path_bytes(path: str | Path) -> int:
    """The size of a file, or of all the files in a folder (a SavedModel)."""
    path = Path(path)
    if path.is_dir():
        return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())
    return path.stat().st_size if path.exists() else 0


def check_images(samples: int = CHECK_SAMPLES) -> np.ndarray:
    """The first `samples` MNIST test digits as the models read them: N×28×28×1 float32 in 0–1."""
    from desktop_app.core.data import embedded_mnist

    digits = embedded_mnist().x_test[:samples]
    return (digits.astype(np.float32) / 255.0)[..., None]


def verify_export(model, path: str | Path, kind: str, images: np.ndarray | None = None) -> ExportCheck:
    """Run the export at `path` (of format `kind`) in its runtime on `images` (default: 200 MNIST test
    digits) and compare it with `model`. Never raises for a broken export: the check then fails with
    the reason in `error`."""
    started = time.perf_counter()
    path = Path(path)
    images = check_images() if images is None else np.asarray(images, np.float32).reshape(-1, 28, 28, 1)
    reference = np.asarray(model(images, training=False), np.float32)
    runner = _RUNNERS[kind]
    common = {"format": kind, "path": path, "bytes": path_bytes(path), "samples": len(images),
              "tolerance": TOLERANCES[kind]}
    runtime = runner.name()
    try:
        outputs = np.asarray(runner.run(path, images), np.float32)
        if outputs.shape != reference.shape:
            raise ValueError(f"it answers with shape {outputs.shape}, the model with {reference.shape}")
        if not np.isfinite(outputs).all():
            raise ValueError("some of its answers are not numbers (NaN or infinity)")
    except Exception as error:  # whatever the runtime raises for a file it cannot read
        return ExportCheck(runtime=runtime, error=_first_line(error), seconds=time.perf_counter() - started,
                           **common)
    difference = float(np.abs(outputs - reference).max()) if len(images) else 0.0
    agreeing = int((outputs.argmax(axis=1) == reference.argmax(axis=1)).sum())
    return ExportCheck(runtime=runtime, max_abs_diff=difference, agreeing=agreeing,
                       seconds=time.perf_counter() - started, **common)


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    text = lines[0][:300].rstrip(". ") if lines else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# --- the runtimes -------------------------------------------------------------------------------------

class _OnnxRuntime:
    @staticmethod
    def name() -> str:
        try:
            import onnxruntime
        except ImportError:
            return QT_TRANSLATE_NOOP("export", "onnxruntime (not installed)")
        return f"onnxruntime {onnxruntime.__version__}"

    @staticmethod
    def run(path: Path, images: np.ndarray) -> np.ndarray:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only: its warnings are for model authors
        session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        return session.run(None, {session.get_inputs()[0].name: images})[0]


class _LiteRuntime:
    """LiteRT's interpreter (the ai-edge-litert package, what TensorFlow now points TFLite users to) when
    installed, else TensorFlow's own tf.lite.Interpreter (deprecated in its favour, still in TF 2.21)."""

    @staticmethod
    def _interpreter():
        try:
            from ai_edge_litert.interpreter import Interpreter
        except ImportError:
            import tensorflow as tf

            return tf.lite.Interpreter
        return Interpreter

    @classmethod
    def name(cls) -> str:
        from importlib.metadata import PackageNotFoundError, version

        try:
            from ai_edge_litert.interpreter import Interpreter  # noqa: F401
            return QT_TRANSLATE_NOOP("export", "the LiteRT interpreter (ai-edge-litert {version})").format(
                version=version("ai-edge-litert"))
        except (ImportError, PackageNotFoundError):
            import tensorflow as tf

            return QT_TRANSLATE_NOOP("export", "the TensorFlow Lite interpreter (TensorFlow {version})").format(
                version=tf.__version__)

    @classmethod
    def run(cls, path: Path, images: np.ndarray) -> np.ndarray:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # tf.lite.Interpreter's deprecation notice
            interpreter = cls._interpreter()(model_path=str(path))
        source = interpreter.get_input_details()[0]
        target = interpreter.get_output_details()[0]
        interpreter.resize_tensor_input(source["index"], list(images.shape))
        interpreter.allocate_tensors()
        interpreter.set_tensor(source["index"], images)
        interpreter.invoke()
        return interpreter.get_tensor(target["index"]).copy()


class _SavedModelRuntime:
    @staticmethod
    def name() -> str:
        import tensorflow as tf

        return f"TensorFlow {tf.__version__} (tf.saved_model.load, serving_default)"

    @staticmethod
    def run(path: Path, images: np.ndarray) -> np.ndarray:
        import tensorflow as tf

        loaded = tf.saved_model.load(str(path))
        serve = loaded.signatures["serving_default"]  # what TensorFlow Serving calls
        outputs = serve(tf.constant(images))
        if len(outputs) != 1:
            raise ValueError(f"its serving signature has {len(outputs)} outputs, not 1")
        return next(iter(outputs.values())).numpy()


_RUNNERS = {"onnx": _OnnxRuntime, "tflite": _LiteRuntime, "saved_model": _SavedModelRuntime}
