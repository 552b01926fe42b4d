"""`aims worker`: the background worker. It runs the task queue and, every AIMS_REMINDER_INTERVAL_MINUTES,
enqueues the reminders sweep (computed measurements, reminders, e-mail), since django.tasks has no periodic
scheduler of its own.

With the database backend (the default) the queue is worked in this process by django-tasks-db's worker;
with the Redis backend by RQ's worker (django-rq's `rqworker`). Run ONE scheduling worker; more workers for
a busy queue take `--no-schedule`.

`aims worker --once` enqueues one sweep, works the queue until it is empty and stops (for cron and tests).
"""

from __future__ import annotations

import logging
import threading
from typing import Annotated

import typer
from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connections
from django.utils.crypto import get_random_string
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_typer.management import TyperCommand

from aims.reminders.tasks import sweep

logger = logging.getLogger("aims.reminders")
RQ_JOB = "django_tasks_rq.Job"  # RQ runs django.tasks tasks only through this job class


def enqueue_sweep() -> None:
    result = sweep.enqueue()
    logger.info("Reminders sweep enqueued: %s", result.id)


def _schedule(every_seconds: float, stop: threading.Event) -> None:
    """Enqueue a sweep now and then every interval, until told to stop (a daemon thread)."""
    while not stop.is_set():
        try:
            enqueue_sweep()
        except Exception:
            logger.exception("Could not enqueue the reminders sweep")
        finally:
            connections.close_all()
        stop.wait(every_seconds)


def _database_worker(*, batch: bool, poll: float) -> None:
    worker = Worker(
        queue_names=["*"],
        interval=poll,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
    )
    if not batch:
        worker.configure_signals()
    worker.run()


class Command(TyperCommand):
    help = "Run the background worker: the task queue, and the reminders sweep at intervals."

    def handle(
        self,
        once: Annotated[
            bool, typer.Option("--once", help="Enqueue one sweep, work the queue until empty, then stop.")
        ] = False,
        schedule: Annotated[
            bool,
            typer.Option("--schedule/--no-schedule", help="Enqueue the sweep at intervals (one worker)."),
        ] = True,
        minutes: Annotated[
            int | None,
            typer.Option(
                "--interval-minutes", min=1, help="Minutes between sweeps (AIMS_REMINDER_INTERVAL_MINUTES)."
            ),
        ] = None,
        poll: Annotated[float, typer.Option(min=0.1, help="Seconds between looks at an empty queue.")] = 1.0,
    ) -> None:
        every = 60.0 * (minutes or settings.AIMS_REMINDER_INTERVAL_MINUTES)
        is_database = isinstance(task_backends[sweep.backend], DatabaseBackend)
        if once:
            enqueue_sweep()
            if is_database:
                _database_worker(batch=True, poll=poll)
            else:
                call_command("rqworker", "default", job_class=RQ_JOB, burst=True)
            close_old_connections()
            return
        stop = threading.Event()
        if schedule:
            thread = threading.Thread(target=_schedule, args=(every, stop), name="aims-sweeps", daemon=True)
            thread.start()
            self.stdout.write(f"Reminders sweep every {every / 60:g} minutes.")
        try:
            if is_database:
                self.stdout.write("Working the task queue in the database (Ctrl-C stops).")
                _database_worker(batch=False, poll=poll)
            else:
                self.stdout.write("Working the task queue on Redis (Ctrl-C stops).")
                call_command("rqworker", "default", job_class=RQ_JOB, with_scheduler=True)
        finally:
            stop.set()
