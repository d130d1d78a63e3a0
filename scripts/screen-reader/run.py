"""A real screen reader over a fixed route through the checklist: Orca in
Chromium, speech written down, the transcript kept in the repository.

    make screen-reader           (runs: dbus-run-session -- python scripts/screen-reader/run.py)

Debian's packages: orca, xvfb, openbox, at-spi2-core, speech-dispatcher,
chromium (scripts/screen-reader/README.md). Not part of `make test`: it takes
about a minute, drives a whole desktop, and what Orca says depends on Orca's
version. Orca speaks through speech-dispatcher; nothing needs to be audible:
Orca's debug log holds every "SPEECH OUTPUT" line, and those are the
transcript.

Steps press real keys (xdotool, through the X server, as a person would);
where a route would take many Tab presses to reach a button, a step moves
focus there with the DevTools protocol, and says so. Each step waits on the
page's state (data-saves, data-announced) and then until Orca has been
silent for a moment (it speaks to a log, so that is quick).

Writes scripts/screen-reader/transcript.txt, prints the difference from the
committed one, checks what issue 25 asks (every question reached with H,
finishing a question announced, no message heard twice) and exits 1 when a
check fails (2 when the desktop cannot be started).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.build import build_site  # noqa: E402
from scripts.chromium import CHROMIUM  # noqa: E402
from scripts.serve import StaticServer  # noqa: E402

HERE = Path(__file__).resolve().parent
TRANSCRIPT = HERE / "transcript.txt"
PAGE = "planera/checklista/"
PROGRAMS = ["Xvfb", "openbox", "orca", "xdotool", "/usr/libexec/at-spi-bus-launcher"]

# Orca's settings: Swedish voice messages come from LANGUAGE=sv; no say-all
# on load (it is cut off by the first key at a moment that varies), no key
# echo (the transcript is what the page says, not the keys).
ORCA_SETTINGS = {
    "general": {
        "sayAllOnLoad": False,
        "pageSummaryOnLoad": True,
        "enableKeyEcho": False,
        "enableEchoByCharacter": False,
        "enableEchoByWord": False,
        "enableModifierKeys": False,
        "enableTutorialMessages": False,
        "speechServerFactory": "orca.speechdispatcherfactory",
        "activeProfile": ["Default", "default"],
        "startingProfile": ["Default", "default"],
    },
    "profiles": {"default": {"profile": ["Default", "default"]}},
    "pronunciations": {},
    "keybindings": {},
}

SPEECH = re.compile(r"SPEECH OUTPUT: '(.*?)'(?:\s*\{.*\})?\s*$")


class Desktop:
    """Xvfb, a window manager, the accessibility bus and Orca, in a temp dir."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.procs: list[subprocess.Popen] = []
        self.log = work / "orca-debug.log"
        self.env = {
            **os.environ,
            "HOME": str(work / "home"),
            "XDG_RUNTIME_DIR": str(work / "run"),
            "XDG_CONFIG_HOME": str(work / "home/.config"),
            "LANGUAGE": "sv",
            "LANG": "C.UTF-8",
            "GTK_A11Y": "atspi",
            "ACCESSIBILITY_ENABLED": "1",
            "NO_AT_BRIDGE": "0",
        }
        for d in ("home", "run"):
            (work / d).mkdir(mode=0o700)

    def start(self, name: str, args: list[str]) -> subprocess.Popen:
        out = open(self.work / f"{name}.out", "w")  # noqa: SIM115 (closed with the process)
        proc = subprocess.Popen(args, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        self.procs.append(proc)
        return proc

    def up(self) -> None:
        """Start the desktop; Orca last, once the accessibility bus is there."""
        read, write = os.pipe()
        out = open(self.work / "xvfb.out", "w")  # noqa: SIM115
        self.procs.append(
            subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(write),
                    "-screen",
                    "0",
                    "1280x900x24",
                    "-nolisten",
                    "tcp",
                    # No key repeat (a key press held up by a busy machine
                    # must not repeat): the first repeat after 60 s.
                    "-ardelay",
                    "60000",
                ],
                env=self.env,
                pass_fds=(write,),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        if not display:
            raise RuntimeError("Xvfb did not start: " + (self.work / "xvfb.out").read_text())
        self.env["DISPLAY"] = ":" + display
        self.start("openbox", ["openbox"])
        self.start("atspi", ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
        prefs = self.work / "orca"
        prefs.mkdir()
        (prefs / "user-settings.conf").write_text(json.dumps(ORCA_SETTINGS), encoding="utf-8")
        self.start("orca", ["orca", "--replace", "-u", str(prefs), "--debug-file", str(self.log)])
        wait_for(
            lambda: self.log.exists() and "SPEECH OUTPUT" in self.log.read_text("utf-8", "replace"),
            30,
            "Orca never spoke (see orca.out)",
        )

    def spoken(self) -> list[str]:
        """Everything Orca has said so far, one utterance a line."""
        lines = []
        for line in self.log.read_text("utf-8", "replace").splitlines():
            m = SPEECH.search(line)
            if m and m.group(1).strip():
                lines.append(m.group(1).strip())
        return lines

    def quiet(self, seconds: float = 0.8, limit: float = 15) -> None:
        """Until Orca's log has not grown for a moment (it speaks to a log:
        nothing waits for audio)."""
        end = time.monotonic() + limit
        size = -1
        while time.monotonic() < end:
            now = self.log.stat().st_size
            if now == size:
                return
            size = now
            time.sleep(seconds)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", "--clearmodifiers", key)
            self.quiet(0.4)

    def nudge(self) -> None:
        """A Shift press, which neither Chromium nor Orca acts on (modifier
        echo is off). Under Xvfb, Orca 43 sometimes leaves a queued event
        (a key, a focus change) until the next input arrives: the route
        nudges it while it waits for speech, so speech is not put under the
        next step."""
        self.xdotool("key", "shift")

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "60", text], env=self.env, check=True)

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()


