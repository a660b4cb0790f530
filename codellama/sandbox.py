"""Run untrusted, model-written programs (any language), and fail closed.

Each run gets its own scratch directory (a size-limited tmpfs) and, through util-linux's `unshare`, fresh
network (loopback only), PID, mount, IPC and UTS namespaces. Inside, a setup shell that is root of those
namespaces remounts every filesystem read-only, mounts the scratch directory, brings loopback up, then starts
the program under `prlimit` (CPU seconds, address space, file size, process count, no core files) and
`setpriv` (no new privileges, no capabilities). That shell stays PID 1 of the namespace: when the program
exits, or when we kill the run at its wall-clock deadline, the kernel kills everything left in the
namespace, orphans included.

Who may isolate:
- root: the namespaces are the host's own kind, and the program runs as an unprivileged uid of its own
  (so RLIMIT_NPROC counts only this run's processes, and nothing it owns exists elsewhere);
- any other user: a user namespace comes first (`unshare --user --map-root-user`), in which the caller is
  root and may build the same namespaces and mounts; the program runs as the caller's uid with every
  capability dropped, may not create user namespaces of its own, and the caller's home directory is hidden
  under an empty read-only mount. RLIMIT_NPROC is counted per user namespace and uid (Linux >= 5.14), so
  again only this run's processes count (older kernels count all the caller's processes: stricter, never
  looser). What the caller may read outside its home, the program may read too, read-only.
One setup script, and its check that no mount but the scratch space is left writable, serves both (bubblewrap
would build the same namespaces, but as a second tool to install and a second setup to keep equally strong).

Without the isolation (no unshare/setpriv/prlimit, user namespaces refused) `Sandbox()` raises
SandboxUnavailable saying what to install or allow, unless `unsafe=True`: then programs run with resource
limits, a temporary directory and a minimal environment only, which is no protection against a hostile program.
"""

from __future__ import annotations

import functools
import os
import pwd
import resource
import secrets
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SAFE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
SETUP_FAILED = 125  # exit status of the namespace's setup shell when it could not isolate the run
UID_BASE, UID_SPAN = 1_100_000, 800_000  # each run's uid: unused by any account, unlikely to collide
# Said by programs that ran out of memory (Python, C++, Java, C#, node, shells and libc).
MEMORY_MARKERS = (
    "MemoryError",
    "std::bad_alloc",
    "OutOfMemoryError",
    "OutOfMemoryException",
    "Cannot allocate memory",
    "out of memory",
    "heap out of memory",
)
PROCESS_MARKERS = ("Resource temporarily unavailable", "BlockingIOError", "fork: retry", "can't fork")

# Runs as root of the new namespaces: $1 the run's base directory, $2 the size of its scratch space in MiB,
# $3 the program's uid, $4 "userns" when the namespaces sit in a user namespace of our own (non-root callers),
# $5 how many directories to hide, then those directories, then the program's argv (already prefixed with
# prlimit and setpriv). The program's files are copied from base/files into a size-limited tmpfs at base/run,
# its working directory. Any mount left writable besides that one is a setup failure: the run is refused
# rather than started half-isolated.
SETUP_SCRIPT = r"""
base=$1; size=$2; uid=$3; userns=$4; hidden=$5; shift 5; work=$base/run
fail() { echo "codellama-sandbox: $*" >&2; exit 125; }
set -f; IFS='
'  # words are lines (mount points may hold blanks), never globbed
# Each mount as "OPTIONS PATH". mountinfo writes blanks and backslashes in paths as octal escapes, decoded here;
# a newline (\012) would break the lines, so such a path fails the setup.
mounts() {
  awk '{p = $5; gsub(/\\040/, " ", p); gsub(/\\011/, "\t", p); gsub(/\\134/, "\\\\", p); print $6 " " p}' \
    /proc/self/mountinfo
}
# The mount points whose visible mount (the last listed at a path; those under it are hidden) is writable.
writable() {
  mounts | awk '{o = $1; sub(/^[^ ]* /, ""); opt[$0] = o} END {for (m in opt) if (opt[m] !~ /(^|,)ro(,|$)/) print m}'
}
awk '$5 ~ /\\012/ {exit 1}' /proc/self/mountinfo || fail "a mount point's name holds a newline"
if [ "$userns" = userns ]; then  # our own user namespace's limit (the host's is untouched): no nested ones
  echo 0 > /proc/sys/user/max_user_namespaces || fail "cannot forbid nested user namespaces"
fi
# A mount we cannot even reach (under a directory closed to us), the program cannot reach either: it has our
# uid (or a lesser one) and no capabilities. Every other mount must become read-only.
for m in $(mounts | cut -d' ' -f2- | sort -u); do
  mount -o remount,bind,ro "$m" 2>/dev/null || [ ! -e "$m" ] || fail "cannot make $m read-only"
done
while [ "$hidden" -gt 0 ]; do
  mount -t tmpfs -o ro,size=4k,mode=0755,nosuid,nodev,noexec codellama-hidden "$1" || fail "cannot hide $1"
  hidden=$((hidden - 1)); shift
done
mount -t tmpfs -o "size=${size}m,mode=0700,uid=$uid,gid=$uid,nosuid,nodev" codellama-sandbox "$work" \
  || fail "cannot mount a scratch filesystem on $work"
cp -a "$base/files/." "$work/" || fail "cannot copy the program's files"
cd "$work" || fail "cannot enter $work"
for m in $(writable); do
  [ "$m" = "$work" ] || [ ! -e "$m" ] || fail "writable mounts remain"
done
if command -v ip >/dev/null; then ip link set lo up || fail "cannot bring loopback up"; fi
exec 3<&0  # a background job's stdin would be /dev/null
"$@" <&3 3<&- &
wait $!
"""


