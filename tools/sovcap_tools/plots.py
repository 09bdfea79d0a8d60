"""The pictures, each drawn on a given Axes so the dashboard and the report reuse them."""
import numpy as np
import pandas as pd
import matplotlib.dates as mdates

from . import style
from .geo import COASTLINE_LON_LAT

STACK = ["solar_mw", "wind_mw", "battery_discharge_mw", "grid_import_mw"]
DAY_S = 86400.0


def resample_rule(span_s):
    """Bins for a whole-run view: daily means over long runs, finer ones over short runs."""
    if span_s >= 60 * DAY_S:
        return "1D", "daily means"
    if span_s >= 14 * DAY_S:
        return "6H", "6-hour means"
    return "1H", "hourly means"


def span_s(frame):
    if len(frame.index) < 2:
        return 0.0
    return (frame.index[-1] - frame.index[0]).total_seconds()


def bin_means(frame, rule):
    return frame.resample(rule).mean()


def representative_week(frame):
    """The 7-day window whose mean facility power is closest to the median window (whole run if shorter)."""
    if span_s(frame) <= 7 * DAY_S or "facility_power_mw" not in frame:
        return frame
    daily = frame["facility_power_mw"].resample("1D").mean()
    weekly = daily.rolling(7).mean().dropna()
    if weekly.empty:
        return frame
    end_day = (weekly - weekly.median()).abs().idxmin()
    start = end_day - pd.Timedelta(days=6)
    return frame.loc[start:start + pd.Timedelta(days=7)]


def col(frame, name):
    return frame[name].to_numpy(dtype=float) if name in frame else np.zeros(len(frame))


def date_axis(ax):
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def power_stack(ax, frame, title):
    """Supply stacked (sun, wind, battery, grid) against IT and facility load; curtailment shaded."""
    x = frame.index
    supply = [np.nan_to_num(col(frame, m)) for m in STACK]
    ax.stackplot(x, *supply, colors=[style.SOURCE_COLOURS[m] for m in STACK],
                 labels=[style.SOURCE_LABELS[m] for m in STACK], alpha=0.85, linewidth=0)
    facility = col(frame, "facility_power_mw")
    absorbed = facility + np.nan_to_num(col(frame, "battery_charge_mw"))
    curtailed = np.nan_to_num(col(frame, "curtailed_mw"))
    if np.any(curtailed > 0):
        ax.fill_between(x, absorbed, absorbed + curtailed, facecolor="none", edgecolor=style.SOURCE_COLOURS["curtailed_mw"],
                        hatch="////", linewidth=0, label="curtailed")
    export = np.nan_to_num(col(frame, "grid_export_mw"))
    if np.any(export > 0):
        ax.fill_between(x, absorbed + curtailed, absorbed + curtailed + export, facecolor="none",
                        edgecolor="#2ca02c", hatch="\\\\\\\\", linewidth=0, label="grid export")
    if np.any(col(frame, "battery_charge_mw") > 0):
        ax.plot(x, absorbed, color=style.SOURCE_COLOURS["battery_charge_mw"], lw=0.9, ls="--",
                label="facility + battery charge")
    ax.plot(x, facility, color=style.SOURCE_COLOURS["facility_power_mw"], lw=1.3, label="facility load")
    ax.plot(x, col(frame, "it_power_mw"), color=style.SOURCE_COLOURS["it_power_mw"], lw=1.0, label="IT load")
    ax.set_ylabel("MW")
    ax.set_title(title)
    top = np.nanmax(np.concatenate([sum(supply), facility])) if len(x) else 1.0
    ax.set_ylim(0, 1.3 * top if np.isfinite(top) and top > 0 else 1.0)  # room for the legend
    ax.legend(loc="upper left", ncol=5, frameon=False)
    date_axis(ax)


