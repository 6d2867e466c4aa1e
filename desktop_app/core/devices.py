"""The devices TensorFlow sees, GPU memory growth, and the scope that runs work on the chosen one."""

from __future__ import annotations

import logging
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.texts import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeviceInfo:
    id: str  # "CPU" or "GPU:n", what the user picks and the CLI's --device takes
    kind: str  # "CPU" or "GPU"
    description: str


def _tf():
    from desktop_app.core.tensorflow_runtime import import_tensorflow

    return import_tensorflow()  # also turns on GPU memory growth before any GPU is used


def list_devices() -> list[DeviceInfo]:
    """The CPU first, then each GPU by its name."""
    tf = _tf()
    devices = [DeviceInfo("CPU", "CPU", f"CPU ({platform.processor() or platform.machine()})")]
    for index, gpu in enumerate(_physical_gpus(tf)):
        try:
            name = tf.config.experimental.get_device_details(gpu).get("device_name", "GPU")
        except Exception:  # details are best-effort; the device works without them
            name = "GPU"
        devices.append(DeviceInfo(f"GPU:{index}", "GPU", f"GPU:{index} ({name})"))
    return devices


def _physical_gpus(tf) -> list:
    """The GPUs TensorFlow lists; the one place that asks, so a test can list GPUs this machine lacks."""
    return tf.config.list_physical_devices("GPU")


def _gpu_failure(tf, device: str) -> str | None:
    """None when a small computation runs on `device` ("/GPU:n"), else one line on what went wrong.

    A listed GPU can still fail at its first use (a driver older than the CUDA libraries, its memory taken
    by another process), and with soft placement TensorFlow would then quietly run everything on the CPU
    while the user is told "GPU"; so the probe also checks where the result really is."""
    try:
        with tf.device(device):
            placed = (tf.constant([1.0]) + 1.0).device
    except Exception as error:  # CUDA reports its failures in several exception types
        text = str(error).strip().splitlines()
        return f"{type(error).__name__}: {text[0] if text else 'no details'}"[:200]
    where = placed.rsplit("device:", 1)[-1]
    return None if where.upper() == device.strip("/").upper() else f"a test computation ran on {where}"


def _working_gpu(tf, index: int) -> tuple[str, str | None]:
    device = f"/GPU:{index}"
    failure = _gpu_failure(tf, device)
    if failure is None:
        return device, None
    return "/CPU:0", QT_TRANSLATE_NOOP("training", "GPU:{index} is listed but does not work ({reason}); training on "
                                                   "the CPU instead.").format(index=index, reason=failure)


def why_no_gpu() -> str:
    """One sentence on why TensorFlow sees no GPU here, for the device selector's tooltip."""
    tf = _tf()
    system = platform.system()
    if getattr(sys, "frozen", False):
        return QT_TRANSLATE_NOOP("training", "The installed Digit Lab is CPU-only. For NVIDIA GPU training on Linux, "
                                             "install it with pip: python -m pip install \"digit-lab[gpu]\" (see the "
                                             "README).")
    if system == "Darwin":
        return QT_TRANSLATE_NOOP("training", "TensorFlow has no GPU support on macOS; training runs on the CPU.")
    if system == "Windows":
        return QT_TRANSLATE_NOOP("training", "TensorFlow ≥ 2.11 has no GPU support on native Windows; use WSL2 for GPU "
                                             "training.")
    if not tf.test.is_built_with_cuda():
        return QT_TRANSLATE_NOOP("training", "This TensorFlow build has no CUDA support; install digit-lab[gpu] for "
                                             "NVIDIA GPUs.")
    return QT_TRANSLATE_NOOP("training", "TensorFlow found no usable NVIDIA GPU (no driver, or the CUDA libraries are "
                                         "missing).")


def resolve_device(requested: str = "auto") -> tuple[str, str | None]:
    """Map "auto", "cpu" or "gpu:N" to a TensorFlow device name, plus a message if it had to fall back
    (to the CPU, when the GPU asked for is missing or fails a first small computation)."""
    tf = _tf()
    wanted = (requested or "auto").strip().upper()
    gpus = _physical_gpus(tf)
    if wanted == "AUTO":
        return _working_gpu(tf, 0) if gpus else ("/CPU:0", None)
    if wanted == "CPU":
        return "/CPU:0", None
    if wanted.startswith("GPU"):
        index_text = wanted[3:].lstrip(":") or "0"
        if not index_text.isdigit():
            raise ValueError(f"unknown device {requested!r}; use cpu, gpu:N or auto")
        index = int(index_text)
        if index < len(gpus):
            return _working_gpu(tf, index)
        missing = (QT_TRANSLATE_NOOP("training", "GPU:{index} does not exist (TensorFlow sees {count} GPU(s)); "
                                                 "training on the CPU instead.") if gpus else
                   QT_TRANSLATE_NOOP("training", "GPU:{index} does not exist (TensorFlow sees no GPU); training on the "
                                                 "CPU instead."))
        return "/CPU:0", missing.format(index=index, count=len(gpus))
    raise ValueError(f"unknown device {requested!r}; use cpu, gpu:N or auto")


# The x86 flags (as /proc/cpuinfo names them) of bfloat16 arithmetic that oneDNN uses for convolutions and
# matrix products; without them TensorFlow emulates bfloat16, several times slower than float32 (measured:
# a batchnorm-cnn step 5× slower on an AVX2 CPU).
BFLOAT16_CPU_FLAGS = ("avx512_bf16", "amx_bf16")
CPUINFO = Path("/proc/cpuinfo")


def cpu_flags() -> frozenset[str]:
    """The processor's feature flags as Linux lists them in /proc/cpuinfo; empty where that file is missing
    (macOS, Windows) or unreadable, so bfloat16 is then never assumed."""
    try:
        text = CPUINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip() == "flags":
            return frozenset(value.split())
    return frozenset()


def bfloat16_support(device: str) -> tuple[bool, str]:
    """(True, what computes it) when `device` (a name from resolve_device) has bfloat16 arithmetic of its own,
    else (False, why not): a CPU with one of BFLOAT16_CPU_FLAGS, a GPU of compute capability 8.0 or newer."""
    name = device.strip("/").upper()
    if name.startswith("GPU"):
        tf = _tf()
        index = int(name.split(":", 1)[1]) if ":" in name else 0
        gpus = _physical_gpus(tf)
        try:
            capability = tf.config.experimental.get_device_details(gpus[index]).get("compute_capability")
        except Exception:  # details are best-effort
            capability = None
        if capability and tuple(capability) >= (8, 0):
            return True, QT_TRANSLATE_NOOP("training", "GPU:{index} (compute capability {capability})").format(
                index=index, capability=f"{capability[0]}.{capability[1]}")
        return False, QT_TRANSLATE_NOOP("training", "GPU:{index} has no bfloat16 arithmetic of its own (compute "
                                                    "capability below 8.0)").format(index=index)
    found = sorted(cpu_flags().intersection(BFLOAT16_CPU_FLAGS))
    if found:
        return True, QT_TRANSLATE_NOOP("training", "the CPU ({flags})").format(flags=", ".join(found))
    return False, QT_TRANSLATE_NOOP("training", "this CPU has no bfloat16 instructions (AVX512-BF16 or AMX-BF16)")


def device_scope(device: str):
    """A context manager that places new ops and variables on `device` (a name from resolve_device)."""
    return _tf().device(device)
