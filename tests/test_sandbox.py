"""The sandbox against hostile programs: each is contained, reported with the right reason, and leaves no
process behind. Only loopback is ever addressed.

Every case runs twice: isolated by root (a fresh uid per run), and isolated by an ordinary user (a user
namespace of its own). Run as root, the second starts each run from a worker demoted to `nobody`."""

from __future__ import annotations

import os
import secrets
import shlex
import shutil
import socket
import tempfile
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from codellama import sandbox
from codellama.sandbox import Limits, Sandbox, SandboxUnavailable
from tests.support.sandbox_worker import WorkerSandbox

REPO = Path(__file__).resolve().parents[1]
LIMITS = Limits(wall_seconds=10, cpu_seconds=5, memory_mb=512, processes=16, output_bytes=1 << 16)


@pytest.fixture(scope="module")
def unprivileged_box() -> Iterator[Sandbox]:
    if os.geteuid() != 0:
        yield Sandbox(LIMITS)  # we are the ordinary user
        return
    demoted = WorkerSandbox(LIMITS)
    yield demoted
    demoted.close()


@pytest.fixture(scope="module", params=["root", "unprivileged"])
def box(request) -> Sandbox:
    if request.param == "unprivileged":
        return request.getfixturevalue("unprivileged_box")
    if os.geteuid() != 0:
        pytest.skip("isolating as root needs root")
    return Sandbox(LIMITS)


@pytest.fixture
def caller_home(box, tmp_path, monkeypatch) -> Path:
    """The home directory of whoever isolates the runs: private to it (mode 0700)."""
    if isinstance(box, WorkerSandbox):
        return box.home
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture
def marker() -> str:
    return f"hostile-{secrets.token_hex(6)}"


def processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:  # exited while we looked
                pass
    return found


def run(box: Sandbox, source: str, **limits) -> sandbox.RunResult:
    return box.run_python(textwrap.dedent(source), limits=Limits(**{**box.limits.__dict__, **limits}))


def test_a_correct_program_runs_in_its_own_directory(box):
    result = run(
        box,
        """
        import os
        open("answer.txt", "w").write("42")
        print(open("answer.txt").read(), os.getcwd() == os.environ["HOME"])
    """,
    )
    assert result.passed, result
    assert result.stdout.split() == ["42", "True"]


def test_stdin_reaches_the_program_and_errors_are_reported(box):
    echoed = box.run(["cat"], stdin=b"hello sandbox")
    assert echoed.passed and echoed.stdout == "hello sandbox"
    failed = run(box, "raise SystemExit(3)")
    assert (failed.reason, failed.returncode, failed.passed) == ("error", 3, False)


FORKER = """
import os, sys, time
forked = refused = 0
for _ in range(200):
    try:
        if os.fork() == 0:  # the child holds its process slot and forks on
            try:
                os.fork()
            except OSError:
                pass
            time.sleep(600)
            os._exit(0)
        forked += 1
    except OSError:
        if sys.argv[2] == "raise":
            raise
        refused += 1
print(forked, refused, flush=True)
"""


def run_forker(box: Sandbox, marker: str, mode: str, **limits) -> sandbox.RunResult:
    """The fork loop above, with the marker in its argv (so /proc/PID/cmdline of every copy carries it)."""
    argv = [sandbox.system_python(), "-I", "program.py", marker, mode]
    return box.run(argv, {"program.py": FORKER}, limits=Limits(**{**box.limits.__dict__, **limits}))


def test_fork_bomb_is_contained(box, marker):
    result = run_forker(box, marker, "count", wall_seconds=60)
    assert result.passed, result
    forked, refused = map(int, result.stdout.split())
    # the program is one of the uid's processes, and each child forks once more: far fewer than 200 forks
    assert 0 < forked < box.limits.processes and refused == 200 - forked, result.stdout
    assert processes_with(marker) == []


