"""The registry of results, as `sovcap schema --json` prints it: every figure's name, unit, type, group,
format and label. The tools take names, units and labels from here (and units from the file's own
attributes), never from lists of their own. The binary is $SOVCAP_BINARY, else $SOVCAP_BUILD_DIR/sovcap,
else build/sovcap in the repository, else `sovcap` on PATH."""
import functools
import json
import math
import os
import shutil
import subprocess

from .errors import ToolError

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def sovcap_binary():
    candidates = [os.environ.get("SOVCAP_BINARY")]
    if os.environ.get("SOVCAP_BUILD_DIR"):
        candidates.append(os.path.join(os.environ["SOVCAP_BUILD_DIR"], "sovcap"))
    candidates += [os.path.join(REPO, "build", "sovcap"), shutil.which("sovcap")]
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


@functools.lru_cache(maxsize=1)
def registry():
    """{"schema": ..., "groups": [...], "tables": {table: [figure dicts in file order]}}; ToolError if no binary."""
    binary = sovcap_binary()
    if binary is None:
        raise ToolError("cannot find the sovcap binary for the result schema (build it, or set SOVCAP_BINARY)")
    try:
        out = subprocess.run([binary, "schema", "--json"], capture_output=True, text=True, timeout=60, check=True)
        raw = json.loads(out.stdout)
    except (OSError, subprocess.SubprocessError, ValueError) as e:
        raise ToolError(f"{binary} schema --json failed: {e}")
    return {"schema": raw["schema"], "groups": raw["groups"], "job_status": raw.get("job_status", {}),
            "tables": {t["table"]: t["figures"] for t in raw["tables"]}}


def registry_json():
    return registry()


def schema_version():
    """The schema this build writes and the tools read ("sovcap/3")."""
    return registry()["schema"]


def figures(table):
    """The declared figures of one table ("kpi", "sites", "classes", "regions", "jobs", "site_series",
    "link_series"), in file order."""
    return registry()["tables"][table]


def names(table, always_only=False):
    return [f["name"] for f in figures(table) if not always_only or f["when"] == "always"]


def figure(table, name):
    """The declaration, or None for a figure the registry does not know (a newer or older file)."""
    for f in figures(table):
        if f["name"] == name:
            return f
    return None


def label(table, name):
    f = figure(table, name)
    return f["label"] if f else name


def kpi_label(name):
    """A sweep's or search's KPI name as a reader sees it: "cost per GPU-hour delivered (USD/GPU-h)" for
    a run's KPI, "dakhla: unserved (MWh)" for a site's, class's or region's figure ("site.name");
    the name itself when the registry does not know it."""
    owner, _, fig = name.rpartition(".")
    for table in (("sites", "classes", "regions") if owner else ("kpi",)):
        f = figure(table, fig)
        if f:
            # The file's own unit: searches and sweeps plot the values as written (0.86, not 86 %).
            unit = "fraction" if f["format"] == "percent" else ("" if f["unit"] in ("1", "-") else f["unit"])
            text = f"{owner}: {f['label']}" if owner else f["label"]
            return f"{text} ({unit})" if unit else text
    return name


def groups():
    return registry()["groups"]


def shown_unit(f):
    """The unit a reader sees: percent for fractions, none for counts, ratios and durations (which carry
    their own)."""
    if f["format"] == "percent":
        return "%"
    if f["format"] == "duration":
        return ""
    return "" if f["unit"] in ("1", "-") else f["unit"]


def duration_text(seconds):
    """A number of seconds as a planner reads it, by the rules `sovcap summary` follows
    (simulator/output/figure_text.hpp): "8.0 s", "42 s", "11 min 35 s", "5.6 h", "365.0 days"."""
    s = float(seconds)
    if math.isnan(s):
        return "—"
    if math.isinf(s):
        return "inf" if s > 0 else "-inf"
    if s < 0:
        text = duration_text(-s)
        return text if not any(c in "123456789" for c in text) else "-" + text  # "0.0 s", not "-0.0 s"
    if s < 9.95:
        return f"{s:.1f} s"
    if s < 59.5:
        return f"{s:.0f} s"
    if s < 3599.5:
        whole = int(math.floor(s + 0.5))  # half away from zero, as C's lround (Python's round() halves to even)
        m, rest = divmod(whole, 60)
        return f"{m} min {rest} s" if rest else f"{m} min"
    if s < 2 * 86400:
        return f"{s / 3600:.1f} h"
    return f"{s / 86400:.1f} days"


WHOLE_FROM = 100000.0  # as `sovcap summary` (simulator/output/figure_text.hpp, kWholeFrom)


def format_value(f, v):
    """A value as the registry says to show it: counts with separators, fixed decimals, fractions in percent,
    durations in s, min, h or days."""
    try:
        v = float(v)
    except (TypeError, ValueError):
        return str(v)
    if math.isnan(v):
        return "—"
    fmt = f["format"] if f else "fixed3"
    if fmt == "duration":
        return duration_text(v)
    if fmt == "percent":
        v, decimals = 100 * v, 1
    elif fmt == "count" or abs(v) >= WHOLE_FROM:  # a six-figure amount's decimals are noise: 3,443,234 MWh
        decimals = 0
    else:
        decimals = {"fixed2": 2, "fixed3": 3}.get(fmt, 1)
    text = f"{v:,.{decimals}f}"
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text  # no "-0.0"


def grouped(table, values):
    """[(group, [(figure, value)...])...] for the named values of one table, groups in the registry's order;
    values the registry does not declare come last under "other" (with a bare declaration)."""
    out = {g: [] for g in groups()}
    other = []
    for name, v in values.items():
        f = figure(table, name)
        if f is None:
            other.append(({"name": name, "label": name, "unit": "", "format": "fixed3", "group": "other"}, v))
        else:
            out[f["group"]].append((f, v))
    order = {f["name"]: i for i, f in enumerate(figures(table))}
    result = [(g, sorted(rows, key=lambda fv: order[fv[0]["name"]])) for g, rows in out.items() if rows]
    if other:
        result.append(("other", other))
    return result
