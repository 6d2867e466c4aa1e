"""Where the window's pauses during training come from: each piece of GUI-thread work, timed alone.

Prints the figures that benchmarks/README.md quotes under "Where the GUI's pauses came from":
- the same training on a plain thread with no window (the pauses TensorFlow alone causes);
- one plot repaint with pyqtgraph's default three tick levels of grid lines, against the two Digit Lab uses;
- a full garbage collection with TensorFlow loaded, before and after `gc.freeze()`;
- building a model and the canvas' Predictor twin (the work Train used to do on the GUI thread);
- giving the twin an epoch's weights (the work each epoch's end used to do on the GUI thread).

    python benchmarks/gui_pause_sources.py [--images 12000] [--repeats 5]
"""

import argparse
import gc
import os
import statistics
import threading
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui_training import PROBE_MS, StallProbe  # noqa: E402  (benchmarks/ is the script's folder)

from desktop_app.core.training import TrainConfig, TrainingObserver, new_model, train  # noqa: E402
from desktop_app.gui.app import create_application  # noqa: E402
from desktop_app.gui.driver import wait_until  # noqa: E402


def median_ms(work, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def plot_repaint_ms(tick_levels: int, repeats: int) -> float:
    """One plot's repaint after a new batch point, as during training (500×400 px for both plots)."""
    from desktop_app.gui.training.plots import TrainingPlots

    plots = TrainingPlots()
    plots.resize(500, 400)
    plots.show()
    for name in ("left", "bottom"):
        plots.loss.plot_widget.getPlotItem().getAxis(name).setStyle(maxTickLevel=tick_levels - 1)
    wait_until(lambda: False, 0.3)
    viewport = plots.loss.plot_widget.viewport()
    times = []
    for step in range(50 + repeats):
        plots.loss.add_batch(step / 10, 1 / (step + 1))
        plots.loss.redraw_batches()  # what the plots' redraw timer does, one plot per tick
        started = time.perf_counter()
        viewport.repaint()
        if step >= 50:  # once the curve has a realistic number of points
            times.append((time.perf_counter() - started) * 1000)
    plots.close()
    return statistics.median(times)


def plain_thread_stalls(images: int) -> tuple[float, float]:
    """p99 and max event-loop stall (ms) after the first batch while training runs on a plain thread."""
    first_batch = []

    class FirstBatch(TrainingObserver):
        def on_batch_end(self, progress) -> None:
            if not first_batch:
                first_batch.append(time.perf_counter())

    done = threading.Event()
    config = TrainConfig(epochs=1, train_limit=images, device="cpu")
    probe = StallProbe()
    probe.start()
    threading.Thread(target=lambda: (train(config, callbacks=FirstBatch()), done.set())).start()
    wait_until(done.is_set, 900)
    probe.timer.stop()
    after = [gap - PROBE_MS for t, gap in probe.gaps if first_batch and t > first_batch[0] + 0.1]
    return float(np.percentile(after, 99)), max(after)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=12000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    create_application(["bench"])
    from desktop_app.core.inference import Predictor
    from desktop_app.core.tensorflow_runtime import import_tensorflow

    import_tensorflow()
    config = TrainConfig()
    build_ms = median_ms(lambda: new_model(config), args.repeats)
    model = new_model(config)
    twin_ms = median_ms(lambda: Predictor.copy_of(model), args.repeats)
    twin = Predictor.copy_of(model)
    weights = model.get_weights()
    set_weights_ms = median_ms(lambda: twin.set_weights(weights), args.repeats * 4)
    objects = len(gc.get_objects())
    full_gc_ms = median_ms(lambda: gc.collect(2), args.repeats)
    gc.freeze()
    frozen_gc_ms = median_ms(lambda: gc.collect(2), args.repeats)
    default_grid_ms = plot_repaint_ms(3, args.repeats * 4)
    our_grid_ms = plot_repaint_ms(2, args.repeats * 4)
    p99, worst = plain_thread_stalls(args.images)

    print(f"command: python benchmarks/gui_pause_sources.py --images {args.images} --repeats {args.repeats}")
    print(f"training on a plain thread, no window, 1 epoch of {args.images} images: event-loop stall after "
          f"the first batch p99 {p99:.1f} ms, max {worst:.1f} ms")
    print(f"one plot repaint: grid on 3 tick levels (pyqtgraph's default) {default_grid_ms:.1f} ms, "
          f"on 2 (Digit Lab) {our_grid_ms:.1f} ms")
    print(f"full garbage collection with TensorFlow loaded ({objects:,} objects): {full_gc_ms:.1f} ms; "
          f"after gc.freeze(): {frozen_gc_ms:.2f} ms")
    print(f"building the default model {build_ms:.0f} ms + its Predictor twin {twin_ms:.0f} ms "
          f"(now on the training thread)")
    print(f"giving the twin an epoch's weights: {set_weights_ms:.1f} ms idle (now on the training thread)")
    os._exit(0)  # skip Qt teardown: nothing is left running


if __name__ == "__main__":
    main()