def test_a_refused_fork_is_reported_as_the_process_limit(box, marker):
    result = run_forker(box, marker, "raise", wall_seconds=60)
    assert result.reason == "process_limit", result
    assert "BlockingIOError" in result.stderr
    assert processes_with(marker) == []


def test_infinite_loop_hits_the_cpu_limit(box):
    # a generous wall clock: only the CPU limit can end it, however slow the machine
    result = run(box, "while True: pass", cpu_seconds=1, wall_seconds=120)
    assert result.reason == "cpu_limit", result


def test_sleeping_forever_hits_the_wall_clock_deadline(box, marker):
    sleeper = [sandbox.system_python(), "-c", "import time; time.sleep(600)", marker]
    result = box.run(sleeper, limits=Limits(wall_seconds=1))
    assert result.reason == "timeout"
    assert result.wall_seconds >= 1  # killed at the deadline, not before (and not after 600 s of sleep)
    assert processes_with(marker) == []


def test_memory_hog_hits_the_memory_limit(box):
    result = run(box, "hog = bytearray(2 * 1024 ** 3)")
    assert result.reason == "memory_limit", result


def test_flood_of_output_is_capped_and_killed(box):
    result = run(
        box,
        """
        import sys
        chunk = "x" * (1 << 20)
        for _ in range(100):  # 100 MB
            sys.stdout.write(chunk)
    """,
    )
    assert result.reason == "output_limit"  # killed for its output, not at the wall-clock deadline
    assert len(result.stdout) == box.limits.output_bytes


def test_big_file_hits_the_file_size_limit(box):
    result = run(box, "open('big', 'wb').write(b'x' * (64 << 20))", file_size_mb=1)
    assert result.reason == "file_size_limit", result


def test_cannot_connect_to_the_hosts_loopback(box):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.settimeout(0.5)
        port = server.getsockname()[1]
        result = run(
            box,
            f"""
            import socket
            socket.create_connection(("127.0.0.1", {port}), timeout=2)
            print("connected")
        """,
        )
        with pytest.raises(TimeoutError):
            server.accept()
    assert result.reason == "error"
    assert "connected" not in result.stdout
    assert "ConnectionRefusedError" in result.stderr or "Network is unreachable" in result.stderr


def test_only_loopback_exists_inside(box):
    result = run(
        box,
        """
        import socket
        print(sorted(name for _, name in socket.if_nameindex()))
    """,
    )
    assert result.passed, result
    assert result.stdout.strip() == "['lo']"


def test_sees_only_its_own_processes(box):
    result = run(
        box,
        """
        import os
        print(sorted(int(p) for p in os.listdir("/proc") if p.isdigit()))
    """,
    )
    assert result.passed, result
    assert len(eval(result.stdout)) <= 2  # the namespace's setup shell and the program: no host process


def test_cannot_write_outside_its_directory(box, tmp_path):
    tmp_path.chmod(0o777)  # even a world-writable directory is out of reach: the mount is read-only
    targets = [
        tmp_path / "escaped",
        REPO / "escaped-from-sandbox",
        Path("/tmp") / f"escaped-{secrets.token_hex(4)}",
        Path("/dev/shm") / f"escaped-{secrets.token_hex(4)}",
    ]
    result = run(
        box,
        f"""
        import os
        for path in {[str(t) for t in targets]!r}:
            try:
                open(path, "w").write("pwned")
                print("WROTE", path)
            except OSError as e:
                print("refused", path, e.errno)
        try:
            os.utime({str(REPO / "README.md")!r})
            print("TOUCHED README")
        except OSError:
            pass
    """,
    )
    assert result.passed, result
    assert "WROTE" not in result.stdout and "TOUCHED" not in result.stdout
    assert result.stdout.count("refused") == len(targets)
    assert not any(t.exists() for t in targets)


