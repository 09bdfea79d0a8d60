"""What the result schema requires (names from the registry, `sovcap schema --json`), and a checker for it."""
import re

import numpy as np

from . import registry
from .result import attr_text, open_sovcap_file

ROOT_ATTRS = ["schema", "sovcap_version", "scenario", "seed", "start_utc", "duration_s", "config_yaml",
              "created_utc", "wall_s"]
# Names of series, /jobs and summary columns come from the registry (`sovcap schema --json`).
def site_metrics():
    return registry.names("site_series")


def link_metrics():
    return registry.names("link_series")


def job_columns():
    return registry.names("jobs")


def job_string_columns():
    return [f["name"] for f in registry.figures("jobs") if f["type"] == "string"]


def status_names():
    return set(registry.registry_json()["job_status"])


def summary_columns(table):
    """The columns every result has (network-only ones are not required)."""
    return registry.names(table, always_only=True)


TOPOLOGY_NODES = ["id", "kind", "latitude_deg", "longitude_deg"]
TOPOLOGY_LINKS = ["id", "a", "b", "bandwidth_gbps", "latency_s", "length_km"]
SUPPLY = ["solar_mw", "wind_mw", "battery_discharge_mw", "grid_import_mw"]
DEMAND = ["facility_power_mw", "battery_charge_mw", "curtailed_mw", "grid_export_mw"]
ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$")


def is_numeric(dtype):
    return dtype.kind in "iufb"


def is_string(dtype):
    import h5py

    return dtype.kind in "SU" or h5py.check_string_dtype(dtype) is not None


def scale_attached(ds, scale):
    """Whether scale is attached to ds's dimension 0, read from ds's own DIMENSION_LIST.
    (H5DSis_attached also walks the scale's REFERENCE_LIST, one entry per series:
    quadratic over a file, minutes at 1,000 links.)"""
    try:
        return any(s == scale for s in ds.dims[0].values())
    except (RuntimeError, KeyError, ValueError, OSError):
        return False


