"""Every picture of a run, in order, as (file name, caption, figure) built one at a time."""
import numbers as numbers_

import matplotlib.gridspec as gridspec

from . import plots, registry, style
from .errors import progress


def site_frames(result):
    return {site: result.site_frame(site) for site in result.sites}


def duration_text(seconds):
    """A wait or duration in the unit a planner reads: s, min, h or days."""
    s = float(seconds)
    if s != s:  # NaN
        return "—"
    if s < 120:
        return f"{s:.0f} s"
    if s < 2 * 3600:
        return f"{s / 60:.0f} min"
    if s < 2 * 86400:
        return f"{s / 3600:.1f} h"
    return f"{s / 86400:.1f} days"


def kpi_text(f, v, in_gwh=False):
    """One KPI as a planner reads it: its registry format and unit, waits as durations, large energies in GWh,
    fractions as percent."""
    unit = registry.shown_unit(f)
    if unit == "s":
        return duration_text(v)
    if unit == "MWh" and in_gwh:
        return f"{float(v) / 1000:,.0f} GWh"
    if unit == "MWh":
        return f"{float(v):,.0f} MWh"
    if unit == "t" and float(v) >= 10000:
        return f"{float(v) / 1000:,.0f} kt"
    if unit == "GB" and float(v) >= 10000:
        return f"{float(v) / 1000:,.0f} TB"
    text = registry.format_value(f, v)
    return f"{text} %" if unit == "%" else f"{text} {unit}".strip()


def kpi_lines(kpis):
    """(label, value) pairs of every whole-run KPI the file has, grouped by meaning in the registry's order
    (a group's name as a (heading, None) row); labels and formats from the registry, nothing invented."""
    numbers = {k: v for k, v in kpis.items() if isinstance(v, numbers_.Real)}
    in_gwh = float(numbers.get("energy_facility_mwh") or 0.0) >= 10000  # one energy unit for the whole panel
    rows = []
    for group, items in registry.grouped("kpi", numbers):
        if group == "identity":
            continue
        rows.append((group, None))
        rows += [(f["label"], kpi_text(f, v, in_gwh)) for f, v in items]
    return rows


def site_wue(result):
    """{site: WUE in L/kWh} from /summary/sites, where written."""
    if "/summary/sites" not in result.f:
        return {}
    sites = result.table("/summary/sites")
    if "wue_l_per_kwh" not in sites:
        return {}
    return {str(k): float(v) for k, v in zip(sites[sites.columns[0]], sites["wue_l_per_kwh"]) if v == v}