def wait_for(ok, seconds: float, what: str, nudge=None) -> None:
    """Poll a state (a file, a page attribute) until it holds, or fail saying
    what. nudge, if given, runs once a second while waiting."""
    end = time.monotonic() + seconds
    tick = time.monotonic() + 1
    while time.monotonic() < end:
        if ok():
            return
        if nudge and time.monotonic() > tick:
            nudge()
            tick = time.monotonic() + 1
        time.sleep(0.2)
    raise RuntimeError(what)


class Route:
    """The fixed route: what the person does, and what Orca said after each step."""

    def __init__(self, desktop: Desktop, page) -> None:
        self.desktop = desktop
        self.page = page
        self.steps: list[tuple[str, list[str]]] = []

    def step(self, title: str, act, expect: str | None, first: bool = False) -> None:
        """Do act; wait until Orca has said something containing ``expect``
        (Orca lags behind the keys on a busy machine: without this, speech
        lands under the next step), then until it is silent; keep what it
        said. expect=None: a step that may say nothing."""
        before = 0 if first else len(self.desktop.spoken())
        act()
        if expect is not None:
            said = lambda: self.desktop.spoken()[before:]  # noqa: E731
            try:
                wait_for(lambda: any(expect in line for line in said()), 30, "", self.desktop.nudge)
            except RuntimeError:
                print(f"screen-reader: Orca never said ”{expect}” after: {title}", file=sys.stderr)
        self.desktop.quiet(1.5)
        self.steps.append((title, self.desktop.spoken()[before:]))

    def saves(self) -> int:
        return int(self.page.get_attribute("[data-module='vgr-checklist']", "data-saves") or 0)

    def announced(self) -> int:
        return int(
            self.page.get_attribute("[data-module='vgr-checklist-announce']", "data-announced") or 0
        )

    def announced_after(self, act):
        """Do act, then wait until the page has put one more thing in a live region."""

        def run() -> None:
            count = self.announced()
            act()
            wait_for(lambda: self.announced() > count, 20, "nothing was put in a live region")

        return run

    def saved_after(self, act):
        """Do act, then wait until the checklist has written once more."""

        def run() -> None:
            count = self.saves()
            act()
            wait_for(lambda: self.saves() > count, 20, "the checklist never saved")

        return run

    def focus(self, selector: str):
        """Move focus with the DevTools protocol (instead of many Tab presses)."""
        return lambda: self.page.focus(selector)

    def walk(self) -> None:
        d = self.desktop
        heading = "nivå"  # Orca: "… huvud nivå 3."
        self.step("Sidan är laddad", lambda: None, "landmärken", first=True)
        for n in range(7):
            self.step(f"H (nästa rubrik), {n + 1}", lambda: d.keys("h"), heading)
        for n in range(3):
            self.step(f"Skift+H (föregående rubrik), {n + 1}", lambda: d.keys("shift+h"), heading)
        self.step("Tabb till svarsrutan", lambda: d.keys("Tab"), "Ert svar på fråga 1")
        # Typed text is ASCII: xdotool maps other letters to spare keys, which can race.
        self.step("Skriver ”Vi vill”", self.saved_after(lambda: d.type("Vi vill")), "Sparat")
        self.step("Skriver ” mer”, samma minut", self.saved_after(lambda: d.type(" mer")), None)
        self.step(
            "Tabb, Tabb till ”Klar med fråga 1”", lambda: d.keys("Tab", "Tab"), "Klar med fråga 1"
        )
        self.step(
            "Mellanslag: kryssar i ”Klar”",
            self.announced_after(lambda: d.keys("space")),
            "frågor klara",
        )
        self.step(
            "Fokus till uppgiftslistans länk ”Fråga 2” (DevTools)",
            self.focus(".vgr-task-list li:nth-child(2) a"),
            "Hur kommer vi dit?",
        )
        self.step("Retur på länken", lambda: d.keys("Return"), None)
        self.step("Fokus till ”Fler val” (DevTools)", self.focus(".vgr-more summary"), "Fler val")
        self.step("Retur: öppnar ”Fler val”", lambda: d.keys("Return"), "utfälld")
        self.step(
            "Fokus till ”Kopiera som text” (DevTools)",
            self.focus("[data-action='copy-text']"),
            "Kopiera som text",
        )
        self.step(
            "Retur: kopierar planen", self.announced_after(lambda: d.keys("Return")), "kopierad"
        )
        self.step("Fokus till ”Ny plan” (DevTools)", self.focus("[data-action='new']"), "Ny plan")
        self.step("Retur: ny plan", self.saved_after(lambda: d.keys("Return")), "En ny, tom plan")
        self.step("Skriver planens namn ”Plan B”", self.saved_after(lambda: d.type("Plan B")), None)
        self.step(
            "Fokus till ”Ta bort planen” (DevTools)",
            self.focus("[data-action='delete']"),
            "Ta bort planen",
        )
        self.page.once("dialog", lambda dialog: dialog.accept())
        self.step(
            "Retur: tar bort planen (frågan besvaras med OK)",
            self.saved_after(lambda: d.keys("Return")),
            "är borttagen",
        )

    def transcript(self) -> str:
        out = [
            "# What Orca says on a fixed route through the checklist.",
            "# Written by `make screen-reader` (scripts/screen-reader/run.py); review changes.",
            f"# {orca_version()}, {chromium_version()}",
            "",
        ]
        for title, said in self.steps:
            out.append(f"## {title}")
            out.extend(f"  {stable(line)}" for line in said)
            out.append("")
        return "\n".join(out)


