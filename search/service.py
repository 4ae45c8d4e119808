"""The site's search service: one embedded engine per site, supervised.

`manage.py search_service` runs `osmem-server` on SEARCH_SERVICE_ADDRESS, the address every
process of the site reaches through ELASTICSEARCH_URL. It

- rebuilds the index from the database each time the engine starts (an embedded engine
  keeps its index in memory) and then replays the outbox;
- notices a dead engine (the process exited, or it stopped answering health checks) and
  starts a new one on the same address, then rebuilds: nothing is lost, because the
  database is the source of truth and changes made meanwhile wait in the outbox;
- drains the outbox every few seconds and re-sends assignments whose status the passing
  days changed, so a site without cron stays true too;
- stops the engine when it stops: on SIGTERM, SIGINT or SIGHUP, and when its own parent
  goes away. The engine is also told our pid (`--parent-pid`) and watches its stdin, so it
  exits even if this process is killed outright.

With a command after `--` (`search_service -- manage.py runserver`), the service starts it
once the index is ready, with ELASTICSEARCH_URL pointing at the engine, and stops when it
exits: one command runs the whole site. With ELASTICSEARCH_URL set to a cluster, no engine
is started; the service then only keeps the outbox and statuses moving.
"""

import json
import logging
import os
import signal
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from osmem_server import resolve_binary

from . import state
from .engine import SEARCH_ERRORS, get_client
from .indexing import index_exists
from .outbox import enqueue_aged_assignments, flush_outbox
from .rebuild import rebuild_index

logger = logging.getLogger(__name__)

MAINTENANCE_ERRORS = (*SEARCH_ERRORS, DatabaseError, state.RebuildInProgress)


@dataclass(frozen=True)
class ServiceConfig:
    """Where the engine listens (None: an external cluster at ELASTICSEARCH_URL) and how often to look."""

    address: str | None
    health_interval: float = 2.0
    # Failed health checks in a row before a hung engine is replaced. A busy engine (a bulk
    # rebuild on a loaded machine) can miss a few answers; replacing it then loses the work,
    # so a hang must last about a minute (10 checks, each waiting up to `health_timeout`).
    unhealthy_after: int = 10
    health_timeout: float = 5.0
    drain_interval: float = 2.0
    statuses_interval: float = 60.0
    rebuild_retry: float = 2.0

    @property
    def url(self) -> str:
        return f"http://{self.address}" if self.address else settings.ELASTICSEARCH_URL


class ServiceStopped(Exception):
    """Raised by the signal handler to leave whatever the service is doing."""


def engine_environment(environ=None) -> dict:
    """The engine's environment, with its garbage collector tuned for a search index.

    The engine is written in Go and keeps the whole index on its heap (about 2 GB live at
    100,000 paragraphs), while every query allocates 2-50 MB of postings. With Go's default
    (collect when the heap has grown by 100 % of the live heap) a collection, each costing
    2-3 s of CPU to mark that live heap, came every 40-60 broad queries: measured as more
    engine CPU than the queries themselves. Collecting at 400 % growth makes that cost a
    fifth; the memory limit (by default half the machine's memory) is the soft cap Go
    collects earlier at, so a large index never makes the heap outgrow the machine.
    An operator's own GOGC/GOMEMLIMIT win.
    """
    environment = dict(os.environ if environ is None else environ)
    environment.setdefault("GOGC", str(settings.SEARCH_ENGINE_GC_PERCENT))
    limit = settings.SEARCH_ENGINE_MEMORY_LIMIT or _half_of_memory()
    if limit:
        environment.setdefault("GOMEMLIMIT", limit)
    return environment


def _half_of_memory() -> str | None:
    try:
        pages, page_size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError):
        return None
    return f"{pages * page_size // 2 // (1 << 20)}MiB"


class EngineProcess:
    """One osmem-server child on a fixed address."""

    def __init__(self, address: str):
        self.address = address
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> int:
        args = [resolve_binary(), "--addr", self.address, "--no-ja", "--parent-pid", str(os.getpid())]
        # Its own session: a Ctrl-C in the terminal reaches the service, which stops the
        # engine in order, rather than the engine directly.
        process = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
            env=engine_environment(),
        )
        ready = threading.Event()

        def read_stdout():
            for line in process.stdout:  # read to the end, so the pipe never fills
                try:
                    message = json.loads(line)
                except ValueError:
                    continue
                if isinstance(message, dict) and "url" in message:
                    ready.set()

        threading.Thread(target=read_stdout, daemon=True).start()
        ready.wait(timeout)
        if process.poll() is not None or not ready.is_set():
            self._kill(process)
            raise OSError(f"osmem-server did not start on {self.address} (is the address in use?)")
        self.process = process
        return process.pid

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def exit_code(self) -> int | None:
        """None while the engine runs (or was never started)."""
        return self.process.poll() if self.process else None

    def answers(self, timeout: float = 2.0) -> bool:
        try:
            with urllib.request.urlopen(f"http://{self.address}/", timeout=timeout) as response:
                return response.status == 200
        except OSError:
            return False

    def stop(self, grace: float = 5.0) -> None:
        """Close its stdin (it exits), SIGTERM, then SIGKILL after `grace` seconds."""
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.poll() is None:
            try:
                process.stdin.close()
                process.terminate()
                process.wait(grace)
            except (OSError, subprocess.TimeoutExpired):
                self._kill(process)
        else:
            process.wait()

    @staticmethod
    def _kill(process):
        if process.poll() is None:
            process.kill()
        process.wait()


