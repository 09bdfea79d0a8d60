"""The pictures, each drawn on a given Axes so the dashboard, the per-figure PNGs and the report reuse them.

Long runs are never drawn sample by sample (a year at 15 min is 35,040 points per line, which
renders as solid noise): the run views show bin means, with the min-max range of each bin as a
band where the spread matters (state of charge, GPUs, queues), and the power stack has a
representative week at full resolution beside the run.
"""
import math

import numpy as np
import pandas as pd
import matplotlib.dates as mdates
import matplotlib.ticker as mticker
from matplotlib.lines import Line2D

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


def band_rule(span_s):
    """Bins for the mean + min-max band views (state of charge, GPUs, queues)."""
    if span_s >= 14 * DAY_S:
        return "1D", "daily mean, band: daily min-max"
    return "1H", "hourly mean, band: hourly min-max"


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


def week_text(week):
    if not len(week):
        return "a representative week"
    a, b = week.index[0], week.index[-1]
    return f"{a:%d %b} to {b:%d %b %Y}" if a.year == b.year else f"{a:%d %b %Y} to {b:%d %b %Y}"


def week_title(week, frame):
    """'a representative week, 28 Aug to 04 Sep 2030', or 'the whole run, ...' when the run is a week or less."""
    if len(week) == len(frame):
        return f"the whole run, {week_text(week)}"
    return f"a representative week, {week_text(week)}"


def col(frame, name):
    return frame[name].to_numpy(dtype=float) if name in frame else np.zeros(len(frame))


def date_axis(ax):
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def no_data(ax, text):
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#555555")


# --- power --------------------------------------------------------------------------------------
def power_stack(ax, frame, title, legend=True):
    """Supply stacked (sun, wind, battery, grid) against IT and facility load; curtailment shaded."""
    x = frame.index
    sources = [m for m in STACK if np.any(np.nan_to_num(col(frame, m)) > 0)] or STACK[:1]  # a site without
    supply = [np.nan_to_num(col(frame, m)) for m in sources]  # wind has no "wind" in its legend
    ax.stackplot(x, *supply, colors=[style.SOURCE_COLOURS[m] for m in sources],
                 labels=[style.SOURCE_LABELS[m] for m in sources], alpha=0.9, linewidth=0)
    facility = np.nan_to_num(col(frame, "facility_power_mw"))
    charge = np.nan_to_num(col(frame, "battery_charge_mw"))
    absorbed = facility + charge
    curtailed = np.nan_to_num(col(frame, "curtailed_mw"))
    export = np.nan_to_num(col(frame, "grid_export_mw"))
    unserved = np.nan_to_num(col(frame, "unserved_mw"))
    if np.any(curtailed > 0):
        ax.fill_between(x, absorbed, absorbed + curtailed, color=style.SOURCE_COLOURS["curtailed_mw"],
                        linewidth=0, label="curtailed")  # opaque: it hides the sun and wind it stands for
    if np.any(export > 0):
        ax.fill_between(x, absorbed + curtailed, absorbed + curtailed + export, color="#a1d99b",
                        linewidth=0, label="grid export")
    if np.any(unserved > 0):
        ax.fill_between(x, facility, facility + unserved, facecolor="none", edgecolor="#c0392b",
                        hatch="xxxx", linewidth=0, label="unserved demand")
    if np.any(charge > 0):
        ax.plot(x, absorbed, color="#4a2c7a", lw=0.8, ls="--", label="facility + battery charge")
    ax.plot(x, facility, color=style.SOURCE_COLOURS["facility_power_mw"], lw=1.4, label="facility load")
    ax.plot(x, col(frame, "it_power_mw"), color=style.SOURCE_COLOURS["it_power_mw"], lw=1.0, label="IT load")
    ax.set_ylabel("power (MW)")
    ax.set_title(title)
    top = np.nanmax(np.concatenate([sum(supply), facility + unserved, [0.0]])) if len(x) else 1.0
    top = top if np.isfinite(top) and top > 0 else 1.0
    ax.set_ylim(0, (1.22 if legend else 1.05) * top)  # room for a one-row legend
    ax.margins(x=0)
    if legend:
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles, labels, loc="upper left", ncol=min(len(handles), 5), frameon=True, framealpha=0.85,
                  edgecolor="none", handlelength=1.6, columnspacing=1.0, borderaxespad=0.2)
    date_axis(ax)


