"""One measurement in a fresh interpreter: ``python _child.py MODULE.FUNCTION 'JSON ARGS'``.

Started by _harness.run_child. Imports nothing heavy before the task does, so a task that
measures cold start (tests/bench/_startup.py) pays for exactly what it imports. The result
is one line ``BENCH-RESULT {json}`` on stdout.

With KAUNET_BENCH_PROFILE=FILE the task runs under pyinstrument (when installed) and the
profile's text goes to FILE — how run.py --profile finds where the time of a missed
target goes. A task may stop the profiler early (``__main__.PROFILER``), e.g. at the first
paint, so the profile covers only the part that is compared.
"""

import json
import os
import sys
from importlib import import_module

RESULT_MARK = "BENCH-RESULT "
PROFILER = None  # the running pyinstrument Profiler, if any


def main() -> int:
    task, raw_args = sys.argv[1], sys.argv[2]
    module_name, function_name = task.rsplit(".", 1)
    profile_to = os.environ.get("KAUNET_BENCH_PROFILE")
    global PROFILER
    profiler = None
    if profile_to:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
        PROFILER = profiler
    function = getattr(import_module(module_name), function_name)
    result = function(**json.loads(raw_args))
    if profiler is not None:
        if profiler.is_running:
            profiler.stop()
        with open(profile_to, "w", encoding="utf-8") as handle:
            handle.write(profiler.output_text(unicode=True, color=False, show_all=False))
    print(RESULT_MARK + json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