def test_does_not_inherit_secrets(box, monkeypatch):
    secret = secrets.token_hex(16)
    monkeypatch.setenv("CODELLAMA_TEST_SECRET", secret)
    result = run(
        box,
        """
        import os
        print(sorted(os.environ))
        for pid in os.listdir("/proc"):
            try:
                print(open(f"/proc/{pid}/environ").read())
            except OSError:
                pass
    """,
    )
    assert result.passed, result
    assert secret not in result.stdout
    assert "CODELLAMA_TEST_SECRET" not in result.stdout


def test_cannot_read_the_callers_private_files(box, caller_home):
    """Root's runs take a uid of their own, which the home's mode keeps out; an ordinary user's runs have the
    user's own uid, and find its home hidden under an empty mount."""
    secret = secrets.token_hex(16)
    private = caller_home / "credentials"
    private.write_text(secret)
    private.chmod(0o600)
    os.chown(private, caller_home.stat().st_uid, caller_home.stat().st_gid)
    result = run(
        box,
        f"""
        import os
        for read in (lambda: os.listdir({str(caller_home)!r}), lambda: open({str(private)!r}).read()):
            try:
                print("READ", read())
            except OSError as e:
                print("refused", e.errno)
    """,
    )
    assert result.passed, result
    listing, reading = result.stdout.splitlines()
    assert listing == "READ []" or listing.startswith("refused"), listing  # hidden: an empty directory
    assert reading.startswith("refused") and secret not in result.stdout, reading


def test_the_program_has_no_privileges(box):
    result = run(
        box,
        """
        fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
        print(*(fields[f].strip() for f in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs")))
    """,
    )
    assert result.passed, result
    assert result.stdout.split() == ["0000000000000000"] * 5 + ["1"]


def test_an_ordinary_users_program_cannot_make_user_namespaces(unprivileged_box):
    """In a user namespace of its own a program would regain capabilities (and could mount a tmpfs, which no
    rlimit counts); the run's user namespace allows none below it."""
    result = unprivileged_box.run(["unshare", "--user", "--map-root-user", "echo", "escaped"])
    assert result.returncode == 1 and "escaped" not in result.stdout, result
    assert "No space left on device" in result.stderr  # the namespace limit (ENOSPC), not a missing tool


def test_an_ordinary_user_without_user_namespaces_is_refused_and_told_what_to_allow():
    if os.geteuid() != 0:
        pytest.skip("forbidding user namespaces to a user (without touching the host) needs root")
    denied = WorkerSandbox(LIMITS, deny_user_namespaces=True)
    with pytest.raises(SandboxUnavailable) as refused:
        denied.run_python("print('ran')")
    denied.close()
    assert "user.max_user_namespaces is 0" in str(refused.value)
    assert "--unsafe" in str(refused.value) and "run as root" in str(refused.value)


@pytest.mark.parametrize("as_nobody", [False, True], ids=["root", "unprivileged"])
def test_mounts_with_blanks_in_their_names_or_out_of_reach_are_handled(as_nobody):
    """A mount point named with a blank is made read-only like any other; one under a directory closed to the
    isolating user (as under /var/lib/docker) is out of the program's reach too, and does not stop the run."""
    if os.geteuid() != 0:
        pytest.skip("mounting on the host needs root")
    place = Path(tempfile.mkdtemp(prefix="codellama-mounts-"))
    place.chmod(0o755)
    blank, closed = place / "with a\tblank", place / "closed"
    (closed / "inner").mkdir(parents=True)
    blank.mkdir()
    closed.chmod(0o700)
    tmpfs = "mount -t tmpfs -o size=1m codellama-test"
    mounts = f"{tmpfs} {shlex.quote(str(blank))} && {tmpfs} {shlex.quote(str(closed / 'inner'))}"
    box = WorkerSandbox(LIMITS, as_nobody=as_nobody, host_mounts=mounts)
    try:
        result = run(
            box,
            f"""
            for path in {[str(blank / "x"), str(closed / "inner" / "x")]!r}:
                try:
                    open(path, "w").write("pwned")
                    print("WROTE", path)
                except OSError as e:
                    print("refused", e.strerror)
        """,
        )
    finally:
        box.close()
        shutil.rmtree(place)
    assert result.passed, result
    assert result.stdout.splitlines() == ["refused Read-only file system", "refused Permission denied"]