def stable(line: str) -> str:
    """A line without what differs from run to run: clock, date, port."""
    line = re.sub(r"\b\d{4}-\d\d-\d\d\b", "ÅÅÅÅ-MM-DD", line)
    line = re.sub(r"\b\d\d:\d\d\b", "TT:MM", line)
    line = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", line)
    # The window's name as Orca first meets it: with or without the page's
    # title, depending on how far the page has loaded.
    return re.sub(r"^.* – Chromium ram\.$", "Chromium ram.", line)


def orca_version() -> str:
    return subprocess.run(["orca", "--version"], capture_output=True, text=True).stdout.strip()


def chromium_version() -> str:
    return subprocess.run(
        [str(CHROMIUM), "--version"], capture_output=True, text=True
    ).stdout.strip()


def checks(route: Route) -> list[str]:
    """What issue 25 asks of the transcript; the problems found."""
    problems = []
    by_h = [line for title, said in route.steps if title.startswith("H ") for line in said]
    for n in range(1, 5):
        if not any(line.startswith(f"Fråga {n} ") for line in by_h):
            problems.append(f"H did not reach the question heading ”Fråga {n}” in the form")
    ticked = dict(route.steps).get("Mellanslag: kryssar i ”Klar”", [])
    if not any("Fråga 1: Klar." in line for line in ticked):
        problems.append("finishing question 1 was not announced")
    messages = [
        line
        for _title, said in route.steps
        for line in said
        if line.startswith(("Sparat i webbläsaren", "Planen", "En ny", "Fråga 1: "))
    ]
    twice = sorted({m for m in messages if messages.count(m) > 1})
    problems += [f"heard twice: ”{m}”" for m in twice]
    return problems


