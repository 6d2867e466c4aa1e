"""TaskRunner: the one place that starts, cancels and shuts down the window's background work.

Every worker (see `workers.py`) is a QObject with a `run` slot, a `finished` signal and, when it can be
interrupted, a `cancel()` method that sets a cooperative flag (nothing is ever killed). The runner moves
it to its own QThread the textbook way (mu's pattern): `thread.started → worker.run`,
`worker.finished → thread.quit`, `thread.finished → deleteLater`, and keeps strong references to both
until the thread has really ended, so Python never collects a running thread.

Each task has a kind ("tensorflow", "open", "training", "evaluation", "measure", "export"); at most one of each
kind runs at a time. `busyChanged` and `tasksChanged` tell the window when to re-enable its actions.

Connect a worker's signals to slots of QObjects that live in the GUI thread (Qt then queues each call into
the GUI thread), never to lambdas or plain functions: those would run in the worker's thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

# Kinds of work that use or replace the open model itself (not a copy): while one runs, nothing else may
# change it.
MODEL_TASKS = ("open", "training", "export")


class _ThreadKeeper(QObject):
    """Holds every started thread and its worker until the thread has really ended.

    A window (and its runner) may be garbage-collected while one of its threads is still finishing (a test
    that drops its window, say); destroying a running QThread aborts the process, so the references also
    live here, in one object for the whole application. `finished` is emitted just before the thread
    ends, hence the `wait()` before letting go. The worker is freed here, on the GUI thread: a
    `worker.deleteLater` would destroy it inside its own thread, where ~QObject waits for the GIL while
    holding Qt's connection lock, and a GUI-thread disconnect waiting on that lock deadlocks (seen).
    """

    def __init__(self) -> None:
        super().__init__()
        self._running: dict[QThread, tuple[QObject, QObject]] = {}  # thread → (worker, its runner)

    def keep(self, thread: QThread, worker: QObject, owner: QObject) -> None:
        self._running[thread] = (worker, owner)
        thread.finished.connect(self._release)

    def threads_of(self, owner: QObject) -> list[QThread]:
        return [thread for thread, (_, runner) in self._running.items() if runner is owner]

    @Slot()
    def _release(self) -> None:
        thread = self.sender()
        if isinstance(thread, QThread) and thread in self._running:
            thread.wait()
            del self._running[thread]


_keeper: _ThreadKeeper | None = None


def _thread_keeper() -> _ThreadKeeper:
    global _keeper
    if _keeper is None:
        _keeper = _ThreadKeeper()  # created by the first task, in the GUI thread
    return _keeper


class TaskRunner(QObject):
    """Starts workers on threads, one per kind at a time; cancels them; shuts all down in order."""

    busyChanged = Signal(bool)  # some task is running / none is
    tasksChanged = Signal()  # a task started or ended

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: dict[str, tuple[QThread, QObject]] = {}
        self._shut_down = False

    # -- starting -----------------------------------------------------------------------------------
    def start(self, kind: str, worker: QObject) -> bool:
        """Run `worker` on a new thread as the task `kind`; False when one of that kind is running or
        the runner has shut down (the window is closing)."""
        if self._shut_down or kind in self._tasks:
            return False
        was_busy = self.is_busy()
        thread = QThread()
        thread.setObjectName(type(worker).__name__)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(thread.quit)
        _thread_keeper().keep(thread, worker, self)
        # The task ends for the window when its worker says so (a queued call, after the owner's own
        # handlers, which were connected first); the keeper holds the thread until it has really ended.
        worker.finished.connect(self._worker_finished)
        thread.finished.connect(self._worker_finished)  # a worker that never emitted (it raised)
        thread.finished.connect(thread.deleteLater)
        self._tasks[kind] = (thread, worker)
        thread.start()
        self.tasksChanged.emit()
        if not was_busy:
            self.busyChanged.emit(True)
        return True

    def _worker_finished(self, *_result) -> None:
        sender = self.sender()
        for kind, (thread, worker) in list(self._tasks.items()):
            if sender is worker or sender is thread:
                del self._tasks[kind]
                self.tasksChanged.emit()
                if not self._tasks:
                    self.busyChanged.emit(False)
                return

    # -- state --------------------------------------------------------------------------------------
    def is_running(self, kind: str) -> bool:
        return kind in self._tasks

    def is_busy(self) -> bool:
        """Some task is running."""
        return bool(self._tasks)

    def uses_model(self) -> bool:
        """A task is using the open model itself (training, fine-tuning or export)."""
        return any(kind in self._tasks for kind in MODEL_TASKS)

    def worker(self, kind: str) -> QObject | None:
        """The worker running as `kind`, or None."""
        task = self._tasks.get(kind)
        return task[1] if task else None

    def is_shut_down(self) -> bool:
        """The window is closing: no new task starts, and running ones are being stopped."""
        return self._shut_down

    def threads(self) -> list[QThread]:
        """The threads of the running tasks."""
        return [thread for thread, _ in self._tasks.values()]

    def running_threads(self) -> int:
        """Threads of this runner's tasks that have not ended yet (a finished task's may still be ending)."""
        return sum(1 for thread in _thread_keeper().threads_of(self) if not thread.isFinished())

    # -- stopping -----------------------------------------------------------------------------------
    def cancel(self, kind: str) -> bool:
        """Ask the task `kind` to stop at its next check; False when none runs or it cannot stop."""
        worker = self.worker(kind)
        cancel = getattr(worker, "cancel", None)
        if cancel is None:
            return False
        cancel()
        return True

    def shutdown(self) -> list[QObject]:
        """Cancel every task, wait for every thread to end, and refuse new tasks (the window is closing).

        Returns the workers that were running, in the order they were started, so their owners can
        handle what they left (their queued `finished` signals would come after the window is gone)."""
        self._shut_down = True
        workers = []
        for kind, (_, worker) in list(self._tasks.items()):
            self.cancel(kind)
            workers.append(worker)
        for thread in _thread_keeper().threads_of(self):  # finished tasks' threads may still be ending
            thread.quit()  # the worker's finished→quit is queued to this (blocked) thread: quit directly
            thread.wait()
        self._tasks.clear()
        return workers
