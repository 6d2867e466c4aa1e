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
