"""A throw-away PostgreSQL server for the integration tests: Debian's
PostgreSQL 15, started on a temporary data folder and a free loopback port,
password-only access; as root it runs as the `postgres` system user
(PostgreSQL refuses to run as root)."""

import os
import pathlib
import pwd
import subprocess
import urllib.parse

import vigie_testlib as lib

PG_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")
PASSWORD = "pg-It-Secret-7c41e9"
USER = "vigie"
DATABASE = "vigie"


class PostgresServer:
    """A throw-away PostgreSQL cluster in `folder`, password-only access."""

    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = None
        self.as_postgres = []
        if os.geteuid() == 0:
            # The server's files must belong to the user that runs it.
            account = pwd.getpwnam("postgres")
            os.chmod(self.folder.parent, 0o755)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.as_postgres = ["runuser", "-u", "postgres", "--"]

    def server_command(self, *args, timeout=120):
        return subprocess.run(self.as_postgres + [str(a) for a in args],
                              capture_output=True, text=True, timeout=timeout)

    def init(self):
        password_file = self.folder / "password"
        password_file.write_text(PASSWORD + "\n")
        if self.as_postgres:
            account = pwd.getpwnam("postgres")
            os.chown(password_file, account.pw_uid, account.pw_gid)
        result = self.server_command(
            PG_BIN / "initdb", "-D", self.data, "-U", USER,
            f"--pwfile={password_file}", "--auth=scram-sha-256",
            "-E", "UTF8", "--no-locale", "--no-sync")
        password_file.unlink()
        if result.returncode != 0:
            raise RuntimeError("initdb failed:\n" + result.stdout + result.stderr)

    def start(self):
        # The port is free when asked for; another test may take it before
        # the server binds it, hence a few tries.
        for _ in range(5):
            self.port = lib.free_port()
            options = (f"-p {self.port} -k {self.folder} "
                       f"-c listen_addresses=127.0.0.1 -c fsync=off")
            result = self.server_command(
                PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-w",
                "-t", "60", "-o", options, "start")
            if result.returncode == 0:
                return
        raise RuntimeError("PostgreSQL did not start:\n" + result.stderr +
                           self.log.read_text(errors="replace"))

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self.server_command(PG_BIN / "pg_ctl", "-D", self.data, "-m",
                                "fast", "-w", "stop")

    def psql(self, database, *args, stdin=None):
        env = lib.clean_environment(PGPASSWORD=PASSWORD)
        result = subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
             "-p", str(self.port), "-U", USER, "-d", database] + list(args),
            input=stdin, capture_output=True, text=True, env=env, timeout=120)
        if result.returncode != 0:
            raise RuntimeError("psql failed: " + result.stderr)
        return result.stdout

    def url(self):
        return (f"postgresql://host=127.0.0.1 port={self.port} "
                f"dbname={DATABASE} user={USER}")

    def uri(self, password):
        """libpq's URI form, the one the spec reference shows, with the
        password inside (percent-encoded: libpq decodes it)."""
        return (f"postgresql://{USER}:{urllib.parse.quote(password)}"
                f"@127.0.0.1:{self.port}/{DATABASE}")