class SandboxUnavailable(RuntimeError):
    """The isolation the sandbox needs is missing here; the message says what to install or allow."""


@dataclass(frozen=True)
class Limits:
    wall_seconds: float = 10.0
    cpu_seconds: int = 10
    memory_mb: int = 1024  # address space: runtimes that reserve much (JVM, mono) need more
    file_size_mb: int = 16
    disk_mb: int = 64  # the run's scratch space (a tmpfs): all its files together
    processes: int = 32
    output_bytes: int = 1 << 20  # per stream; beyond it the run is killed


@dataclass
class RunResult:
    """What a sandboxed program did. `reason`: ok, error (non-zero exit), timeout, cpu_limit, memory_limit,
    output_limit, file_size_limit, disk_limit, process_limit, signal:NAME, or setup_failed."""

    returncode: int | None
    reason: str
    stdout: str
    stderr: str
    wall_seconds: float

    @property
    def passed(self) -> bool:
        return self.reason == "ok"


def _missing_tools() -> list[str]:
    return [tool for tool in ("unshare", "setpriv", "prlimit", "mount", "awk") if shutil.which(tool) is None]


@functools.cache
def isolation_problem() -> str | None:
    """None when isolated runs work here; otherwise why not, and what to install or allow (checked once per
    process, by starting one isolated run)."""
    missing = _missing_tools()
    if missing:
        return f"missing {', '.join(missing)} (Debian: apt-get install util-linux mawk)"
    try:
        probe = Sandbox(unsafe=False, _checked=True).run(["true"], limits=Limits(wall_seconds=20))
    except OSError as e:
        return f"cannot start unshare: {e}"
    if probe.passed:
        return None
    refusal = probe.stderr.strip() or probe.reason
    if os.geteuid() == 0:
        return f"namespaces refused here: {refusal}"
    return f"user namespaces refused here ({refusal}): {_user_namespace_advice()}"


def _user_namespace_advice() -> str:
    """What to change so that a user without root may create user namespaces (or the advice to run as root)."""

    def sysctl(name: str) -> str | None:
        try:
            return Path("/proc/sys", *name.split(".")).read_text().strip()
        except OSError:
            return None

    advice = []
    if sysctl("kernel.unprivileged_userns_clone") == "0":
        advice.append("allow them with `sysctl kernel.unprivileged_userns_clone=1`")
    if sysctl("user.max_user_namespaces") == "0":
        advice.append("user.max_user_namespaces is 0: set it to e.g. 10000")
    if sysctl("kernel.apparmor_restrict_unprivileged_userns") == "1":
        advice.append(
            "AppArmor restricts them (kernel.apparmor_restrict_unprivileged_userns=1): set it to 0, or give "
            "/usr/bin/unshare an AppArmor profile that allows `userns`"
        )
    if not advice:
        advice.append(
            "allow unprivileged user namespaces (kernel.unprivileged_userns_clone=1, user.max_user_namespaces > 0, "
            "no AppArmor or seccomp rule against them; in a container, an unmasked /proc)"
        )
    return "; ".join(advice) + "; or run as root"


