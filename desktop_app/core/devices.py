"""The devices TensorFlow sees, GPU memory growth, and the scope that runs work on the chosen one."""

from __future__ import annotations

import logging
import platform
import sys
from dataclasses import dataclass

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
    for index, gpu in enumerate(tf.config.list_physical_devices("GPU")):
        try:
            name = tf.config.experimental.get_device_details(gpu).get("device_name", "GPU")
        except Exception:  # details are best-effort; the device works without them
            name = "GPU"
        devices.append(DeviceInfo(f"GPU:{index}", "GPU", f"GPU:{index} ({name})"))
    return devices


def why_no_gpu() -> str:
    """One sentence on why TensorFlow sees no GPU here, for the device selector's tooltip."""
    tf = _tf()
    system = platform.system()
    if getattr(sys, "frozen", False):
        return ("The installed Digit Lab is CPU-only. For NVIDIA GPU training on Linux, install it with pip: "
                "python -m pip install \"digit-lab[gpu]\" (see the README).")
    if system == "Darwin":
        return "TensorFlow has no GPU support on macOS; training runs on the CPU."
    if system == "Windows":
        return "TensorFlow ≥ 2.11 has no GPU support on native Windows; use WSL2 for GPU training."
    if not tf.test.is_built_with_cuda():
        return "This TensorFlow build has no CUDA support; install digit-lab[gpu] for NVIDIA GPUs."
    return "TensorFlow found no usable NVIDIA GPU (no driver, or the CUDA libraries are missing)."


def resolve_device(requested: str = "auto") -> tuple[str, str | None]:
    """Map "auto", "cpu" or "gpu:N" to a TensorFlow device name, plus a message if it had to fall back."""
    tf = _tf()
    wanted = (requested or "auto").strip().upper()
    gpus = tf.config.list_physical_devices("GPU")
    if wanted == "AUTO":
        return ("/GPU:0", None) if gpus else ("/CPU:0", None)
    if wanted == "CPU":
        return "/CPU:0", None
    if wanted.startswith("GPU"):
        index_text = wanted[3:].lstrip(":") or "0"
        if not index_text.isdigit():
            raise ValueError(f"unknown device {requested!r}; use cpu, gpu:N or auto")
        index = int(index_text)
        if index < len(gpus):
            return f"/GPU:{index}", None
        seen = f"{len(gpus)} GPU(s)" if gpus else "no GPU"
        return "/CPU:0", f"GPU:{index} does not exist (TensorFlow sees {seen}); training on the CPU instead."
    raise ValueError(f"unknown device {requested!r}; use cpu, gpu:N or auto")


def device_scope(device: str):
    """A context manager that places new ops and variables on `device` (a name from resolve_device)."""
    return _tf().device(device)
