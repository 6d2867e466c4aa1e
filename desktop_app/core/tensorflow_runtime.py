"""Importing TensorFlow once, without its C++ start-up chatter on the user's terminal.

TensorFlow ≥ 2.20 writes oneDNN and CUDA-probe notices straight to file descriptor 2 during import,
whatever TF_CPP_MIN_LOG_LEVEL says; a user of the CLI should see only Digit Lab's own lines.
"""

from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_tensorflow = None  # the module, once import_tensorflow has set it up


@contextmanager
def native_stderr_silenced():
    """Point file descriptor 2 at /dev/null for the block (Python exceptions still propagate)."""
    try:
        saved = os.dup(2)
    except OSError:  # no real stderr (a windowed app on Windows): nothing to silence
        yield
        return
    try:
        sys.stderr.flush()
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def import_tensorflow():
    """The tensorflow module, imported quietly on first use (thread-safe); Keras uses its backend.

    The set-up (memory growth) runs once even when something else imported TensorFlow first.
    """
    global _tensorflow
    with _lock:
        if _tensorflow is None:
            os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
            os.environ.setdefault("KERAS_BACKEND", "tensorflow")
            # Unless told, TensorFlow runs its oneDNN convolution and pooling kernels only on CPUs with
            # AVX-512 VNNI/BF16 or AMX. On the 2-core AVX2 machine here it printed "oneDNN custom operations
            # are on" and still ran Eigen's (ONEDNN_VERBOSE listed gemm calls only); told, it runs oneDNN's,
            # which halve the CPU time of a batchnorm-cnn training step (47 vs 95 ms for 128 images) and make
            # the default `digit-lab train` 0.6× as long. A value the user set is kept.
            os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "1")
            with native_stderr_silenced():
                import tensorflow
                import keras  # noqa: F401  (loads the backend now, not on the first model)

                _enable_memory_growth(tensorflow)  # probes CUDA, which prints when there is none
            _tensorflow = tensorflow
        return _tensorflow


def _enable_memory_growth(tf) -> None:
    """Let TensorFlow take GPU memory as it needs it rather than all at once; must precede first use."""
    for gpu in tf.config.list_physical_devices("GPU"):
        try:
            tf.config.experimental.set_memory_growth(gpu, True)
        except RuntimeError:  # the GPU was already initialised by someone else: harmless
            pass
