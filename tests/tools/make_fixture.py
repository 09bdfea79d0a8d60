#!/usr/bin/python3
"""Write a small result file that follows DESIGN.md's HDF5 schema sovcap/2.

2 sites, 2 links, 3 job classes, about 3 days at 15 min, a few hundred jobs;
the power dispatch is built so that the balance holds at every sample:
solar + wind + battery_discharge + grid_import
  == facility + battery_charge + curtailed + grid_export.
Usage: make_fixture.py OUT.h5 [--days N] [--broken-balance]
"""
import argparse

import h5py
import numpy as np

SITES = ["benguerir", "dakhla"]
LINKS = [("rabat-benguerir", "rabat", "benguerir"), ("benguerir-dakhla", "benguerir", "dakhla")]
CLASSES = ["training", "inference", "batch"]
REGIONS = ["rabat", "guelmim", "nador"]
NODES = [  # id, kind, latitude_deg, longitude_deg
    ("rabat", "region", 34.02, -6.84),
    ("guelmim", "region", 28.99, -10.06),
    ("nador", "region", 35.17, -2.93),
    ("benguerir", "site", 32.23, -7.95),
    ("dakhla", "site", 23.70, -15.94),
]
SITE_METRICS = {
    "it_power_mw": "MW", "cooling_power_mw": "MW", "facility_power_mw": "MW", "pue": "1",
    "solar_mw": "MW", "wind_mw": "MW", "battery_charge_mw": "MW", "battery_discharge_mw": "MW",
    "battery_soc_mwh": "MWh", "grid_import_mw": "MW", "grid_export_mw": "MW", "curtailed_mw": "MW",
    "unserved_mw": "MW", "power_cap_mw": "MW", "ambient_c": "C", "carbon_kg_per_h": "kg/h",
    "carbon_gco2_per_kwh": "gCO2/kWh", "busy_gpus": "1", "total_gpus": "1", "busy_cpus": "1",
    "total_cpus": "1", "running_jobs": "1", "queued_jobs": "1", "throttle_speed": "1",
}
LINK_METRICS = {"utilization": "1", "throughput_gbps": "Gbps", "up": "1"}
STATUS = {"completed": 0, "rejected": 1, "killed": 2, "unfinished": 3}


def fixed(values):
    width = max([len(v) for v in values] + [0]) + 1
    return np.array([v.encode() for v in values], dtype=f"S{width}")


def write_table(parent, name, columns, units):
    """columns: list of (name, numpy array); strings as S arrays."""
    dtype = np.dtype([(n, a.dtype) for n, a in columns])
    rows = np.zeros(len(columns[0][1]), dtype=dtype)
    for n, a in columns:
        rows[n] = a
    ds = parent.create_dataset(name, data=rows)
    names = [n for n, _ in columns]
    ds.attrs["units"] = ", ".join(f"{n}: {units.get(n, '-')}" for n in names)
    ds.attrs["columns"] = names
    ds.attrs["columns_units"] = [units.get(n, "-") for n in names]
    return ds


def site_power(rng, t_s, dt_s, site_index):
    """A consistent dispatch for one site; returns {metric: array}."""
    n = len(t_s)
    hours = (t_s / 3600.0) % 24
    big = site_index == 1
    solar_cap, wind_cap = (300.0, 200.0) if big else (20.0, 0.0)
    it = (120.0 if big else 30.0) * (0.8 + 0.15 * np.sin(2 * np.pi * t_s / 86400.0) + 0.05 * rng.random(n))
    ambient = 22 + 8 * np.sin(2 * np.pi * (hours - 9) / 24) + rng.normal(0, 1, n)
    pue = 1.15 + 0.01 * np.clip(ambient - 18, 0, None)
    facility = it * pue
    solar = solar_cap * np.clip(np.sin(np.pi * (hours - 6) / 12), 0, None) * (0.8 + 0.2 * rng.random(n))
    wind = wind_cap * np.clip(0.4 + 0.2 * rng.standard_normal(n), 0, 1)
    cap_mwh, rate_mw = (800.0, 200.0) if big else (40.0, 10.0)
    soc = np.zeros(n)
    charge = np.zeros(n); discharge = np.zeros(n); imp = np.zeros(n); exp = np.zeros(n); curt = np.zeros(n)
    level = cap_mwh / 2
    h = dt_s / 3600.0
    for i in range(n):
        net = solar[i] + wind[i] - facility[i]
        if net >= 0:
            charge[i] = min(net, rate_mw, (cap_mwh - level) / h)
            rest = net - charge[i]
            exp[i] = 0.0 if big else 0.5 * rest   # Benguerir sells half its surplus
            curt[i] = rest - exp[i]
            level += charge[i] * h
        else:
            discharge[i] = min(-net, rate_mw, level / h)
            imp[i] = -net - discharge[i]
            level -= discharge[i] * h
        soc[i] = level
    total_gpus = np.full(n, 4096.0 if big else 1024.0)
    busy = np.floor(total_gpus * np.clip(0.6 + 0.3 * np.sin(2 * np.pi * t_s / 86400.0) + 0.05 * rng.random(n), 0, 1))
    intensity = np.full(n, 650.0)
    return {
        "it_power_mw": it, "cooling_power_mw": facility - it, "facility_power_mw": facility, "pue": pue,
        "solar_mw": solar, "wind_mw": wind, "battery_charge_mw": charge, "battery_discharge_mw": discharge,
        "battery_soc_mwh": soc, "grid_import_mw": imp, "grid_export_mw": exp, "curtailed_mw": curt,
        "unserved_mw": np.zeros(n), "power_cap_mw": np.full(n, -1.0), "ambient_c": ambient,
        "carbon_kg_per_h": imp * intensity, "carbon_gco2_per_kwh": intensity,
        "busy_gpus": busy, "total_gpus": total_gpus, "busy_cpus": np.floor(busy * 8),
        "total_cpus": total_gpus * 8, "running_jobs": np.floor(busy / 16),
        "queued_jobs": np.floor(np.clip(20 * np.sin(2 * np.pi * t_s / 86400.0) + rng.normal(0, 3, n), 0, None)),
        "throttle_speed": np.ones(n),
    }


