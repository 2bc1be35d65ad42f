"""A throw-away PostgreSQL server on 127.0.0.1 for the test suite (Debian, as root).

Standard library only, like the bootstrap that calls it. The recipe is the one measured in
shared/tech-notes.md: pg_createcluster on a free port, loopback only, scram auth.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CLUSTER = "kaunettest"
PACKAGES = ("postgresql",)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _version() -> str | None:
    base = Path("/usr/lib/postgresql")
    versions = (
        sorted((p.name for p in base.iterdir() if (p / "bin" / "postgres").exists()), key=int)
        if base.exists()
        else []
    )
    return versions[-1] if versions else None


def _run(*args: str, user: str | None = None) -> None:
    command = list(args) if user is None else ["su", user, "-c", " ".join(args)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def available() -> bool:
    return os.name == "posix" and os.geteuid() == 0 and shutil.which("pg_createcluster") is not None


@contextmanager
def temporary_server() -> Iterator[str]:
    """Start a cluster, yield a SQLAlchemy URL of an empty database, stop and drop it."""
    version = _version()
    if version is None:
        raise RuntimeError("PostgreSQL server binaries not found")
    port = _free_port()
    password = secrets.token_hex(12)
    folder = Path(tempfile.mkdtemp(prefix="kaunet-pg-"))
    shutil.chown(folder, "postgres", "postgres")
    subprocess.run(["pg_dropcluster", "--stop", version, CLUSTER], check=False, capture_output=True)
    subprocess.run(
        [
            "pg_createcluster",
            version,
            CLUSTER,
            "-d",
            str(folder / "data"),
            "-p",
            str(port),
            "--start-conf=manual",
            "--",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ],
        check=True,
        capture_output=True,
    )
    conf = Path(f"/etc/postgresql/{version}/{CLUSTER}/conf.d/loopback.conf")
    conf.write_text("listen_addresses = '127.0.0.1'\nfsync = off\n", encoding="utf-8")
    try:
        _run("pg_ctlcluster", version, CLUSTER, "start")
        for sql in (
            f"CREATE ROLE kaunet LOGIN CREATEDB PASSWORD '{password}'",
            "CREATE DATABASE kaunet OWNER kaunet",
        ):
            subprocess.run(
                ["su", "postgres", "-c", f'psql -q -p {port} -c "{sql}"'],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        yield f"postgresql+psycopg://kaunet:{password}@127.0.0.1:{port}/kaunet"
    finally:
        subprocess.run(
            ["pg_ctlcluster", version, CLUSTER, "stop"], check=False, capture_output=True
        )
        subprocess.run(["pg_dropcluster", version, CLUSTER], check=False, capture_output=True)
        # pg_dropcluster leaves the folder behind when it holds a file of ours.
        shutil.rmtree(conf.parent.parent, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)
