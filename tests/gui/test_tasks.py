"""The task runner: one task of each kind at a time, busy/idle, cancel, and shutdown in order."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.gui.tasks import TaskRunner


class Waiter(QObject):
    """A worker that runs until it is cancelled (or released), as a training run does."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = threading.Event()
        self.release = threading.Event()

    def cancel(self) -> None:
        self.cancelled.set()

    @Slot()
    def run(self) -> None:
        while not (self.cancelled.is_set() or self.release.is_set()):
            self.cancelled.wait(0.01)
        self.finished.emit()


class BusyLog(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.states: list[bool] = []

    @Slot(bool)
    def record(self, busy: bool) -> None:
        self.states.append(busy)


def test_one_task_per_kind_and_busy_until_it_ends(qtbot):
    runner = TaskRunner()
    log = BusyLog()
    runner.busyChanged.connect(log.record)
    first, second = Waiter(), Waiter()

    assert runner.start("training", first)
    assert not runner.start("training", second)  # one of a kind at a time
    assert runner.is_busy() and runner.uses_model() and runner.worker("training") is first
    first.release.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)

    assert log.states == [True, False]
    assert not first.cancelled.is_set()
    qtbot.waitUntil(lambda: runner.running_threads() == 0, timeout=5000)
    runner.shutdown()


def test_cancel_asks_the_worker_to_stop(qtbot):
    runner = TaskRunner()
    worker = Waiter()
    runner.start("evaluation", worker)
    assert not runner.uses_model()  # evaluation works on a copy

    assert runner.cancel("evaluation")
    qtbot.waitUntil(lambda: not runner.is_running("evaluation"), timeout=5000)
    assert worker.cancelled.is_set()
    assert not runner.cancel("evaluation")  # nothing runs now
    runner.shutdown()


def test_shutdown_cancels_everything_waits_and_refuses_new_work(qtbot):
    runner = TaskRunner()
    workers = [Waiter(), Waiter()]
    runner.start("training", workers[0])
    runner.start("export", workers[1])
    threads = runner.threads()

    stopped = runner.shutdown()

    assert stopped == workers and all(worker.cancelled.is_set() for worker in workers)
    assert all(thread.isFinished() for thread in threads)
    assert runner.running_threads() == 0 and not runner.is_busy()
    assert runner.is_shut_down() and not runner.start("evaluation", Waiter())