def site_power_figure(frame, site):
    """Two panels: the whole run (binned means) and a representative week."""
    fig = style.new_figure(style.SIZE_WIDE)
    ax1, ax2 = fig.subplots(2, 1)
    rule, what = resample_rule(span_s(frame))
    power_stack(ax1, bin_means(frame, rule), f"{site}: power over the run (MW, {what})")
    week = representative_week(frame)
    power_stack(ax2, week, f"{site}: {week_title(week, frame)} (MW, every sample)", legend=False)
    fig.tight_layout()
    return fig


# --- mean + min-max bands -------------------------------------------------------------------
def corner_note(ax, text):
    """What the lines are (bins, band), small and grey in the top right corner."""
    ax.text(0.995, 0.985, text, ha="right", va="top", transform=ax.transAxes, fontsize=7, color="#555555")


def band(ax, index, values, colour, label, rule):
    """The bin means as a line and each bin's min-max range as a band; returns the line.
    rule None: every sample as a line (a week)."""
    s = pd.Series(np.asarray(values, dtype=float), index=index)
    if rule is None:
        return ax.plot(s.index, s.to_numpy(), color=colour, lw=1.2, label=label)[0]
    g = s.resample(rule)
    mean, lo, hi = g.mean(), g.min(), g.max()
    ax.fill_between(mean.index, lo.to_numpy(), hi.to_numpy(), color=colour, alpha=0.18, linewidth=0)
    return ax.plot(mean.index, mean.to_numpy(), color=colour, lw=1.3, label=label)[0]


def has_battery(frame):
    return any(m in frame and np.nanmax(np.abs(col(frame, m)), initial=0.0) > 0
               for m in ("battery_soc_mwh", "battery_charge_mw", "battery_discharge_mw"))


def soc(ax, frames, colours=None, title="battery state of charge", week=None, note=True):
    """State of charge per site with a battery (mean line, min-max band); week: a (first, last) time
    pair to draw every sample of instead (the representative week). Sites without one are named."""
    colours = colours or style.site_colours(frames)
    span = max([span_s(f) for f in frames.values()] + [0.0])
    rule, what = band_rule(span)
    if week is not None:
        frames = {site: f.loc[week[0]:week[1]] for site, f in frames.items()}
        rule, what = None, f"{week[0]:%d %b} to {week[1]:%d %b %Y}, every sample"
    smooth = rule == "1D"  # a battery cycling every day is a solid band at daily bins: smooth over a week
    if smooth:
        what = "7-day means of the daily mean; band: of the daily min and max"
    without = []
    top = 0.0
    for site, frame in frames.items():
        if not has_battery(frame):
            without.append(site)
            continue
        values = col(frame, "battery_soc_mwh")
        top = max(top, np.nanmax(values, initial=0.0))
        if smooth:
            daily = pd.Series(values, index=frame.index).resample("1D")
            roll = lambda s: s.rolling(7, center=True, min_periods=1).mean()  # noqa: E731
            mean, lo, hi = roll(daily.mean()), roll(daily.min()), roll(daily.max())
            ax.fill_between(mean.index, lo.to_numpy(), hi.to_numpy(), color=colours[site], alpha=0.18, linewidth=0)
            ax.plot(mean.index, mean.to_numpy(), color=colours[site], lw=1.4, label=site)
        else:
            band(ax, frame.index, values, colours[site], site, rule)
    ax.set_ylabel("MWh")
    ax.set_title(f"{title} (MWh)")
    if note:
        corner_note(ax, what)
    ax.set_ylim(0, 1.3 * top if top > 0 else 1.0)
    if without:
        note = f"no battery: {', '.join(without)}"
        if len(without) == len(frames):
            no_data(ax, note)
            ax.set_yticks([])
            spans = [(f.index[0], f.index[-1]) for f in frames.values() if len(f)]
            if spans:  # the run's dates, not matplotlib's empty-axis 1970
                ax.set_xlim(min(a for a, _ in spans), max(b for _, b in spans))
    if len(without) < len(frames):
        handles, labels = ax.get_legend_handles_labels()
        if without:
            handles.append(Line2D([], [], ls="", label=f"(no battery: {', '.join(without)})"))
        ax.legend(handles=handles, frameon=False, loc="upper left", ncol=len(handles), handlelength=1.5)
    ax.margins(x=0)
    date_axis(ax)


