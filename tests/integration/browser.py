"""Headless Chromium driven through the DevTools protocol on a pipe, with
the standard library only.

`chromium --remote-debugging-pipe` reads the protocol's commands on its
file descriptor 3 and writes its answers and events on 4, each a JSON
message ending with a NUL byte (no port, no websocket). A Browser starts
it with its network cut off (every host name resolves to nothing, every
connection goes to a closed proxy; file:// pages still load), opens one
tab, and records what the tab does: console messages, uncaught
exceptions, log entries (a Content-Security-Policy violation is one),
every request.

    with Browser(profile_dir) as browser:
        browser.open(path)                  # waits for the load event
        browser.evaluate("document.title")  # a JSON value back
        browser.click("table th")           # a real mouse click
        browser.type_into("input", "abc")   # real text input
        browser.console_errors(), browser.requests()
"""

import fcntl
import json
import os
import pathlib
import select
import shutil
import subprocess
import time

# The names Debian and others give the binary.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def chromium_path():
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


class ProtocolError(RuntimeError):
    pass


class Browser:

    def __init__(self, profile_dir, width=1280, height=900, timeout=60):
        self.timeout = timeout
        binary = chromium_path()
        if binary is None:
            raise RuntimeError(
                "chromium not found: .ci/setup installs Debian's chromium")
        # Our end writes commands into `_to_browser` and reads
        # `_from_browser`; chromium's ends are moved above 9, clear of the
        # 3 and 4 they must become.
        reads, self._to_browser = os.pipe()
        self._from_browser, writes = os.pipe()
        browser_reads = fcntl.fcntl(reads, fcntl.F_DUPFD, 10)
        browser_writes = fcntl.fcntl(writes, fcntl.F_DUPFD, 10)
        os.close(reads)
        os.close(writes)
        arguments = [
            "--headless", "--no-sandbox", "--disable-gpu",
            "--remote-debugging-pipe", f"--user-data-dir={profile_dir}",
            f"--window-size={width},{height}",
            "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--disable-default-apps",
            "--disable-features=Translate,OptimizationHints,MediaRouter",
            "--mute-audio",
            # No network: no name resolves, no connection gets anywhere.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        ]
        # bash puts the pipe's ends on 3 and 4 (sh cannot name a
        # descriptor above 9), closes the originals, then becomes chromium.
        script = (f'exec "$0" "$@" 3<&{browser_reads} 4>&{browser_writes} '
                  f'{browser_reads}<&- {browser_writes}>&-')
        # Its log in a file: a pipe nobody reads would fill and stop it.
        self._log_path = pathlib.Path(profile_dir) / "chromium.log"
        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self._log_path, "wb") as log:
            self.process = subprocess.Popen(
                ["/bin/bash", "-c", script, binary] + arguments,
                pass_fds=(browser_reads, browser_writes),
                stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        os.close(browser_reads)
        os.close(browser_writes)
        self._buffer = b""
        self._next_id = 0
        self._events = []
        self.session = None
        self._open_tab()

    # ---- the protocol ----------------------------------------------------

    def _read_message(self, deadline):
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise ProtocolError(
                    "chromium closed the pipe: " + self._stderr_tail())
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def send(self, method, params=None, session=True):
        """Sends a command (to the tab unless `session` is False) and
        returns its result; events read meanwhile are kept."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method,
                   "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise ProtocolError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self._events.append(answer)

    def wait_for(self, method, timeout=None):
        """The first event `method` of the tab not yet waited for."""
        deadline = time.monotonic() + (timeout or self.timeout)
        seen = 0
        while True:
            for i in range(seen, len(self._events)):
                event = self._events[i]
                if event.get("method") == method and not event.get("_waited"):
                    event["_waited"] = True
                    return event["params"]
            seen = len(self._events)
            self._events.append(self._read_message(deadline))

    def _open_tab(self):
        target = self.send("Target.createTarget", {"url": "about:blank"},
                           session=False)["targetId"]
        self.session = self.send(
            "Target.attachToTarget", {"targetId": target, "flatten": True},
            session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")

    # ---- what a test does ------------------------------------------------

    def open(self, path):
        """Loads a file in the tab and waits for its load event; what the
        tab recorded before is forgotten."""
        self._events = []
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (JSON)."""
        result = self.send("Runtime.evaluate", {
            "expression": expression, "returnByValue": True,
            "awaitPromise": True})
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector_expression):
        """A left click, as a mouse gives it, in the middle of the element
        a JavaScript expression names (scrolled into view first)."""
        x, y = self.evaluate(f"""(() => {{
            const e = {selector_expression};
            e.scrollIntoView({{block: "center", inline: "center"}});
            const r = e.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2];
        }})()""")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {
                "type": kind, "x": x, "y": y, "button": "left",
                "buttons": 1 if kind == "mousePressed" else 0,
                "clickCount": 0 if kind == "mouseMoved" else 1})

    def type_into(self, selector_expression, text):
        """Focuses the element and types `text` into it, as a keyboard's
        input method commits it (the page gets its input events)."""
        self.evaluate(f"({selector_expression}).focus()")
        self.send("Input.insertText", {"text": text})

    def set_width(self, width, height=800):
        """Lays the page out at a screen `width` CSS pixels wide."""
        self.send("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1,
            "mobile": width < 600})

    # ---- what the tab recorded -------------------------------------------

    def drain(self, seconds=0.3):
        """Reads the events that arrive within `seconds`."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._events.append(self._read_message(deadline))
        except TimeoutError:
            pass

    def events(self, method):
        return [e["params"] for e in self._events
                if e.get("method") == method]

    def console_errors(self):
        """Console errors and warnings, uncaught exceptions and log
        entries of level error or warning, as text."""
        found = []
        for p in self.events("Runtime.consoleAPICalled"):
            if p["type"] in ("error", "warning", "assert"):
                found.append(f"console.{p['type']}: " + " ".join(
                    str(a.get("value", a.get("description", "")))
                    for a in p["args"]))
        for p in self.events("Runtime.exceptionThrown"):
            details = p["exceptionDetails"]
            found.append("exception: " + details.get("exception", {}).get(
                "description", details.get("text", "")))
        for p in self.events("Log.entryAdded"):
            entry = p["entry"]
            if entry["level"] in ("error", "warning"):
                found.append(f"{entry['source']} {entry['level']}: "
                             f"{entry['text']} {entry.get('url', '')}")
        return found

    def requests(self):
        """The URL of every request the tab made."""
        return [p["request"]["url"]
                for p in self.events("Network.requestWillBeSent")]

    # ---- the end ---------------------------------------------------------

    def _stderr_tail(self):
        return self._log_path.read_bytes().decode(errors="replace")[-2000:]

    def close(self):
        if self.process.poll() is None:
            try:
                self.send("Browser.close", session=False)
            except (ProtocolError, TimeoutError, OSError):
                pass
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
