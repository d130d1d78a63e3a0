"""Run deploy/nginx.conf for real on the loopback interface (tests, benchmarks).

The server block is the one we ship, with only the install paths and the port
changed. Python binds the listening socket (port 0, so no race for a port) and
hands it to nginx, which takes inherited sockets from the NGINX variable.
Start-up fails loudly, with nginx's own log, if nginx does not serve.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
INSTALL = "/srv/kompetensutveckling"
# Where deploy/nginx.conf writes its (anonymised) access log on a server.
ACCESS_LOG = "/var/log/nginx/kompetensutveckling.access.log"
MISSING = (
    "nginx is not installed: the deployment tests run deploy/nginx.conf in a real nginx. "
    "Install it as root: apt-get install nginx-light (or, as root, make test "
    "INSTALL_SYSTEM_DEPS=1)."
)


class NginxError(RuntimeError):
    """nginx refused the configuration or did not serve."""


def render_config(site: Path, csp_conf: Path, port: int, work: Path) -> str:
    """deploy/ as shipped, with only the install paths, the access log (into
    `work`) and the port changed."""
    deploy = work / "deploy"
    deploy.mkdir()
    headers = (ROOT / "deploy" / "security-headers.conf").read_text(encoding="utf-8")
    if f"include {INSTALL}/site-csp.conf;" not in headers:
        raise NginxError("deploy/security-headers.conf no longer includes site-csp.conf")
    (deploy / "security-headers.conf").write_text(
        headers.replace(f"{INSTALL}/site-csp.conf", str(csp_conf)), encoding="utf-8"
    )
    server = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for old, new in [
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        (f"root {INSTALL}/site;", f"root {site};"),
        (f"{INSTALL}/deploy/", f"{deploy}/"),
        (ACCESS_LOG, str(work / "access.log")),
    ]:
        if old not in server:
            raise NginxError(f"deploy/nginx.conf no longer has {old!r}")
        server = server.replace(old, new)
    return server


def main_config(work: Path) -> str:
    """The http block around the server block; everything inside `work`."""
    # As root, workers would run as "nobody" and could not read private
    # temporary folders (a mktemp -d folder is 0700): run them as this user.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""daemon off;
{user}pid {work}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    include {work}/server.conf;
}}
"""


def bind_loopback() -> socket.socket:
    """A listening socket on a free loopback port, for NginxServer. Bind it
    first when the site must know its address before it is built."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    return listener


class NginxServer:
    """nginx serving a built site with deploy/nginx.conf, until closed.

    `work` must be an empty folder; nginx writes its config and log there.
    The listening socket (bind_loopback) is handed to nginx and closed here.
    """

    def __init__(
        self,
        site: Path,
        csp_conf: Path,
        work: Path,
        listener: socket.socket | None = None,
        timeout: float = 20,
    ) -> None:
        if not Path(NGINX).exists():
            raise NginxError(MISSING)
        listener = listener or bind_loopback()
        self.port: int = listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = work / "error.log"
        self.access_log_path = work / "access.log"
        (work / "server.conf").write_text(
            render_config(site, csp_conf, self.port, work), encoding="utf-8"
        )
        (work / "nginx.conf").write_text(main_config(work), encoding="utf-8")
        command = [NGINX, "-p", str(work), "-c", str(work / "nginx.conf")]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
        if check.returncode:
            listener.close()
            raise NginxError(f"nginx -t refused the configuration:\n{check.stderr}")
        with listener, self.log_path.open("w") as log:
            fd = listener.fileno()
            self.process = subprocess.Popen(
                command, stderr=log, pass_fds=(fd,), env={**os.environ, "NGINX": f"{fd};"}
            )
        # nginx now holds the only copy of the socket: if it dies, connections fail.
        self._wait_until_serving(timeout)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def _wait_until_serving(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        error: Exception | None = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise NginxError(
                    f"nginx exited with {self.process.returncode} before serving; "
                    f"its log:\n{self.log()}"
                )
            try:
                with urllib.request.urlopen(self.url, timeout=deadline - time.monotonic()):
                    return
            except urllib.error.HTTPError:
                return  # nginx answered (an error page is still an answer)
            except OSError as err:
                error = err
                # Wait for nginx to exit (then the loop reports it), or a moment.
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=0.05)
        self.close()
        raise NginxError(
            f"nginx did not serve {self.url} within {timeout:.0f} s ({error}); "
            f"its log:\n{self.log()}"
        )

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def __enter__(self) -> NginxServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
