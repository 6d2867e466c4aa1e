"""PyInstaller run-time hook: stand-in for TensorFlow's remote-profiler client extension.

`import tensorflow` imports tf.profiler.experimental.client, whose module loads the 21 MB extension
_pywrap_profiler_plugin at import time, although only `tf.profiler.experimental.client.trace()` and
`.monitor()` (profiling a TensorFlow *server* over gRPC) ever call it. Digit Lab never does, so the
bundle leaves the extension out (packaging/digit-lab.spec) and this hook, run before the app's code,
registers a module that says so if it is ever called.
"""

import sys
import types

_NAME = "tensorflow.python.profiler.internal._pywrap_profiler_plugin"


def _not_in_this_build(*args, **kwargs):
    raise RuntimeError("TensorFlow's remote profiler client (tf.profiler.experimental.client) is not part "
                       "of the Digit Lab application bundle; use a pip installation of Digit Lab for it.")


if _NAME not in sys.modules:
    _stub = types.ModuleType(_NAME, __doc__)
    _stub.trace = _stub.monitor = _not_in_this_build
    sys.modules[_NAME] = _stub