def make_jobs(rng, duration_s, n_jobs):
    cls = rng.choice(len(CLASSES), n_jobs, p=[0.2, 0.5, 0.3])
    origin = rng.integers(0, len(REGIONS), n_jobs)
    site = rng.integers(0, len(SITES), n_jobs)
    gpus = np.where(cls == 0, 64, np.where(cls == 1, 1, 8)).astype(np.int32)
    submit = np.sort(rng.uniform(0, duration_s * 0.9, n_jobs))
    transfer = rng.exponential(30.0, n_jobs)
    wait = transfer + np.where(rng.random(n_jobs) < 0.3, 0.0, rng.lognormal(np.array([8, 3, 6])[cls], 1.0))
    runtime = rng.lognormal(np.array([10, 5, 8])[cls], 0.7)
    status = np.zeros(n_jobs, dtype=np.int8)
    status[rng.random(n_jobs) < 0.05] = STATUS["rejected"]
    status[rng.random(n_jobs) < 0.02] = STATUS["killed"]
    start = submit + wait
    end = start + runtime
    unfinished = (end > duration_s) & (status == 0)
    status[unfinished] = STATUS["unfinished"]
    rejected = status == STATUS["rejected"]
    start[rejected] = np.nan
    end[rejected | unfinished] = np.nan
    wait = start - submit
    runtime = end - start
    energy = gpus * np.nan_to_num(runtime) / 3600.0 * 0.7
    site_names = [SITES[s] for s in site]
    for i in np.flatnonzero(rejected):
        site_names[i] = ""
    return {
        "id": np.arange(1, n_jobs + 1, dtype=np.uint64), "class": fixed([CLASSES[c] for c in cls]),
        "origin": fixed([REGIONS[o] for o in origin]), "site": fixed(site_names), "gpus": gpus,
        "submit_s": submit, "start_s": start, "end_s": end, "wait_s": wait, "transfer_s": transfer,
        "runtime_s": runtime, "energy_kwh": energy, "status": status,
    }


def wait_stats(w):
    w = w[np.isfinite(w)]
    if not len(w):
        return [np.nan] * 4
    return [float(np.mean(w))] + [float(np.percentile(w, p)) for p in (50, 95, 99)]


