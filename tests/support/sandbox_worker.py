"""A Sandbox whose runs are started by a worker process: demoted from root to an ordinary user (nobody), so that
a test run as root exercises the isolation a user without root gets (a user namespace of the caller's own);
optionally in a host that forbids user namespaces, or in a private mount namespace with mounts of its own.

Each run is one short-lived worker: `setpriv` takes nobody's uid and gid (no groups, no capabilities), then the
system's python3 builds codellama.sandbox from the source we send it (the checkout may lie where nobody cannot
read, e.g. under /root), runs the program and answers in JSON. Nothing the worker says is trusted beyond that."""

from __future__ import annotations

import base64
import builtins
import dataclasses
import json
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from codellama import sandbox
from codellama.sandbox import Limits, RunResult, Sandbox, SandboxUnavailable

WORKER = r"""
import base64, dataclasses, json, os, sys, types
request = json.load(sys.stdin)
module = types.ModuleType("codellama.sandbox")
sys.modules[module.__name__] = module
exec(compile(request["source"], request["path"], "exec"), module.__dict__)
reply = {"uids": os.getresuid()}
limits = module.Limits(**request["limits"])
try:
    box = module.Sandbox(limits)  # checks the isolation with the module's own setup script
    module.SETUP_SCRIPT = request["setup_script"]  # then runs with the caller's, as it is now (tests patch it)
    files = {name: base64.b64decode(content) for name, content in request["files"].items()}
    reply["result"] = dataclasses.asdict(box.run(request["argv"], files, base64.b64decode(request["stdin"])))
except module.SandboxUnavailable as e:
    reply["unavailable"] = str(e)
except Exception as e:
    reply["raised"] = [type(e).__name__, str(e)]
json.dump(reply, sys.stdout)
"""

# Run as root: a user namespace in which root is `nobody` (keeping its capabilities there), whose own limit on
# user namespaces is set to 0 (the host's is untouched); then every capability goes and the worker starts.
DENY_USER_NAMESPACES = (
    'echo 0 > /proc/sys/user/max_user_namespaces && exec setpriv --inh-caps=-all --bounding-set=-all -- "$@"'
)


class WorkerSandbox(Sandbox):
    """Sandbox.run in a worker (the test process must be root): as `nobody` unless as_nobody=False. With
    deny_user_namespaces, nobody may not create user namespaces, as on a host that forbids them to ordinary users;
    with host_mounts (shell commands, run as root), the worker's host has those mounts besides its own."""

    def __init__(
        self,
        limits: Limits,
        as_nobody: bool = True,
        deny_user_namespaces: bool = False,
        host_mounts: str | None = None,
    ):
        super().__init__(limits, _checked=True)  # the worker checks the isolation, as whoever it is
        account = pwd.getpwnam("nobody")
        self.as_nobody = as_nobody
        self.uid, self.gid = (account.pw_uid, account.pw_gid) if as_nobody else (0, 0)
        # the worker's home: its own (mode 0700), where it can reach it (pytest's directories are root's)
        self.home = Path(tempfile.mkdtemp(prefix="codellama-worker-home-"))
        (self.home / "tmp").mkdir()
        for path in (self.home, self.home / "tmp"):
            os.chown(path, self.uid, self.gid)
        command = [sandbox.system_python(), "-I", "-c", WORKER]
        if as_nobody and deny_user_namespaces:
            command = [
                *("unshare", "--user", f"--map-user={self.uid}", f"--map-group={self.gid}", "--keep-caps", "--"),
                *("/bin/sh", "-c", DENY_USER_NAMESPACES, "deny", *command),
            ]
        elif as_nobody:
            command = ["setpriv", f"--reuid={self.uid}", f"--regid={self.gid}", "--clear-groups", "--", *command]
        if host_mounts:
            private = ["unshare", "--mount", "--propagation", "private", "--"]
            command = [*private, "/bin/sh", "-c", f'{host_mounts} && exec "$@"', "host", *command]
        self.command = command

    def close(self) -> None:
        shutil.rmtree(self.home, ignore_errors=True)

    def run(
        self,
        argv: list[str],
        files: dict[str, str | bytes] | None = None,
        stdin: bytes = b"",
        limits: Limits | None = None,
    ) -> RunResult:
        limits = limits or self.limits
        request = {
            "source": Path(sandbox.__file__).read_text(),
            "path": sandbox.__file__,
            "setup_script": sandbox.SETUP_SCRIPT,
            "limits": dataclasses.asdict(limits),
            "argv": list(argv),
            "files": {name: _base64(content) for name, content in (files or {}).items()},
            "stdin": _base64(stdin),
        }
        # the caller's environment, as a user's own would be passed on, but the worker's home; nobody's temporary
        # directory lies in that home, which its runs hide: they must start from elsewhere
        env = {k: v for k, v in os.environ.items() if k not in ("TMPDIR", "TEMP", "TMP")} | {"HOME": str(self.home)}
        if self.as_nobody:
            env["TMPDIR"] = str(self.home / "tmp")
        done = subprocess.run(
            self.command, input=json.dumps(request), capture_output=True, text=True, env=env,
            timeout=limits.wall_seconds + 120,
        )  # fmt: skip
        if done.returncode != 0:
            raise RuntimeError(f"the worker failed ({done.returncode}): {done.stderr}")
        reply = json.loads(done.stdout)
        if self.as_nobody == (0 in reply["uids"]):
            raise AssertionError(f"the worker was to run {'without' if self.as_nobody else 'as'} root: {reply}")
        if "unavailable" in reply:
            raise SandboxUnavailable(reply["unavailable"])
        if "raised" in reply:
            name, message = reply["raised"]
            error = getattr(builtins, name, RuntimeError)
            raise (error if isinstance(error, type) and issubclass(error, Exception) else RuntimeError)(message)
        return RunResult(**reply["result"])


def _base64(content: str | bytes) -> str:
    return base64.b64encode(content.encode() if isinstance(content, str) else content).decode()