def _hidden_directories() -> list[str]:
    """What a non-root caller keeps as its own (its home directory), hidden from the program, which runs with
    the caller's uid. Only directories the caller owns: a shared or missing home (/, /tmp, /nonexistent) stays."""
    if os.geteuid() == 0:
        return []
    try:
        homes = {pwd.getpwuid(os.geteuid()).pw_dir, os.environ.get("HOME", "/")}
    except KeyError:  # a uid without an account
        homes = {os.environ.get("HOME", "/")}
    hidden = set()
    for home in homes:
        path = os.path.realpath(home)
        try:
            if path != "/" and os.path.isdir(path) and os.stat(path).st_uid == os.geteuid():
                hidden.add(path)
        except OSError:
            pass
    return sorted(hidden)


def _scratch_parent(hidden: list[str]) -> str:
    """Where the run's base directory goes: the temporary directory, unless it lies in a hidden directory."""
    for parent in (tempfile.gettempdir(), "/tmp", "/var/tmp", "/dev/shm"):
        real = os.path.realpath(parent)
        outside = not any(real == h or real.startswith(h.rstrip("/") + "/") for h in hidden)
        if outside and os.access(real, os.W_OK | os.X_OK):
            return real
    raise SandboxUnavailable(f"no temporary directory outside {', '.join(hidden)} to run programs from")


class Sandbox:
    def __init__(self, limits: Limits | None = None, unsafe: bool = False, _checked: bool = False):
        self.limits = limits or Limits()
        self.unsafe = unsafe
        if not unsafe and not _checked:
            problem = isolation_problem()
            if problem:
                raise SandboxUnavailable(
                    f"cannot isolate untrusted programs: {problem}. Fix that, or pass --unsafe (unsafe=True) "
                    "to run model-written code without isolation at your own risk"
                )

    def run(
        self,
        argv: list[str],
        files: dict[str, str | bytes] | None = None,
        stdin: bytes = b"",
        limits: Limits | None = None,
    ) -> RunResult:
        """Run argv in a fresh directory holding `files` (name -> content); argv's paths may be relative to it."""
        limits = limits or self.limits
        as_root = os.geteuid() == 0
        # root runs the program as a fresh uid; others as themselves (uid 0 of their user namespace)
        uid = UID_BASE + secrets.randbelow(UID_SPAN) if as_root else 0
        hidden = [] if self.unsafe else _hidden_directories()
        base = Path(tempfile.mkdtemp(prefix="codellama-sandbox-", dir=_scratch_parent(hidden)))
        work = base / "run"  # the working directory (unsafe runs: the files are written straight there)
        staged = work if self.unsafe else base / "files"
        try:
            work.mkdir()
            staged.mkdir(exist_ok=True)
            for name, content in (files or {}).items():
                path = staged / name
                if staged.resolve() not in path.resolve().parents:
                    raise ValueError(f"sandbox file {name!r} is outside the run's directory")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content.encode() if isinstance(content, str) else content)
            if as_root and not self.unsafe:
                for path in [base, work, *staged.rglob("*"), staged]:
                    os.chown(path, uid, uid)
            base.chmod(0o700)
            env = {
                "PATH": SAFE_PATH,
                "HOME": str(work),
                "TMPDIR": str(work),
                "LANG": "C.UTF-8",
                "PYTHONDONTWRITEBYTECODE": "1",
            }
            if self.unsafe:
                return _execute(argv, work, env, stdin, limits, preexec=functools.partial(_set_limits, limits))
            return _execute(_isolated_argv(argv, base, uid, limits, hidden, as_root), base, env, stdin, limits)
        finally:
            shutil.rmtree(base, ignore_errors=True)

    def run_python(self, source: str, limits: Limits | None = None, python: str | None = None) -> RunResult:
        """Run a Python program (with the system's python3, unless `python` names another)."""
        return self.run([python or system_python(), "-I", "program.py"], {"program.py": source}, limits=limits)


@functools.cache
def system_python() -> str:
    """The system's python3: model-written Python needs only the standard library, and the sandbox's uid may
    not reach a virtual environment under a private home."""
    import sys

    return shutil.which("python3", path=SAFE_PATH) or sys.executable


