"""Other processes of the site, for tests: the search service, commands, a gunicorn server.

Every process a test starts reaches the same test database and the same search engine
as the test itself, through the environment the session sets (`session_environment`).
"""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    """The URL of the database the tests use now (the test database, once it is set up)."""
    current = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{current['NAME']}"
    user = current.get("USER") or ""
    password = f":{current['PASSWORD']}" if current.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = current.get("HOST") or "127.0.0.1"
    port = f":{current['PORT']}" if current.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{current['NAME']}"


def wait_until(condition, timeout=30.0, interval=0.2, message="condition"):
    """Poll `condition` until it returns something truthy; that value is returned."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{message} not reached within {timeout} s")
        time.sleep(interval)


def run_python(code: str, timeout: float = 120.0) -> str:
    """Run Python code in a new process with Django set up, as a shell or a script would."""
    script = "import django\ndjango.setup()\n" + code
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=timeout
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def run_manage(*args: str, timeout: float = 120.0) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=timeout
    )


class SearchServiceProcess:
    """`manage.py search_service` in a subprocess, with its output read as it comes."""

    def __init__(self, address: str, env: dict):
        self.address = address
        self.url = f"http://{address}"
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "search_service", "--addr", address],
            cwd=PROJECT_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip())

    def output(self) -> str:
        return "\n".join(self.lines)

    def count(self, pattern: str) -> int:
        return sum(1 for line in self.lines if re.search(pattern, line))

    def wait_for(self, pattern: str, occurrences: int = 1, timeout: float = 60.0):
        def seen():
            if self.process.poll() is not None:
                raise AssertionError(f"search service exited:\n{self.output()}")
            return self.count(pattern) >= occurrences

        wait_until(seen, timeout=timeout, message=f"{pattern!r} ×{occurrences} in:\n{self.output()}")

    def wait_ready(self, times: int = 1, timeout: float = 240.0):
        self.wait_for(r"redo på", occurrences=times, timeout=timeout)

    def engine_pid(self) -> int:
        return int(re.findall(r"pid=(\d+)", self.output())[-1])

    def stop(self, sig=signal.SIGTERM, timeout: float = 60.0) -> int:
        """Send `sig` and wait; a service that has not exited after `timeout` is killed."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait(10)


def pid_alive(pid: int) -> bool:
    """True while `pid` runs (a zombie counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1][0] != "Z"
    except FileNotFoundError:
        return False


def service_environment(extra=None) -> dict:
    """The environment for a search service subprocess: the test database, the test settings."""
    env = {key: value for key, value in os.environ.items() if key != "ELASTICSEARCH_URL"}
    env.update(DJANGO_SETTINGS_MODULE="beslutsspar.settings.test", DATABASE_URL=database_url())
    env.update(extra or {})
    return env