def gpu_utilization(ax, frames, colours=None, title="GPU utilization"):
    colours = colours or style.site_colours(frames)
    span = max([span_s(f) for f in frames.values()] + [0.0])
    rule, what = band_rule(span)
    for site, frame in frames.items():
        busy, total = col(frame, "busy_gpus"), col(frame, "total_gpus")
        with np.errstate(invalid="ignore", divide="ignore"):
            util = np.where(total > 0, 100.0 * busy / total, np.nan)
        band(ax, frame.index, util, colours[site], site, rule)
    ax.set_ylabel("% busy")
    ax.set_ylim(0, 118)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.set_title(f"{title} (% of GPUs busy)")
    corner_note(ax, what)
    ax.legend(frameon=False, loc="upper left", ncol=len(frames), borderaxespad=0.1)
    ax.margins(x=0)
    date_axis(ax)


def queue_length(ax, frames, colours=None, title="queue length"):
    colours = colours or style.site_colours(frames)
    span = max([span_s(f) for f in frames.values()] + [0.0])
    rule, what = band_rule(span)
    for site, frame in frames.items():
        band(ax, frame.index, col(frame, "queued_jobs"), colours[site], site, rule)
    ax.set_ylabel("jobs")
    ax.set_ylim(0, ax.get_ylim()[1] * 1.12)
    ax.set_title(f"{title} (jobs waiting)")
    corner_note(ax, what)
    ax.margins(x=0)
    date_axis(ax)


def gpu_and_queue(axes, frames, colours=None, prefix=""):
    """GPU utilization (top) and queue length (bottom), sharing the time axis."""
    ax1, ax2 = axes
    gpu_utilization(ax1, frames, colours, f"{prefix}GPU utilization")
    queue_length(ax2, frames, colours, f"{prefix}queue length")
    ax1.sharex(ax2)
    ax1.tick_params(labelbottom=False)