def make_fixture(path, days=3.0, step_s=900.0, seed=7, n_jobs=400, broken_balance=False):
    rng = np.random.default_rng(seed)
    duration_s = days * 86400.0
    t = np.arange(0.0, duration_s, step_s)
    dt = np.diff(np.append(t, duration_s))
    with h5py.File(path, "w") as f:
        f.attrs["schema"] = "sovcap/2"
        f.attrs["sovcap_version"] = "0.0-fixture"
        f.attrs["scenario"] = "fixture"
        f.attrs["seed"] = np.uint64(seed)
        f.attrs["start_utc"] = "2030-06-01T00:00:00Z"
        f.attrs["duration_s"] = duration_s
        f.attrs["step_s"] = step_s
        f.attrs["config_yaml"] = "name: fixture\n"
        f.attrs["created_utc"] = "2030-01-01T00:00:00Z"
        f.attrs["wall_s"] = 0.5

        ts = f.create_dataset("timeseries/time_s", data=t)
        ts.attrs["units"] = "s"
        ts.make_scale("time_s")

        def series(group, name, values, units):
            ds = group.create_dataset(name, data=np.asarray(values, dtype=np.float64))
            ds.attrs["units"] = units
            ds.dims[0].attach_scale(ts)

        site_data = {}
        for i, s in enumerate(SITES):
            g = f.create_group(f"timeseries/sites/{s}")
            data = site_power(rng, t, step_s, i)
            if broken_balance and i == 0:
                data["grid_import_mw"][10] += 0.5
            site_data[s] = data
            for m, u in SITE_METRICS.items():
                series(g, m, data[m], u)
        for j, (lid, _, _) in enumerate(LINKS):
            g = f.create_group(f"timeseries/links/{lid}")
            util = np.clip(0.3 + 0.25 * np.sin(2 * np.pi * t / 86400.0 + j) + 0.05 * rng.random(len(t)), 0, 1)
            up = np.ones(len(t))
            up[40:44] = 0.0 if j == 1 else 1.0
            util[up == 0] = 0.0
            series(g, "utilization", util, "1")
            series(g, "throughput_gbps", util * 400.0 * 1.5, "Gbps")
            series(g, "up", up, "1")

        jobs = make_jobs(rng, duration_s, n_jobs)
        enum = h5py.enum_dtype(STATUS, basetype="i1")
        job_cols = [(k, v) for k, v in jobs.items() if k != "status"] + [("status", jobs["status"].astype(enum))]
        dtype = np.dtype([(k, (enum if k == "status" else v.dtype)) for k, v in job_cols])
        rows = np.zeros(n_jobs, dtype=dtype)
        for k, v in job_cols:
            rows[k] = v
        jds = f.create_dataset("jobs", data=rows, chunks=True, maxshape=(None,))
        job_units = {"gpus": "1", "submit_s": "s", "start_s": "s", "end_s": "s", "wait_s": "s",
                     "transfer_s": "s", "runtime_s": "s", "energy_kwh": "kWh"}
        names = list(dtype.names)
        jds.attrs["units"] = ", ".join(f"{n}: {job_units.get(n, '-')}" for n in names)
        jds.attrs["columns"] = names
        jds.attrs["columns_units"] = [job_units.get(n, "-") for n in names]

        summary = f.create_group("summary")

        def mwh(x):
            return float(np.sum(x * dt) / 3600.0)

        site_rows = {k: [] for k in ("energy_it_mwh", "energy_facility_mwh", "solar_mwh", "wind_mwh",
                                     "grid_import_mwh", "curtailed_mwh", "renewable_fraction", "mean_pue",
                                     "carbon_t", "gpu_utilization", "jobs_completed", "jobs_rejected",
                                     "wait_p50_s", "wait_p95_s", "wait_p99_s")}
        site_col = np.array([s.decode() for s in jobs["site"]])
        for s in SITES:
            d = site_data[s]
            sel = site_col == s
            used = mwh(d["solar_mw"] + d["wind_mw"] - d["curtailed_mw"] - d["grid_export_mw"])
            imp = mwh(d["grid_import_mw"])
            w = wait_stats(jobs["wait_s"][sel])
            vals = [mwh(d["it_power_mw"]), mwh(d["facility_power_mw"]), mwh(d["solar_mw"]), mwh(d["wind_mw"]),
                    imp, mwh(d["curtailed_mw"]), used / (used + imp), mwh(d["facility_power_mw"]) / mwh(d["it_power_mw"]),
                    mwh(d["carbon_kg_per_h"]) / 1000.0, float(np.sum(d["busy_gpus"] * dt) / np.sum(d["total_gpus"] * dt)),
                    int(np.sum(sel & (jobs["status"] == 0))), int(np.sum(sel & (jobs["status"] == 1))),
                    w[1], w[2], w[3]]
            for k, v in zip(site_rows, vals):
                site_rows[k].append(v)
        units = {k: ("MWh" if k.endswith("_mwh") else "s" if k.endswith("_s") else "t" if k == "carbon_t" else "1")
                 for k in site_rows}
        write_table(summary, "sites", [("site", fixed(SITES))] +
                    [(k, np.array(v, dtype=np.int64 if k.startswith("jobs_") else np.float64))
                     for k, v in site_rows.items()], units)

        cls_col = np.array([c.decode() for c in jobs["class"]])
        rows = {k: [] for k in ("jobs_submitted", "jobs_completed", "jobs_rejected", "wait_mean_s", "wait_p50_s", "wait_p95_s",
                                "wait_p99_s", "mean_slowdown")}
        for c in CLASSES:
            sel = cls_col == c
            ok = sel & (jobs["status"] == 0)
            slow = np.maximum(1, (jobs["wait_s"][ok] + jobs["runtime_s"][ok]) / np.maximum(jobs["runtime_s"][ok], 10))
            for k, v in zip(rows, [int(sel.sum()), int(ok.sum()), int(np.sum(sel & (jobs["status"] == 1)))] +
                            wait_stats(jobs["wait_s"][sel]) + [float(np.mean(slow)) if len(slow) else np.nan]):
                rows[k].append(v)
        write_table(summary, "classes", [("class", fixed(CLASSES))] +
                    [(k, np.array(v, dtype=np.int64 if k in ("jobs_submitted", "jobs_completed", "jobs_rejected") else np.float64))
                     for k, v in rows.items()],
                    {k: ("s" if k.endswith("_s") else "1") for k in rows})

        org_col = np.array([o.decode() for o in jobs["origin"]])
        rows = {k: [] for k in ("jobs_submitted", "jobs_completed", "jobs_rejected", "wait_mean_s", "wait_p50_s", "wait_p95_s",
                                "wait_p99_s", "transfer_mean_s")}
        for r in REGIONS:
            sel = org_col == r
            for k, v in zip(rows, [int(sel.sum()), int(np.sum(sel & (jobs["status"] == 0))),
                                   int(np.sum(sel & (jobs["status"] == 1)))] + wait_stats(jobs["wait_s"][sel]) +
                            [float(np.mean(jobs["transfer_s"][sel]))]):
                rows[k].append(v)
        write_table(summary, "regions", [("region", fixed(REGIONS))] +
                    [(k, np.array(v, dtype=np.int64 if k in ("jobs_submitted", "jobs_completed", "jobs_rejected") else np.float64))
                     for k, v in rows.items()],
                    {k: ("s" if k.endswith("_s") else "1") for k in rows})

        w = wait_stats(jobs["wait_s"])
        kpis = {
            "jobs_submitted": np.int64(n_jobs),
            "jobs_completed": np.int64(np.sum(jobs["status"] == 0)),
            "jobs_rejected": np.int64(np.sum(jobs["status"] == 1)),
            "energy_it_mwh": float(sum(site_rows["energy_it_mwh"])),
            "energy_facility_mwh": float(sum(site_rows["energy_facility_mwh"])),
            "grid_import_mwh": float(sum(site_rows["grid_import_mwh"])),
            "renewable_fraction": float(np.mean(site_rows["renewable_fraction"])),
            "carbon_t": float(sum(site_rows["carbon_t"])),
            "wait_mean_s": w[0], "wait_p50_s": w[1], "wait_p95_s": w[2], "wait_p99_s": w[3],
            "gpu_utilization": float(np.mean(site_rows["gpu_utilization"])),
        }
        for k, v in kpis.items():
            summary.attrs[k] = v
        summary.attrs["units"] = ", ".join(
            f"{k}: {'MWh' if k.endswith('_mwh') else 's' if k.endswith('_s') else 't' if k == 'carbon_t' else '1'}"
            for k in kpis)

        node_dtype = [("id", "S16"), ("kind", "S8"), ("latitude_deg", "f8"), ("longitude_deg", "f8")]
        nodes = np.array([(n.encode(), k.encode(), la, lo) for n, k, la, lo in NODES], dtype=node_dtype)
        nds = f.create_dataset("topology/nodes", data=nodes)
        nds.attrs["units"] = "id: -, kind: -, latitude_deg: deg, longitude_deg: deg"
        pos = {n: (la, lo) for n, _, la, lo in NODES}
        link_dtype = [("id", "S24"), ("a", "S16"), ("b", "S16"), ("bandwidth_gbps", "f8"), ("latency_s", "f8"),
                      ("length_km", "f8")]
        lrows = []
        for lid, a, b in LINKS:
            (la1, lo1), (la2, lo2) = pos[a], pos[b]
            km = 111.2 * np.hypot(la2 - la1, (lo2 - lo1) * np.cos(np.radians((la1 + la2) / 2)))
            lrows.append((lid.encode(), a.encode(), b.encode(), 400.0, km * 1.5 / 2e5 * 1.0, km))
        lds = f.create_dataset("topology/links", data=np.array(lrows, dtype=link_dtype))
        lds.attrs["units"] = "id: -, a: -, b: -, bandwidth_gbps: Gbps, latency_s: s, length_km: km"
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--days", type=float, default=3.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=400)
    ap.add_argument("--broken-balance", action="store_true")
    a = ap.parse_args()
    make_fixture(a.out, days=a.days, seed=a.seed, n_jobs=a.jobs, broken_balance=a.broken_balance)


if __name__ == "__main__":
    main()