class SearchService:
    """The supervisor loop; `run()` returns an exit code."""

    def __init__(self, config: ServiceConfig, command: list[str] | None = None, say=print):
        self.config = config
        self.command = command
        self.say = say
        self.engine = EngineProcess(config.address) if config.address else None
        self.child: subprocess.Popen | None = None
        self.stopping = False
        self.parent_pid = os.getppid()
        self.needs_rebuild = True
        self.rebuild_attempted = False
        self.failed_checks = 0
        self.restart_delay = 1.0
        self._next = {"health": 0.0, "drain": 0.0, "statuses": 0.0, "rebuild": 0.0, "start": 0.0}

    # -- lifecycle -----------------------------------------------------------------------
    def run(self) -> int:
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, self._on_signal)
        if self.config.address:
            settings.ELASTICSEARCH_URL = self.config.url  # this process reaches its own engine
        try:
            if self.engine is None:
                self.needs_rebuild = not self._index_exists()
            while not self.stopping:
                self._tick()
                if self.child is not None and self.child.poll() is not None:
                    return self.child.returncode
                if os.getppid() != self.parent_pid:
                    self.say("search_service: föräldraprocessen är borta; stänger")
                    return 0
                time.sleep(0.2)
            return 0
        except ServiceStopped:
            return 0
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            self._stop_child()
            if self.engine is not None:
                self.engine.stop()
                self.say("search_service: sökmotorn stoppad")

    def _on_signal(self, signum, frame):
        if not self.stopping:
            self.stopping = True
            raise ServiceStopped

    def _stop_child(self):
        if self.child is None:
            return
        for signum, grace in ((signal.SIGINT, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.child.pid, signum)  # what Ctrl-C would have sent, then no choice
            except ProcessLookupError:
                return
            try:
                self.child.wait(grace)
                return
            except subprocess.TimeoutExpired:
                continue

    # -- one pass of the loop -------------------------------------------------------------
    def _tick(self):
        now = time.monotonic()
        if self.engine is not None:
            self._watch_engine(now)
        if self.needs_rebuild and now >= self._next["rebuild"] and self._engine_up():
            self._rebuild(now)
        if not self.needs_rebuild:
            self._maintain(now)
        if self.command and self.child is None and (not self.needs_rebuild or self.rebuild_attempted):
            # Its own process group, so that stopping it reaches its children too (runserver's
            # autoreloader runs the server as a child).
            env = {**os.environ, "ELASTICSEARCH_URL": self.config.url}
            self.child = subprocess.Popen(self.command, env=env, process_group=0)
        close_old_connections()

    def _engine_up(self) -> bool:
        return self.engine is None or self.engine.exit_code() is None and self.engine.pid is not None

    def _watch_engine(self, now):
        code = self.engine.exit_code()
        if self.engine.pid is not None and code is not None:
            self.say(f"search_service: sökmotorn avslutades (kod {code}); startar en ny")
            self.engine.stop()
        elif self.engine.pid is not None and now >= self._next["health"]:
            self._next["health"] = now + self.config.health_interval
            answered = self.engine.answers(timeout=self.config.health_timeout)
            self.failed_checks = 0 if answered else self.failed_checks + 1
            if self.failed_checks >= self.config.unhealthy_after:
                self.say("search_service: sökmotorn svarar inte; startar en ny")
                self.engine.stop(grace=1.0)
        if self.engine.pid is None and now >= self._next["start"]:
            try:
                pid = self.engine.start()
            except OSError as error:
                self.say(f"search_service: {error}; försöker igen om {self.restart_delay:.0f} s")
                self._next["start"] = now + self.restart_delay
                self.restart_delay = min(self.restart_delay * 2, 30.0)
                return
            self.restart_delay = 1.0
            self.failed_checks = 0
            self.needs_rebuild = True  # a new embedded engine is empty
            self.say(f"search_service: sökmotorn startad pid={pid} på {self.config.url}")

    def _rebuild(self, now):
        try:
            result = rebuild_index(client=get_client())
        except MAINTENANCE_ERRORS as error:
            self.say(f"search_service: indexet kunde inte byggas ({error}); försöker igen")
            self._next["rebuild"] = now + self.config.rebuild_retry
        else:
            self.needs_rebuild = False
            self.say(
                f"search_service: indexet byggt från databasen med {result.documents} dokument, "
                f"{result.replayed.sources} senare ändringar skickade; redo på {self.config.url}"
            )
        self.rebuild_attempted = True

    def _maintain(self, now):
        try:
            if now >= self._next["statuses"]:
                self._next["statuses"] = now + self.config.statuses_interval
                if state.statuses_as_of() != date.today():
                    queued = enqueue_aged_assignments()
                    self.say(f"search_service: {queued} uppdrag med ändrad status köade")
            if now >= self._next["drain"]:
                self._next["drain"] = now + self.config.drain_interval
                flush_outbox()
        except MAINTENANCE_ERRORS as error:
            logger.warning("search_service: outbox not drained: %s", error)

    def _index_exists(self) -> bool:
        try:
            return index_exists(get_client())
        except SEARCH_ERRORS:
            return False
