import sys

import pytest

from desktop_app.core import devices
from desktop_app.core.devices import list_devices, resolve_device, why_no_gpu


def test_the_cpu_is_always_listed_first():
    found = list_devices()
    assert found[0].id == "CPU" and found[0].kind == "CPU"
    assert all(d.id.startswith("GPU:") for d in found[1:])


def test_device_names_resolve():
    gpus = [d for d in list_devices() if d.kind == "GPU"]
    assert resolve_device("cpu") == ("/CPU:0", None)
    assert resolve_device("auto") == (("/GPU:0", None) if gpus else ("/CPU:0", None))
    device, message = resolve_device("gpu:9")
    assert device == "/CPU:0" and "GPU:9 does not exist" in message and "CPU instead" in message
    with pytest.raises(ValueError, match="unknown device"):
        resolve_device("tpu")


# --- why no GPU: each situation gives its own reason --------------------------------------------

@pytest.fixture()
def situation(monkeypatch):
    """Set the platform, a frozen (installed) app or not, and whether TensorFlow was built with CUDA."""
    import tensorflow as tf

    def set_up(system="Linux", frozen=False, cuda=True):
        monkeypatch.setattr(devices.platform, "system", lambda: system)
        if frozen:
            monkeypatch.setattr(sys, "frozen", True, raising=False)
        else:
            monkeypatch.delattr(sys, "frozen", raising=False)
        monkeypatch.setattr(tf.test, "is_built_with_cuda", lambda: cuda)

    return set_up


@pytest.mark.parametrize("where,words", [
    (dict(frozen=True), "installed Digit Lab is CPU-only"),
    (dict(system="Darwin"), "no GPU support on macOS"),
    (dict(system="Windows"), "use WSL2"),
    (dict(cuda=False), "build has no CUDA support"),
    (dict(), "found no usable NVIDIA GPU"),
])
def test_there_is_a_reason_for_each_way_a_gpu_goes_unseen(situation, where, words):
    situation(**where)
    assert words in why_no_gpu()


# --- choosing a device among GPUs this machine may not have -------------------------------------

def fake_gpus(count):
    import tensorflow as tf

    return [tf.config.PhysicalDevice(f"/physical_device:GPU:{index}", "GPU") for index in range(count)]


def test_listed_gpus_appear_after_the_cpu(monkeypatch):
    monkeypatch.setattr(devices, "_physical_gpus", lambda tf: fake_gpus(2))
    assert [(d.id, d.kind) for d in list_devices()] == [("CPU", "CPU"), ("GPU:0", "GPU"), ("GPU:1", "GPU")]


def test_auto_and_gpu_n_pick_a_listed_gpu_that_works(monkeypatch):
    monkeypatch.setattr(devices, "_physical_gpus", lambda tf: fake_gpus(2))
    monkeypatch.setattr(devices, "_gpu_failure", lambda tf, device: None)  # as a working GPU answers
    assert resolve_device("auto") == ("/GPU:0", None)
    assert resolve_device("gpu:1") == ("/GPU:1", None)
    assert resolve_device("gpu:2")[0] == "/CPU:0"


def test_a_listed_gpu_that_fails_when_used_falls_back_to_the_cpu(monkeypatch):
    import tensorflow as tf

    def out_of_memory(device):
        raise tf.errors.InternalError(None, None, "CUDA_ERROR_OUT_OF_MEMORY: out of memory\nmore detail")

    monkeypatch.setattr(devices, "_physical_gpus", lambda tf: fake_gpus(1))
    monkeypatch.setattr(tf, "device", out_of_memory)
    for requested in ("auto", "gpu:0"):
        device, message = resolve_device(requested)
        assert device == "/CPU:0"
        assert message == ("GPU:0 is listed but does not work (InternalError: CUDA_ERROR_OUT_OF_MEMORY: out "
                           "of memory); training on the CPU instead.")


def test_a_listed_gpu_that_quietly_runs_on_the_cpu_is_not_called_a_gpu(monkeypatch):
    """TensorFlow's soft placement runs work meant for a GPU it cannot use elsewhere, without an error;
    the real probe on a GPU index no machine here has shows it."""
    monkeypatch.setattr(devices, "_physical_gpus", lambda tf: fake_gpus(9))
    device, message = resolve_device("gpu:8")
    assert device == "/CPU:0"
    assert message.startswith("GPU:8 is listed but does not work (a test computation ran on ")
    assert message.endswith("); training on the CPU instead.")


def test_gpu_memory_growth_is_set_up_even_when_tensorflow_was_imported_first(monkeypatch):
    import tensorflow

    from desktop_app.core import tensorflow_runtime

    set_up = []
    monkeypatch.setattr(tensorflow_runtime, "_tensorflow", None)  # as in a process that imported it itself
    monkeypatch.setattr(tensorflow_runtime, "_enable_memory_growth", set_up.append)

    assert tensorflow_runtime.import_tensorflow() is tensorflow
    assert list_devices()[0].id == "CPU"
    assert set_up == [tensorflow]  # once, not again for the devices