def main() -> int:
    missing = [p for p in PROGRAMS + [str(CHROMIUM)] if not shutil.which(p)]
    if missing:
        print(
            "Missing: " + ", ".join(missing) + ". As root: apt-get install -y orca xvfb openbox "
            "at-spi2-core speech-dispatcher xdotool dbus chromium",
            file=sys.stderr,
        )
        return 2
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ:
        print("Run inside a D-Bus session: dbus-run-session -- python " + __file__, file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="screen-reader-") as tmp:
        work = Path(tmp)
        site = work / "site"
        result = build_site(site)
        if result.returncode:
            print(result.stderr, file=sys.stderr)
            return 2
        for d in [site, *site.rglob("*")]:
            if d.is_dir():
                d.chmod(0o755)
        desktop = Desktop(work)
        try:
            with StaticServer(site) as server, sync_playwright() as pw:
                desktop.up()
                profile = work / "chromium"
                desktop.start(
                    "chromium",
                    [
                        str(CHROMIUM),
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--force-renderer-accessibility",
                        "--lang=sv",
                        "--window-size=1280,900",
                        "--window-position=0,0",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--remote-debugging-port=0",
                        f"--user-data-dir={profile}",
                        server.url + PAGE,
                    ],
                )
                port_file = profile / "DevToolsActivePort"
                wait_for(port_file.exists, 60, "Chromium did not start (see chromium.out)")
                port = port_file.read_text().split()[0]
                browser = pw.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
                page = browser.contexts[0].pages[0]
                page.wait_for_selector("[data-module='vgr-checklist'][data-ready]", timeout=60_000)
                route = Route(desktop, page)
                route.walk()
                text = route.transcript()
        except RuntimeError as err:
            print(f"screen-reader: {err}", file=sys.stderr)
            for log in sorted(work.glob("*.out")):
                print(f"--- {log.name}\n{log.read_text(errors='replace')[-2000:]}", file=sys.stderr)
            return 2
        finally:
            desktop.stop()
            if os.environ.get("SR_KEEP_LOG"):
                shutil.copy(desktop.log, os.environ["SR_KEEP_LOG"])

    old = TRANSCRIPT.read_text(encoding="utf-8") if TRANSCRIPT.exists() else ""
    TRANSCRIPT.write_text(text + "\n", encoding="utf-8")
    diff = list(
        difflib.unified_diff(old.splitlines(), text.splitlines(), "committed", "now", lineterm="")
    )
    print("\n".join(diff) if diff else "The transcript is unchanged.")
    problems = checks(route)
    for problem in problems:
        print("FAIL: " + problem)
    if not problems:
        print("OK: every question reached with H, finishing announced, no message heard twice.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