def test_child_that_outlives_its_parent_is_killed(box, marker):
    result = run(
        box,
        f"""
        import subprocess, sys
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "{marker}"], start_new_session=True)
        print("parent done")
    """,
    )
    assert result.passed and "parent done" in result.stdout
    assert processes_with(marker) == []


def test_refuses_to_run_without_isolation_unless_unsafe(monkeypatch):
    monkeypatch.setattr(sandbox.shutil, "which", lambda tool: None)
    problem = sandbox.isolation_problem.__wrapped__()
    assert "unshare" in problem
    monkeypatch.setattr(sandbox, "isolation_problem", lambda: problem)
    with pytest.raises(SandboxUnavailable, match="--unsafe"):
        Sandbox()
    monkeypatch.undo()
    unsafe = Sandbox(Limits(cpu_seconds=1), unsafe=True)
    assert unsafe.run_python("print(6 * 7)").stdout.strip() == "42"
    assert unsafe.run_python("while True: pass").reason == "cpu_limit"


def test_files_cannot_be_placed_outside_the_run_directory(box):
    with pytest.raises(ValueError, match="outside"):
        box.run(["true"], files={"../escape.txt": "x"})


def test_filling_the_disk_hits_the_scratch_space_limit(box):
    result = run(
        box,
        """
        block = b"x" * (1 << 20)
        for i in range(10_000):  # 10 GB, in files under the size limit
            with open(f"f{i}", "wb") as f:
                f.write(block)
    """,
        disk_mb=8,
    )
    assert result.reason == "disk_limit", result


def test_output_right_at_the_cap_is_kept_whole(box):
    result = run(box, f"print('x' * {box.limits.output_bytes - 1})")
    assert result.passed and len(result.stdout) == box.limits.output_bytes


def test_flood_on_stderr_is_capped_and_killed(box):
    result = run(
        box,
        """
        import sys
        chunk = "e" * (1 << 20)
        for _ in range(100):
            sys.stderr.write(chunk)
    """,
    )
    assert result.reason == "output_limit", result.reason
    assert len(result.stderr) == box.limits.output_bytes


@pytest.mark.parametrize(
    "source, name",
    [("import os, signal; os.kill(os.getpid(), signal.SIGTERM)", "SIGTERM"), ("import os; os.abort()", "SIGABRT")],
)
def test_a_program_killed_by_a_signal_is_reported_by_the_signals_name(box, source, name):
    result = run(box, source)
    assert result.reason == f"signal:{name}", result
    assert not result.passed


@pytest.mark.parametrize(
    "broken, message",
    [
        ('mount -o remount,bind,ro "$m"', "writable mounts remain"),  # a mount we could not make read-only
        ('mount -t tmpfs -o "size=${size}m', "cannot mount a scratch filesystem"),
    ],
)
def test_a_setup_that_cannot_isolate_refuses_to_run_the_program(box, monkeypatch, tmp_path, broken, message):
    """Fail closed: when the namespace's setup cannot finish, the program never starts (exit 125)."""
    assert broken in sandbox.SETUP_SCRIPT
    # the step is skipped (a remount that silently did nothing) or fails outright
    replacement = "true" if "remount" in broken else "false && " + broken
    monkeypatch.setattr(sandbox, "SETUP_SCRIPT", sandbox.SETUP_SCRIPT.replace(broken, replacement, 1))
    tmp_path.chmod(0o777)
    escaped = tmp_path / "escaped"
    result = run(box, f"open({str(escaped)!r}, 'w').write('ran'); print('ran')")
    assert (result.reason, result.returncode) == ("setup_failed", sandbox.SETUP_FAILED), result
    assert message in result.stderr
    assert "ran" not in result.stdout and not escaped.exists()