def pue_vs_ambient(ax, frames, colours=None):
    colours = colours or style.site_colours(frames)
    for site, frame in frames.items():
        if "pue" not in frame or "ambient_c" not in frame:
            continue
        pue, amb = col(frame, "pue"), col(frame, "ambient_c")
        ok = np.isfinite(pue) & np.isfinite(amb) & (col(frame, "it_power_mw") > 0)
        step = max(1, int(ok.sum() // 20000))  # a year of 15-min samples stays light
        ax.scatter(amb[ok][::step], pue[ok][::step], s=5, alpha=0.35, color=colours[site], label=site,
                   rasterized=True, linewidths=0)
    ax.set_xlabel("ambient temperature (°C)")
    ax.set_ylabel("PUE (facility / IT power)")
    ax.set_title("PUE against ambient temperature (one dot per sample)")
    leg = ax.legend(frameon=False, markerscale=2.5, loc="upper left")
    for handle in leg.legend_handles if hasattr(leg, "legend_handles") else leg.legendHandles:
        handle.set_alpha(1.0)


# --- costs and water ------------------------------------------------------------------------------
def cost_breakdown(ax, result):
    """Capital by asset per site (stacked bars, M USD), each bar labelled with its cost per GPU-hour."""
    sites = result.table("/summary/sites") if "/summary/sites" in result.f else None
    assets = [] if sites is None else [c for c in sites.columns
                                       if c.startswith("capital_") and c.endswith("_usd") and c != "capital_usd"]
    if sites is None or not assets or not np.nansum(sites[assets].to_numpy(dtype=float)) > 0:
        no_data(ax, "no cost figures in this file")
        ax.set_title("capital by asset")
        return
    names = [str(v) for v in sites[sites.columns[0]]]
    left = np.zeros(len(names))
    palette = ["#f2b705", "#3a7ca5", "#7b4ea3", "#888888", "#a0522d", "#5fa8d3", "#2e7d32", "#9ccc65",
               "#00838f", "#c62828"]
    for i, c in enumerate(assets):
        v = np.nan_to_num(sites[c].to_numpy(dtype=float)) / 1e6
        if not v.any():
            continue
        ax.barh(names, v, left=left, color=palette[i % len(palette)], label=c[len("capital_"):-len("_usd")])
        left += v
    if "cost_per_gpu_hour_usd" in sites:
        for y, (total, cost) in enumerate(zip(left, sites["cost_per_gpu_hour_usd"].to_numpy(dtype=float))):
            if np.isfinite(cost):
                ax.text(total, y, f"  {cost:.2f} USD/GPU-h", va="center", ha="left", fontsize=8)
    ax.set_xlim(0, left.max() * 1.35)
    ax.set_xlabel("capital (million USD)")
    ax.set_title("capital by asset, and cost per GPU-hour delivered")
    ax.legend(frameon=False, fontsize=7, ncol=2, loc="lower right")


def water_use(ax, frames, colours=None, wue=None):
    """Water used per day at each site (m3/day, daily means of water_m3_per_h x 24)."""
    colours = colours or style.site_colours(frames)
    drawn = False
    for site, frame in frames.items():
        if "water_m3_per_h" not in frame or not np.nansum(col(frame, "water_m3_per_h")) > 0:
            continue
        daily = frame["water_m3_per_h"].resample("1D").mean() * 24
        label = site if not wue or site not in wue else f"{site} (WUE {wue[site]:.2f} L/kWh)"
        ax.plot(daily.index, daily.to_numpy(), color=colours[site], lw=1.2, label=label)
        drawn = True
    ax.set_title("cooling water per day (m3/day)")
    if not drawn:
        no_data(ax, "no water used (dry or closed-loop cooling)")
        return
    ax.set_ylabel("m3/day")
    date_axis(ax)
    ax.legend(frameon=False, fontsize=8, loc="upper left")


# --- jobs -----------------------------------------------------------------------------------------
WAIT_TICKS = [(1, "1 s"), (60, "1 min"), (3600, "1 h"), (86400, "1 day"), (7 * 86400, "1 week"),
              (30 * 86400, "30 days")]


def wait_cdf(ax, jobs):
    """Empirical CDF of waits per class; waits under 1 s are drawn at 1 s (log axis)."""
    drawn = False
    classes = sorted(jobs["class"].unique()) if len(jobs) else []
    colours = style.class_colours(classes)
    top = 1.0
    for cls, group in jobs.groupby("class", sort=True):
        w = group["wait_s"].to_numpy(dtype=float)
        w = np.sort(w[np.isfinite(w)])
        if not len(w):
            continue
        y = np.arange(1, len(w) + 1) / len(w)
        ax.step(np.maximum(w, 1.0), y, where="post", color=colours[cls], lw=1.4, label=f"{cls} (n={len(w):,})")
        top = max(top, float(w[-1]))
        drawn = True
    ax.set_xscale("log")
    ticks = [t for t, _ in WAIT_TICKS if t <= top * 3]
    ax.xaxis.set_major_locator(mticker.FixedLocator(ticks))
    ax.xaxis.set_major_formatter(mticker.FixedFormatter([lab for t, lab in WAIT_TICKS if t in ticks]))
    ax.xaxis.set_minor_locator(mticker.NullLocator())
    ax.set_xlim(0.8, max(top * 1.5, 10.0))
    ax.set_xlabel("wait before start (log scale; under 1 s drawn at 1 s)")
    ax.set_ylabel("share of started jobs")
    ax.yaxis.set_major_formatter(mticker.PercentFormatter(1.0))
    ax.set_ylim(0, 1.02)
    ax.set_title("waits per job class (cumulative)")
    if drawn:
        ax.legend(frameon=False, loc="lower right")
    else:
        no_data(ax, "no job started")


# --- links ------------------------------------------------------------------------------------
def link_matrix(result, max_bins=400):
    """(links sorted by mean utilization, busiest first; bin times; matrix links x bins; bin text)."""
    links = result.links
    times = result.times()
    frame = pd.DataFrame({link: result.link_series(link, "utilization") for link in links}, index=times)
    span = (times[-1] - times[0]).total_seconds() if len(times) > 1 else 0.0
    rule, what = resample_rule(span)
    binned = frame.resample(rule).mean()
    if len(binned) > max_bins:
        binned = frame.groupby(np.arange(len(frame)) * max_bins // len(frame)).mean()
        binned.index = times[np.linspace(0, len(times) - 1, len(binned)).astype(int)]
        what = f"{max_bins} time bins, means"
    order = binned.mean().sort_values(ascending=False, kind="stable").index.tolist()
    return order, binned.index, binned[order].to_numpy().T, what


def link_heatmap(ax, result, fig=None, max_bins=400, top=None):
    """Utilization per link over time: rows are links (busiest first), columns time bins (means)."""
    if not result.links:
        no_data(ax, "no links")
        ax.set_title("link utilization")
        return
    links, times, matrix, what = link_matrix(result, max_bins)
    shown = links[:top] if top else links
    matrix = matrix[:len(shown)]
    matrix = 100.0 * matrix  # a fraction, shown as percent
    finite = matrix[np.isfinite(matrix)]
    peak = float(np.max(finite)) if finite.size else 100.0
    vmax = 100.0 if peak > 50 else max(5.0, math.ceil(peak / 5) * 5)  # to the data, in steps of 5 %
    t0 = mdates.date2num(times[0])
    t1 = mdates.date2num(times[-1]) if len(times) > 1 else t0 + 1
    if len(times) > 1:
        t1 += (t1 - t0) / (len(times) - 1)
    image = ax.imshow(matrix, aspect="auto", interpolation="nearest", cmap="viridis", vmin=0, vmax=vmax,
                      extent=[t0, t1, len(shown) - 0.5, -0.5])
    ax.set_yticks(range(len(shown)))
    ax.set_yticklabels(shown, fontsize=7 if len(shown) > 14 else 8)
    ax.grid(False)
    ax.xaxis_date()
    date_axis(ax)
    which = f"busiest {len(shown)} of {len(links)} links" if len(shown) < len(links) else "busiest first"
    ax.set_title(f"link utilization ({which}; {what})")
    bar = (fig or ax.figure).colorbar(image, ax=ax, fraction=0.05, pad=0.02)
    bar.set_label("utilization (%)" if vmax == 100.0 else f"utilization (%, scale 0-{vmax:.0f})")


# --- the map ------------------------------------------------------------------------------------
def network_map(ax, result, colours=None, title=None):
    """Institutes, sites and links at their coordinates; link width by mean traffic.

    Node names are placed by place_labels(ax) once the figure's layout is final (finish(fig))."""
    nodes = result.nodes()
    site_ids = [r.id for r in nodes.itertuples() if r.kind == "site"]
    colours = colours or style.site_colours(site_ids)
    lon, lat = zip(*COASTLINE_LON_LAT)
    ax.plot(lon, lat, color="#6baed6", lw=1.2, zorder=1)
    pos = {r.id: (r.longitude_deg, r.latitude_deg) for r in nodes.itertuples()}
    traffic = {}
    for link in result.links:
        tp = result.link_series(link, "throughput_gbps", required=False)
        if tp is not None and len(tp):
            traffic[link] = float(np.nanmean(tp)) if np.any(np.isfinite(tp)) else 0.0
    peak = max([v for v in traffic.values() if v > 0] + [1.0])
    segments = []
    for r in result.topo_links().itertuples():
        if r.a not in pos or r.b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[r.a], pos[r.b]
        width = 0.8 + 6.0 * traffic.get(r.id, 0.0) / peak
        ax.plot([x1, x2], [y1, y2], color="#555555", lw=width, alpha=0.55, solid_capstyle="round", zorder=2)
        segments.append(((x1, y1), (x2, y2)))
    labels = []
    handles = []
    for kind in ("region", "router", "site"):
        group = nodes[nodes["kind"] == kind]
        if group.empty:
            continue
        marker, colour, size = style.NODE_STYLE.get(kind, ("D", "#2ca02c", 40))
        if kind == "site":
            for row in group.itertuples():
                ax.scatter([row.longitude_deg], [row.latitude_deg], marker=marker, color=colours.get(row.id, colour),
                           s=size, zorder=5, edgecolors="black", linewidths=0.8)
                handles.append(Line2D([], [], marker=marker, ls="", color=colours.get(row.id, colour),
                                      markeredgecolor="black", markersize=8, label=f"site {row.id}"))
        else:
            ax.scatter(group["longitude_deg"], group["latitude_deg"], marker=marker, color=colour, s=size,
                       zorder=4, edgecolors="white", linewidths=0.6)
            handles.append(Line2D([], [], marker=marker, ls="", color=colour, markersize=6 if kind == "region" else 5,
                                  label="regional institutes" if kind == "region" else "routers"))
        if kind != "router":
            for row in group.itertuples():
                labels.append((row.id, row.longitude_deg, row.latitude_deg, kind == "site"))
    for value in (peak, peak / 4):
        handles.append(Line2D([], [], color="#555555", alpha=0.55, lw=0.8 + 6.0 * value / peak,
                              label=f"link, {value:.3g} Gbps mean"))
    lons = list(lon) + [p[0] for p in pos.values()]
    lats = list(lat) + [p[1] for p in pos.values()]
    ax.set_xlim(min(lons) - 0.8, max(lons) + 0.8)
    ax.set_ylim(min(lats) - 0.8, max(lats) + 0.8)
    mid = math.radians(0.5 * (min(lats) + max(lats)))
    ax.set_aspect(1.0 / math.cos(mid), adjustable="datalim")  # degrees of longitude shrink with latitude
    ax.text(0.06, 0.55, "Atlantic\nOcean", transform=ax.transAxes, color="#6baed6", fontsize=9, style="italic",
            ha="left", va="center")
    ax.set_xlabel("longitude (°)")
    ax.set_ylabel("latitude (°)")
    ax.set_title(title or "the network: link width by mean traffic (Gbps)")
    ax.legend(handles=handles, frameon=True, framealpha=0.9, edgecolor="none", loc="lower right", fontsize=7)
    ax._sovcap_map = {"labels": labels, "segments": segments, "points": list(pos.values())}


def _overlap(a, b):
    """Area of the intersection of two (x0, y0, x1, y1) boxes."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


# Candidate offsets (points) for a label: right, left, above, below, the diagonals, then farther out.
_OFFSETS = [(6, 0, "left", "center"), (-6, 0, "right", "center"), (0, 6, "center", "bottom"),
            (0, -7, "center", "top"), (5, 5, "left", "bottom"), (-5, 5, "right", "bottom"),
            (5, -5, "left", "top"), (-5, -5, "right", "top")]
_OFFSETS += [(dx * k, dy * k, ha, va) for k in (2.2, 3.6) for dx, dy, ha, va in _OFFSETS]


def place_labels(ax):
    """Put each node name where it covers no other name, marker or link (greedy; sites first)."""
    data = getattr(ax, "_sovcap_map", None)
    if not data:
        return
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    ax.apply_aspect()
    to_px = ax.transData.transform
    pt = fig.dpi / 72.0
    frame = ax.get_window_extent(renderer)
    legend = ax.get_legend()
    taken = [legend.get_window_extent(renderer).extents] if legend else []
    marker_r = 5 * pt
    obstacles = [(x - marker_r, y - marker_r, x + marker_r, y + marker_r) for x, y in to_px(data["points"])]
    line_pts = []
    for a, b in data["segments"]:
        (x1, y1), (x2, y2) = to_px([a, b])
        n = max(2, int(math.hypot(x2 - x1, y2 - y1) / (3 * pt)))
        line_pts += [(x1 + (x2 - x1) * i / n, y1 + (y2 - y1) * i / n) for i in range(n + 1)]
    line_pts = np.array(line_pts) if line_pts else np.zeros((0, 2))
    for name, x, y, is_site in sorted(data["labels"], key=lambda r: not r[3]):
        text = ax.annotate(name, (x, y), xytext=(6, 0), textcoords="offset points", ha="left", va="center",
                           fontsize=8.5 if is_site else 7.5, fontweight="bold" if is_site else "normal", zorder=6,
                           bbox=dict(boxstyle="round,pad=0.12", facecolor="white", alpha=0.7, edgecolor="none"))
        best = None
        for rank, (dx, dy, ha, va) in enumerate(_OFFSETS):
            text.set_position((dx, dy))
            text.set_ha(ha)
            text.set_va(va)
            box = text.get_window_extent(renderer).extents
            cost = sum(_overlap(box, t) for t in taken) * 10 + sum(_overlap(box, o) for o in obstacles) * 3
            if len(line_pts):
                inside = ((line_pts[:, 0] > box[0]) & (line_pts[:, 0] < box[2]) &
                          (line_pts[:, 1] > box[1]) & (line_pts[:, 1] < box[3]))
                cost += 4 * pt * pt * int(inside.sum())
            outside = (max(0, frame.x0 - box[0]) + max(0, box[2] - frame.x1) +
                       max(0, frame.y0 - box[1]) + max(0, box[3] - frame.y1))
            cost += outside * 1000 + rank * 2  # nearer, earlier candidates win ties
            if best is None or cost < best[0]:
                best = (cost, dx, dy, ha, va, box)
        _, dx, dy, ha, va, box = best
        text.set_position((dx, dy))
        text.set_ha(ha)
        text.set_va(va)
        if math.hypot(dx, dy) > 10:  # far from its node: the same label with a thin leader line
            props = dict(text=name, xy=(x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                         fontsize=text.get_fontsize(), fontweight=text.get_fontweight(), zorder=6,
                         bbox=dict(boxstyle="round,pad=0.12", facecolor="white", alpha=0.7, edgecolor="none"))
            text.remove()
            ax.annotate(**props, arrowprops=dict(arrowstyle="-", color="#777777", lw=0.6, shrinkA=0, shrinkB=3))
        taken.append(box)
    ax._sovcap_map = None


def finish(fig):
    """Lay the figure out (below its suptitle, if any), then place the map labels at the final scale."""
    top = 1.0 - 0.3 / fig.get_size_inches()[1] if fig._suptitle is not None else 1.0
    fig.tight_layout(rect=(0, 0, 1, top))
    for ax in fig.axes:
        place_labels(ax)


def total_frame(frames):
    """The sum of every site's power series (for the national view)."""
    metrics = STACK + ["facility_power_mw", "it_power_mw", "battery_charge_mw", "curtailed_mw", "grid_export_mw",
                       "unserved_mw"]
    out = None
    for frame in frames.values():
        part = frame[[m for m in metrics if m in frame]].fillna(0.0)
        out = part if out is None else out.add(part, fill_value=0.0)
    return out