def _isolated_argv(
    argv: list[str], base: Path, uid: int, limits: Limits, hidden: list[str], as_root: bool
) -> list[str]:
    mb = 1 << 20
    prlimit = [
        "prlimit",
        f"--cpu={limits.cpu_seconds}:{limits.cpu_seconds + 1}",
        f"--as={limits.memory_mb * mb}",
        f"--fsize={limits.file_size_mb * mb}",
        f"--nproc={limits.processes}",
        "--core=0",
        "--",
    ]
    # In a user namespace only the caller's uid exists (as 0), and its groups cannot be changed: the program
    # keeps that uid, and loses every capability (an empty bounding set leaves uid 0 none after execve).
    new_uid = [f"--reuid={uid}", f"--regid={uid}", "--clear-groups"] if as_root else []
    setpriv = ["setpriv", *new_uid, "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--"]
    unshare = [
        "unshare",
        *([] if as_root else ["--user", "--map-root-user"]),
        "--net",
        "--pid",
        "--fork",
        "--kill-child",
        "--mount",
        "--ipc",
        "--uts",
        "--mount-proc",
        "--propagation",
        "private",
        "--",
    ]
    return [
        *unshare,
        "/bin/sh",
        "-c",
        SETUP_SCRIPT,
        "sandbox-setup",
        str(base),
        str(limits.disk_mb),
        str(uid),
        "host" if as_root else "userns",
        str(len(hidden)),
        *hidden,
        *prlimit,
        *setpriv,
        *argv,
    ]


def _set_limits(limits: Limits) -> None:
    """preexec for unsafe runs: the same resource limits, without namespaces."""
    mb = 1 << 20
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_mb * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_size_mb * mb,) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if os.geteuid() != 0:  # root ignores RLIMIT_NPROC; for others it counts all their processes
        resource.setrlimit(resource.RLIMIT_NPROC, (max(limits.processes, 256),) * 2)


def _execute(argv: list[str], work: Path, env: dict[str, str], stdin: bytes, limits: Limits, preexec=None) -> RunResult:
    started = time.monotonic()
    deadline = started + limits.wall_seconds
    proc = subprocess.Popen(
        argv,
        cwd=work,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=preexec,
    )
    try:
        proc.stdin.write(stdin)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    out, err = bytearray(), bytearray()
    buffers = {proc.stdout: out, proc.stderr: err}
    killed_for = None
    with selectors.DefaultSelector() as selector:
        for stream in buffers:
            selector.register(stream, selectors.EVENT_READ)
        while selector.get_map() and killed_for is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                killed_for = "timeout"
                break
            for key, _ in selector.select(timeout=min(remaining, 0.5)):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fileobj)
                    continue
                buffer = buffers[key.fileobj]
                room = limits.output_bytes - len(buffer)
                buffer += chunk[:room]
                if len(chunk) > room:
                    killed_for = "output_limit"
    if killed_for is None:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            killed_for = "timeout"
    if killed_for is not None:
        _kill_group(proc)
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    stdout, stderr = out.decode(errors="replace"), err.decode(errors="replace")
    reason = killed_for or _reason(proc.returncode, stderr)
    return RunResult(proc.returncode, reason, stdout, stderr, time.monotonic() - started)


def _kill_group(proc: subprocess.Popen) -> None:
    # The group holds unshare and the namespace's PID 1; killing PID 1 takes the whole namespace with it.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _reason(returncode: int, stderr: str) -> str:
    if returncode == 0:
        return "ok"
    if returncode == SETUP_FAILED and "codellama-sandbox:" in stderr:
        return "setup_failed"
    # The setup shell reports a program killed by signal N as 128 + N; unsafe runs give -N.
    signum = -returncode if returncode < 0 else returncode - 128 if returncode > 128 else None
    if signum == signal.SIGXCPU:
        return "cpu_limit"
    if signum == signal.SIGXFSZ or "File too large" in stderr:
        return "file_size_limit"
    if "No space left on device" in stderr:
        return "disk_limit"
    if any(marker in stderr for marker in MEMORY_MARKERS):
        return "memory_limit"
    if any(marker in stderr for marker in PROCESS_MARKERS):
        return "process_limit"
    if signum is not None and signum in signal.Signals._value2member_map_:
        return f"signal:{signal.Signals(signum).name}"
    return "error"