def site_power_figure(frame, site):
    """Two panels: the whole run (binned means) and a representative week."""
    fig = style.new_figure(style.SIZE_WIDE)
    ax1, ax2 = fig.subplots(2, 1)
    rule, what = resample_rule(span_s(frame))
    power_stack(ax1, bin_means(frame, rule), f"{site}: power over the run ({what})")
    week = representative_week(frame)
    power_stack(ax2, week, f"{site}: a representative week ({week.index[0]:%Y-%m-%d} to {week.index[-1]:%Y-%m-%d})"
                if len(week) else f"{site}: a representative week")
    fig.tight_layout()
    return fig


def soc(ax, frames):
    for site, frame in frames.items():
        if "battery_soc_mwh" in frame:
            ax.plot(frame.index, frame["battery_soc_mwh"], lw=1.0, label=site)
    ax.set_ylabel("MWh")
    ax.set_title("battery state of charge")
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False)
    date_axis(ax)


def pue_vs_ambient(ax, frames):
    for site, frame in frames.items():
        if "pue" not in frame or "ambient_c" not in frame:
            continue
        pue, amb = col(frame, "pue"), col(frame, "ambient_c")
        ok = np.isfinite(pue) & np.isfinite(amb) & (col(frame, "it_power_mw") > 0)
        step = max(1, int(ok.sum() // 20000))  # a year of 15-min samples stays readable
        ax.scatter(amb[ok][::step], pue[ok][::step], s=4, alpha=0.35, label=site, rasterized=True)
    ax.set_xlabel("ambient temperature (°C)")
    ax.set_ylabel("PUE")
    ax.set_title("PUE against ambient temperature")
    ax.legend(frameon=False, markerscale=3)


def gpu_and_queue(ax, frames):
    """GPU utilization (left, %) and queue length (right, jobs)."""
    ax2 = ax.twinx()
    for i, (site, frame) in enumerate(frames.items()):
        colour = f"C{i}"
        busy, total = col(frame, "busy_gpus"), col(frame, "total_gpus")
        with np.errstate(invalid="ignore", divide="ignore"):
            util = np.where(total > 0, 100.0 * busy / total, np.nan)
        ax.plot(frame.index, util, color=colour, lw=1.0, label=f"{site} GPU utilization")
        ax2.plot(frame.index, col(frame, "queued_jobs"), color=colour, lw=0.8, ls=":", label=f"{site} queued jobs")
    ax.set_ylabel("GPU utilization (%)")
    ax.set_ylim(0, 105)
    ax2.set_ylabel("queued jobs")
    ax2.set_ylim(bottom=0)
    ax2.grid(False)
    ax2.spines["right"].set_visible(True)
    ax.set_title("GPU utilization (solid) and queue length (dotted)")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, frameon=False, ncol=2, loc="upper left")
    date_axis(ax)


def wait_cdf(ax, jobs):
    """Empirical CDF of waits per class; waits under 1 s are drawn at 1 s (log axis)."""
    drawn = False
    for cls, group in jobs.groupby("class", sort=True):
        w = group["wait_s"].to_numpy(dtype=float)
        w = np.sort(w[np.isfinite(w)])
        if not len(w):
            continue
        y = np.arange(1, len(w) + 1) / len(w)
        ax.step(np.maximum(w, 1.0), y, where="post", label=f"{cls} (n={len(w)})")
        drawn = True
    ax.set_xscale("log")
    ax.set_xlabel("wait (s, log; < 1 s drawn at 1 s)")
    ax.set_ylabel("fraction of started jobs")
    ax.set_ylim(0, 1.02)
    ax.set_title("distribution of waits per class")
    if drawn:
        ax.legend(frameon=False, loc="lower right")
    else:
        ax.text(0.5, 0.5, "no job started", ha="center", va="center", transform=ax.transAxes)


def link_heatmap(ax, result, fig=None, max_bins=400):
    """Utilization per link over time: rows are links, columns time bins (means)."""
    links = result.links
    if not links:
        ax.text(0.5, 0.5, "no links", ha="center", va="center", transform=ax.transAxes)
        ax.set_title("link utilization")
        return
    times = result.times()
    n = len(times)
    bins = max(1, min(max_bins, n))
    edges = np.linspace(0, n, bins + 1).astype(int)
    matrix = np.full((len(links), bins), np.nan)
    for r, link in enumerate(links):
        u = result.link_series(link, "utilization")
        for b in range(bins):
            seg = u[edges[b]:edges[b + 1]]
            if len(seg):
                matrix[r, b] = np.nanmean(seg) if np.any(np.isfinite(seg)) else np.nan
    t0, t1 = mdates.date2num(times[0]), mdates.date2num(times[-1]) if n > 1 else mdates.date2num(times[0]) + 1
    image = ax.imshow(matrix, aspect="auto", interpolation="nearest", cmap="magma", vmin=0, vmax=1,
                      extent=[t0, t1, len(links) - 0.5, -0.5])
    ax.set_yticks(range(len(links)))
    ax.set_yticklabels(links)
    ax.grid(False)
    ax.xaxis_date()
    date_axis(ax)
    ax.set_title("link utilization (busier direction)")
    (fig or ax.figure).colorbar(image, ax=ax, label="utilization", fraction=0.04, pad=0.02)


def network_map(ax, result):
    """Institutes, sites and links at their coordinates; link width by mean traffic."""
    lon, lat = zip(*COASTLINE_LON_LAT)
    ax.plot(lon, lat, color="#6baed6", lw=1.2, label="coastline (approximate)")
    nodes = result.nodes()
    pos = {r.id: (r.longitude_deg, r.latitude_deg) for r in nodes.itertuples()}
    links = result.topo_links()
    traffic = {}
    for link in result.links:
        tp = result.link_series(link, "throughput_gbps", required=False)
        if tp is not None and len(tp):
            traffic[link] = float(np.nanmean(tp)) if np.any(np.isfinite(tp)) else 0.0
    peak = max([v for v in traffic.values() if v > 0] + [1.0])
    for r in links.itertuples():
        if r.a not in pos or r.b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[r.a], pos[r.b]
        width = 0.8 + 7.0 * traffic.get(r.id, 0.0) / peak
        ax.plot([x1, x2], [y1, y2], color="#555555", lw=width, alpha=0.7, solid_capstyle="round", zorder=2)
    for kind, group in nodes.groupby("kind"):
        marker, colour, size = style.NODE_STYLE.get(kind, ("D", "#2ca02c", 40))
        ax.scatter(group["longitude_deg"], group["latitude_deg"], marker=marker, c=colour, s=size,
                   label=f"{kind}s", zorder=3, edgecolors="white", linewidths=0.6)
        for row in group.itertuples():
            if kind != "router":
                ax.annotate(row.id, (row.longitude_deg, row.latitude_deg), xytext=(4, 3),
                            textcoords="offset points", fontsize=7 if kind == "region" else 8,
                            fontweight="bold" if kind == "site" else "normal", zorder=4)
    xs = list(lon) + [p[0] for p in pos.values()]
    ys = list(lat) + [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 1.0, max(xs) + 1.0)
    ax.set_ylim(min(ys) - 1.0, max(ys) + 1.0)
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_xlabel("longitude (°)")
    ax.set_ylabel("latitude (°)")
    ax.set_title(f"network: line width by mean traffic (peak {peak:.3g} Gbps)")
    ax.legend(frameon=False, loc="lower right", fontsize=7)


def total_frame(frames):
    """The sum of every site's power series (for the national view)."""
    metrics = STACK + ["facility_power_mw", "it_power_mw", "battery_charge_mw", "curtailed_mw", "grid_export_mw"]
    out = None
    for frame in frames.values():
        part = frame[[m for m in metrics if m in frame]].fillna(0.0)
        out = part if out is None else out.add(part, fill_value=0.0)
    return out
