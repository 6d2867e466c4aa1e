import pytest

from desktop_app.core.devices import list_devices, resolve_device, why_no_gpu


def test_the_cpu_is_always_listed_first():
    devices = list_devices()
    assert devices[0].id == "CPU" and devices[0].kind == "CPU"
    assert all(d.id.startswith("GPU:") for d in devices[1:])


def test_device_names_resolve():
    gpus = [d for d in list_devices() if d.kind == "GPU"]
    assert resolve_device("cpu") == ("/CPU:0", None)
    assert resolve_device("auto") == (("/GPU:0", None) if gpus else ("/CPU:0", None))
    device, message = resolve_device("gpu:9")
    assert device == "/CPU:0" and "GPU:9 does not exist" in message and "CPU instead" in message
    with pytest.raises(ValueError, match="unknown device"):
        resolve_device("tpu")


def test_there_is_a_reason_when_no_gpu_is_seen():
    if not any(d.kind == "GPU" for d in list_devices()):
        assert "GPU" in why_no_gpu() or "CUDA" in why_no_gpu()


def test_gpu_memory_growth_is_set_up_even_when_tensorflow_was_imported_first(monkeypatch):
    import tensorflow

    from desktop_app.core import tensorflow_runtime

    set_up = []
    monkeypatch.setattr(tensorflow_runtime, "_tensorflow", None)  # as in a process that imported it itself
    monkeypatch.setattr(tensorflow_runtime, "_enable_memory_growth", set_up.append)

    assert tensorflow_runtime.import_tensorflow() is tensorflow
    assert list_devices()[0].id == "CPU"
    assert set_up == [tensorflow]  # once, not again for the devices
