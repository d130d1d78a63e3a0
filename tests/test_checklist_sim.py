"""The checklist's sync core, proven by a seeded simulation: the real
JavaScript (docs/javascripts/checklist/1-core.js and 2-tab.js) run under Node
by tests/sim/run.js, 2-4 tabs over one storage whose copies in each tab lag,
storage events late, twice, out of order or never, back/forward cache, reloads,
new/duplicate/delete/undo, conflict choices and a storage that fills up. The
invariants are checked after every step and after settling (see run.js).

No browser: this is in the fast lane. A failure prints the seed and the
command that replays it step by step. `make fuzz` runs a million schedules.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

RUN = ROOT / "tests" / "sim" / "run.js"

# Schedules that found a race while the core was written (each then fixed),
# kept so they run on every change, as (seed, steps): a stale write over a write
# its tab had already seen; a write into a plan deleted elsewhere, and undo,
# bringing back a stale copy; writes redone while storage was full lost on a
# reload; a focused field taking another tab's text that only started like its
# own (a sentence split in two); two lost writes of one field redone in the
# wrong order; a tab that learnt of a deletion keeping its own older copy of
# the plan, not the plan as deleted (2251734939); a tab that never read the
# deleted plan's content bringing it back after storage stopped keeping it
# (4794: the simulation's oracle was wrong there, see run.js); a plan deleted
# while a lost write of it waited to be redone (storage full), kept without
# that text (31027435, 41003052); a deletion undone in its tab done again
# after a stale write lost it (31058816); like 4794, a plan brought back by a
# tab that never learnt its content, where the oracle was wrong (31115733,
# 31141198, 31191466); an undo waiting (storage full) over a later deletion
# bringing back the older plan (51093477); a lost write made again into a
# plan its tab had deleted since, bringing the plan back (61013428, 61016033);
# a lost text another tab had kept beside the answer, dropped because the box
# was typed in since (61048961, 61057305); a box changed under the person's
# keys by the tab's own save, which read a stale text containing the box's
# (71018214); text deleted with its plan taken for lost once a stale write
# dropped the deleted plan's record (71061023, 71092279, 71183458; the
# oracle); "Ångra" from another tab's notice after a stale copy of the plan
# was stored again, losing what the plan held (71192811); text deleted with
# its plan taken for lost once a later deletion of a stale copy lacked it
# (101175344, 91174736; the oracle); a write not made again into a plan
# deleted here, then forgotten, lost after "Ångra" and a stale copy
# (111181849); a plan deleted elsewhere, learnt of through this tab's own
# save, then shown and typed in as an empty plan (131051824).
REGRESSION_SEEDS = [
    (1, 60), (22, 60), (142, 60), (523, 60), (895, 60), (5936, 60),
    (20263420, 40), (20262688, 40), (20267891, 40), (20265917, 40),
    (2251734939, 60), (4794, 40), (31027435, 40), (41003052, 60),
    (31058816, 40), (31115733, 40), (31141198, 40), (31191466, 40),
    (51093477, 40), (61013428, 60), (61016033, 60), (61048961, 60), (61057305, 60),
    (71018214, 60), (71061023, 60), (71092279, 60), (71183458, 60), (71192811, 60),
    (101175344, 40), (91174736, 60), (111181849, 60), (131051824, 60),
]  # fmt: skip

# Races found and not fixed yet, as (seed, steps): strict expected failures,
# so each fails loudly once fixed and then moves to REGRESSION_SEEDS.
# 131138181 (fails on the code before this branch too) and 151060727 (passes
# before this branch: found once a lost creation undone since is no longer
# redone): a lost write is left to a held box (the field the person is in,
# shown apart from storage), which leaving the field drops. Letting a held
# box not stand in for it fixed both but changed boxes under people's keys.
# 241113496 and 281052448 (found by the final long run; not traced yet).
OPEN_RACES: list[tuple[int, int]] = [
    (131138181, 60), (151060727, 40), (241113496, 60), (281052448, 60),
]  # fmt: skip


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail(
            "Node.js is needed to run the checklist's sync simulation and was not found "
            "(install the Debian package nodejs; `make test` does that on Debian).",
            pytrace=False,
        )
    return found


def simulate(*args: str) -> str:
    result = subprocess.run(
        [node(), str(RUN), *args], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_ten_thousand_schedules_keep_every_promise() -> None:
    out = simulate("--schedules", "10000", "--seed", "20261202", "--steps", "40")
    assert out.startswith("ok: 10000 schedules"), out


@pytest.mark.parametrize(("seed", "steps"), REGRESSION_SEEDS)
def test_schedules_that_once_found_a_race(seed: int, steps: int) -> None:
    simulate("--schedules", "1", "--seed", str(seed), "--steps", str(steps))


def test_open_races_still_fail() -> None:
    """Each open race still fails (a strict expected failure, without a
    skipped test when there is none): once one passes, move it to
    REGRESSION_SEEDS."""
    for seed, steps in OPEN_RACES:
        result = subprocess.run(
            [node(), str(RUN), "--schedules", "1", "--seed", str(seed), "--steps", str(steps)],
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        assert result.returncode == 1, f"seed {seed} passes now: move it to REGRESSION_SEEDS"


def test_races_found_stay_fixed() -> None:
    """Each race the simulation found, written out as a short scripted scenario."""
    out = simulate("--races")
    assert "races: all" in out, out


def test_a_broken_core_is_caught() -> None:
    """The simulation itself is checked: with the core's lost-write detection
    switched off (VGR_SIM_BREAK), it must find a lost sentence."""
    result = subprocess.run(
        [node(), str(RUN), "--schedules", "2000", "--seed", "1", "--steps", "40", "--break"],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and "FAILED seed" in result.stdout, result.stdout
    assert "replay: node tests/sim/run.js --seed" in result.stdout


SCRIPTS = ROOT / "docs" / "javascripts"


@pytest.mark.parametrize(
    "path",
    sorted(SCRIPTS.glob("*.js")) + sorted(SCRIPTS.glob("checklist*/*.js")),
    ids=lambda p: p.relative_to(SCRIPTS).as_posix(),
)
def test_each_site_script_has_one_job_said_first_and_stays_short(path) -> None:
    """Issue 19: no site script over 450 lines; each opens with a comment that
    says its one job (the checklist's parts are joined at build time)."""
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 450, path
    assert text.startswith("/*"), path
    if path.parent.name.startswith("checklist"):
        assert "one job" in text.split("*/", 1)[0], path