def kpi_panel(ax, result):
    ax.axis("off")
    ax.set_title("key figures of the run (/summary)", loc="left")
    rows = kpi_lines(result.kpis()) if "/summary" in result.f else []
    if not rows:
        plots.no_data(ax, "no /summary in this file")
        return
    columns = 1 if len(rows) <= 16 else 2
    per_column = -(-len(rows) // columns)
    step = min(0.075, 0.97 / per_column)
    size = 9 if per_column <= 13 else max(5.5, 9 * 13 / per_column)
    width = 1.0 / columns
    for i, (label, value) in enumerate(rows):
        col, row = divmod(i, per_column)
        x0, y = col * width, 0.98 - row * step
        if value is None:
            ax.text(x0, y, label, transform=ax.transAxes, va="top", ha="left", fontsize=size, fontweight="bold",
                    color="#1f4e79")
            continue
        room = 34 if columns == 1 else 21  # characters a label may take beside its value
        short = label if len(label) <= room else label[:room - 1] + "…"
        ax.text(x0 + 0.01, y, short, transform=ax.transAxes, va="top", ha="left", fontsize=size, color="#444444")
        ax.text(x0 + width - 0.02, y, value, transform=ax.transAxes, va="top", ha="right", fontsize=size,
                fontweight="bold")


def dashboard(result, frames, jobs):
    """One page for a README or a report: power over the year and a week, the map, batteries, GPUs and
    queues, waits, PUE, links and the key figures; drawn at 10 in wide so its text reads at ~1000 px."""
    colours = style.site_colours(frames)
    fig = style.new_figure(style.SIZE_DASHBOARD, dpi=style.DASHBOARD_DPI)
    gs = gridspec.GridSpec(7, 2, figure=fig, height_ratios=[2.4, 2.1, 2.2, 2.5, 2.3, 3.1, 2.2], width_ratios=[1, 1])
    total = plots.total_frame(frames)
    rule, what = plots.resample_rule(plots.span_s(total))
    names = " + ".join(frames)
    plots.power_stack(fig.add_subplot(gs[0, :]), plots.bin_means(total, rule),
                      f"power of all sites ({names}) over the run (MW, {what})")
    week = plots.representative_week(total)
    plots.power_stack(fig.add_subplot(gs[1, :]), week, f"{plots.week_title(week, total)} (MW, every sample)",
                      legend=False)
    plots.network_map(fig.add_subplot(gs[2:4, 0]), result, colours)
    right = gs[2:4, 1].subgridspec(3, 1, hspace=0.55)
    plots.soc(fig.add_subplot(right[0]), frames, colours, "battery state of charge, same days",
              week=(week.index[0], week.index[-1]) if len(week) else None, note=False)
    plots.gpu_and_queue((fig.add_subplot(right[1]), fig.add_subplot(right[2])), frames, colours)
    plots.wait_cdf(fig.add_subplot(gs[4, 0]), jobs)
    plots.pue_vs_ambient(fig.add_subplot(gs[4, 1]), frames, colours)
    plots.link_heatmap(fig.add_subplot(gs[5, 0]), result, fig, top=12)
    kpi_panel(fig.add_subplot(gs[5, 1]), result)
    plots.cost_breakdown(fig.add_subplot(gs[6, 0]), result)
    plots.water_use(fig.add_subplot(gs[6, 1]), frames, colours, site_wue(result))
    attrs = result.attrs
    days = float(attrs.get("duration_s", 0)) / 86400
    step = float(attrs.get("step_s", 0))
    fig.suptitle(f"sovcap: {attrs.get('scenario', result.label)}, {days:.3g} days from "
                 f"{str(attrs.get('start_utc', '?'))[:10]} at {step / 60:.3g}-min steps (seed {attrs.get('seed', '?')})",
                 fontsize=12, fontweight="bold")
    plots.finish(fig)
    return fig


def one_panel(draw, title=None, size=None):
    fig = style.new_figure(size or style.SIZE_PANEL)
    ax = fig.add_subplot()
    draw(ax)
    if title:
        ax.set_title(title)
    plots.finish(fig)
    return fig


def all_figures(result, verbose=True):
    """Yield (file name, caption, figure); the caller saves and closes each before the next is drawn."""
    def note(text):
        if verbose:
            progress(text)

    note(f"reading {result.path}")
    frames = site_frames(result)
    colours = style.site_colours(frames)
    jobs = result.jobs(["class", "wait_s"])
    for i, (site, frame) in enumerate(frames.items(), 1):
        name = style.safe_name(site)
        note(f"site {site} ({i}/{len(frames)}): power, battery, PUE, GPUs")
        one = {site: frame}
        yield f"power_{name}.png", f"{site}: power stack over the run and a representative week", \
            plots.site_power_figure(frame, site)
        fig = style.new_figure(style.SIZE_PAIR)
        if plots.has_battery(frame):
            ax1, ax2 = fig.subplots(2, 1)
            plots.soc(ax1, one, colours, f"{site}: battery state of charge over the run")
            week = plots.representative_week(frame)
            plots.soc(ax2, one, colours, f"{site}: battery state of charge, a representative week",
                      week=(week.index[0], week.index[-1]) if len(week) else None)
        else:  # one panel saying so, not two empty ones
            plots.soc(fig.add_subplot(), one, colours, f"{site}: battery state of charge")
        plots.finish(fig)
        yield f"soc_{name}.png", f"{site}: battery state of charge over the run and a representative week", fig
        yield f"pue_{name}.png", f"{site}: PUE against ambient temperature", \
            one_panel(lambda ax: plots.pue_vs_ambient(ax, one, colours), f"{site}: PUE against ambient temperature")
        fig = style.new_figure(style.SIZE_PAIR)
        plots.gpu_and_queue(fig.subplots(2, 1), one, colours, f"{site}: ")
        plots.finish(fig)
        yield f"gpu_queue_{name}.png", f"{site}: GPU utilization and queue length", fig
    note("waits, links, map")
    yield "waits_cdf.png", "distribution of waits per job class", one_panel(lambda ax: plots.wait_cdf(ax, jobs))
    fig = style.new_figure(style.SIZE_PANEL)
    plots.link_heatmap(fig.add_subplot(), result, fig)
    plots.finish(fig)
    yield "links_heatmap.png", "link utilization over time", fig
    yield "network_map.png", "the network at its coordinates", \
        one_panel(lambda ax: plots.network_map(ax, result), size=style.SIZE_MAP)
    note("dashboard")
    yield "costs.png", "capital by asset per site and cost per GPU-hour delivered", \
        one_panel(lambda ax: plots.cost_breakdown(ax, result))
    yield "water.png", "cooling water per day at each site", \
        one_panel(lambda ax: plots.water_use(ax, frames, colours, site_wue(result)))
    yield "dashboard.png", "overview: power over the run and a representative week, the network, batteries, " \
        "GPUs and queues, waits, PUE, links and the key figures", dashboard(result, frames, jobs)