class SchemaChecker:
    """Collects every problem of a file rather than stopping at the first."""

    def __init__(self, path, tolerance_mw=1e-6):
        self.path = path
        self.tolerance_mw = tolerance_mw
        self.problems = []
        self.facts = {}

    def problem(self, text):
        self.problems.append(text)

    def run(self):
        with open_sovcap_file(self.path) as f:
            self.check_root(f)
            time = self.check_time(f)
            sites = self.check_sites(f, time)
            links = self.check_links(f, time)
            self.check_units(f)
            self.check_jobs(f)
            self.check_summary(f, sites)
            self.check_topology(f, links)
        return self.problems

    # --- root ---------------------------------------------------------------
    def check_root(self, f):
        for name in ROOT_ATTRS:
            if name not in f.attrs:
                self.problem(f"root attribute '{name}' is missing")
        if "start_utc" in f.attrs and not ISO_8601.match(attr_text(f.attrs["start_utc"])):
            self.problem(f"root attribute start_utc '{attr_text(f.attrs['start_utc'])}' is not ISO 8601")
        for name in ("seed", "duration_s", "wall_s"):
            if name in f.attrs:
                v = np.asarray(f.attrs[name])
                if v.shape != () or not is_numeric(v.dtype):
                    self.problem(f"root attribute '{name}' is not a number")
        for name in ("sovcap_version", "scenario", "config_yaml", "created_utc"):
            if name in f.attrs and not isinstance(f.attrs[name], (str, bytes)):
                self.problem(f"root attribute '{name}' is not a string")

    # --- series ---------------------------------------------------------------
    def check_time(self, f):
        import h5py

        if "/timeseries/time_s" not in f:
            self.problem("/timeseries/time_s is missing")
            return None
        ds = f["/timeseries/time_s"]
        if ds.ndim != 1 or ds.dtype != np.float64:
            self.problem(f"/timeseries/time_s is {ds.dtype}{list(ds.shape)}, expected float64[T]")
        if not h5py.h5ds.is_scale(ds.id):
            self.problem("/timeseries/time_s is not a dimension scale")
        t = np.asarray(ds[()], dtype=float).ravel()
        if len(t) and (not np.all(np.isfinite(t)) or np.any(np.diff(t) < 0)):
            self.problem("/timeseries/time_s is not finite and non-decreasing")
        if len(t) and t[0] < 0:
            self.problem("/timeseries/time_s starts before 0")
        if "duration_s" in f.attrs and len(t):
            try:
                if t[-1] > float(f.attrs["duration_s"]):
                    self.problem("/timeseries/time_s goes past duration_s")
            except (TypeError, ValueError):
                pass
        self.facts["samples"] = len(t)
        return t

    def check_series(self, ds, time, time_ds):
        name = ds.name
        if ds.ndim != 1 or not is_numeric(ds.dtype):
            self.problem(f"{name} is {ds.dtype}{list(ds.shape)}, expected float64[T]")
            return None
        if time is not None and ds.shape[0] != len(time):
            self.problem(f"{name} has {ds.shape[0]} samples, time_s has {len(time)}")
            return None
        if time_ds is not None and not scale_attached(ds, time_ds):
            self.problem(f"{name} has no dimension scale time_s attached")
        return np.asarray(ds[()], dtype=float)

    def check_sites(self, f, time):
        if "/timeseries/sites" not in f:
            self.problem("/timeseries/sites is missing")
            return []
        time_ds = f["/timeseries/time_s"] if "/timeseries/time_s" in f else None
        sites = list(f["/timeseries/sites"].keys())
        if not sites:
            self.problem("/timeseries/sites holds no site")
        worst = 0.0
        for site in sites:
            g = f["/timeseries/sites"][site]
            data = {}
            for m in site_metrics():
                if m not in g:
                    self.problem(f"/timeseries/sites/{site}/{m} is missing")
                    continue
                v = self.check_series(g[m], time, time_ds)
                if v is not None:
                    data[m] = v
            if all(m in data for m in SUPPLY + DEMAND):
                worst = max(worst, self.check_balance(site, data, time))
        self.facts["sites"] = len(sites)
        self.facts["balance_max_error_mw"] = worst
        return sites

    def check_balance(self, site, data, time):
        supply = sum(data[m] for m in SUPPLY)
        demand = sum(data[m] for m in DEMAND)
        error = np.abs(supply - demand)
        bad = ~(error <= self.tolerance_mw)  # NaN counts as a violation
        if np.any(bad):
            i = int(np.flatnonzero(bad)[0])
            at = f" (t = {time[i]:g} s)" if time is not None and i < len(time) else ""
            self.problem(f"site {site}: power balance off by more than {self.tolerance_mw:g} MW at "
                         f"{int(bad.sum())} of {len(error)} samples; first at sample {i}{at}: "
                         f"supply {supply[i]:.6f} MW, demand {demand[i]:.6f} MW; worst {np.nanmax(error):.6g} MW")
        return float(np.nanmax(error)) if len(error) and np.any(np.isfinite(error)) else 0.0

    def check_links(self, f, time):
        if "/timeseries/links" not in f:
            self.problem("/timeseries/links is missing")
            return []
        time_ds = f["/timeseries/time_s"] if "/timeseries/time_s" in f else None
        links = list(f["/timeseries/links"].keys())
        for link in links:
            g = f["/timeseries/links"][link]
            for m in link_metrics():
                if m not in g:
                    self.problem(f"/timeseries/links/{link}/{m} is missing")
                    continue
                v = self.check_series(g[m], time, time_ds)
                if v is None:
                    continue
                if m == "utilization" and np.any((v < -1e-9) | (v > 1 + 1e-9)):
                    self.problem(f"/timeseries/links/{link}/utilization leaves [0, 1]")
                if m == "up" and np.any((v != 0) & (v != 1)):
                    self.problem(f"/timeseries/links/{link}/up holds values other than 0 and 1")
        self.facts["links"] = len(links)
        return links

    def check_units(self, f):
        """Every numeric dataset (and every table with numeric columns) carries `units`."""
        missing = []

        def visit(name, obj):
            import h5py

            if not isinstance(obj, h5py.Dataset):
                return
            dt = obj.dtype
            numeric = is_numeric(dt) if dt.names is None else any(is_numeric(dt[n]) for n in dt.names)
            if numeric and "units" not in obj.attrs:
                missing.append("/" + name)

        f.visititems(visit)
        for name in missing:
            self.problem(f"{name} has no 'units' attribute")

    # --- tables ---------------------------------------------------------------
    def check_table(self, f, path, columns, first=None):
        if path not in f:
            self.problem(f"{path} is missing")
            return None
        ds = f[path]
        names = ds.dtype.names
        if not names:
            self.problem(f"{path} is not a compound table")
            return None
        if ds.ndim != 1:
            self.problem(f"{path} is not one-dimensional")
            return None
        for c in columns:
            if c not in names:
                self.problem(f"{path} lacks column '{c}'")
        if first and names[0] != first:
            self.problem(f"{path}: first column is '{names[0]}', expected '{first}'")
        return ds

    def check_jobs(self, f):
        import h5py

        columns, strings, statuses = job_columns(), job_string_columns(), status_names()
        ds = self.check_table(f, "/jobs", columns)
        if ds is None:
            return
        names = ds.dtype.names
        for c in strings:
            if c in names and not is_string(ds.dtype[c]):
                self.problem(f"/jobs column '{c}' is {ds.dtype[c]}, expected a string")
        for c in columns:
            if c in names and c not in strings and c != "status" and not is_numeric(ds.dtype[c]):
                self.problem(f"/jobs column '{c}' is not numeric")
        if "status" in names:
            enum = h5py.check_enum_dtype(ds.dtype["status"])
            if not enum:
                self.problem("/jobs column 'status' is not an HDF5 enum")
            elif set(enum) != statuses:
                self.problem(f"/jobs status enum names are {sorted(enum)}, expected {sorted(statuses)}")
            elif ds.shape[0]:
                values = set(np.unique(ds.fields("status")[()].astype(np.int64)).tolist())
                stray = values - set(enum.values())
                if stray:
                    self.problem(f"/jobs status holds values {sorted(stray)} outside the enum")
        self.facts["jobs"] = ds.shape[0]

    def check_summary(self, f, sites):
        if "/summary" not in f:
            self.problem("/summary is missing")
            return
        if not len(f["/summary"].attrs):
            self.problem("/summary has no KPI attributes")
        ds = self.check_table(f, "/summary/sites", summary_columns("sites"), first="site")
        if ds is not None and "site" in ds.dtype.names:
            listed = {attr_text(v) for v in ds.fields("site")[()]}
            for s in sorted(set(sites) - listed):
                self.problem(f"/summary/sites has no row for site '{s}'")
            for s in sorted(listed - set(sites)):
                self.problem(f"/summary/sites names site '{s}' that has no series")
        self.check_table(f, "/summary/classes", summary_columns("classes"), first="class")
        self.check_table(f, "/summary/regions", summary_columns("regions"), first="region")

    def check_topology(self, f, links):
        nodes = self.check_table(f, "/topology/nodes", TOPOLOGY_NODES)
        tlinks = self.check_table(f, "/topology/links", TOPOLOGY_LINKS)
        ids = set()
        if nodes is not None and "id" in nodes.dtype.names:
            ids = {attr_text(v) for v in nodes.fields("id")[()]}
            for c in ("latitude_deg", "longitude_deg"):
                if c in nodes.dtype.names and nodes.shape[0]:
                    v = nodes.fields(c)[()].astype(float)
                    limit = 90 if c.startswith("lat") else 180
                    if np.any(~np.isfinite(v)) or np.any(np.abs(v) > limit):
                        self.problem(f"/topology/nodes {c} out of range")
        if tlinks is not None and {"id", "a", "b"} <= set(tlinks.dtype.names):
            rows = tlinks[()]
            link_ids = {attr_text(r) for r in rows["id"]}
            for end in ("a", "b"):
                for v in rows[end]:
                    if ids and attr_text(v) not in ids:
                        self.problem(f"/topology/links end {end} = '{attr_text(v)}' is not a node")
            for link in links:
                if link not in link_ids:
                    self.problem(f"/timeseries/links/{link} is not in /topology/links")
