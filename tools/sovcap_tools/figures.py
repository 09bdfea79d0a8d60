"""Every picture of a run, in order, as (file name, caption, figure) built one at a time."""
import numbers as numbers_

import matplotlib.gridspec as gridspec

from . import plots, registry, style
from .registry import duration_text  # noqa: F401  (the dashboard's durations: the registry's rules)
from .errors import progress


def site_frames(result):
    return {site: result.site_frame(site) for site in result.sites}


def kpi_text(f, v):
    """One KPI as a planner reads it: its registry format and unit, waits as durations, fractions as percent,
    and large amounts in larger units: energies from 10,000 MWh in GWh, masses in kt, data in TB
    or PB, money and other counted amounts in millions (M) or billions (bn)."""
    if f["format"] == "duration":
        return duration_text(v)
    unit = registry.shown_unit(f)
    v = float(v)
    if unit == "MWh" and abs(v) >= 10000:
        return f"{v / 1000:,.0f} GWh"
    if unit == "t" and abs(v) >= 10000:
        return f"{v / 1000:,.0f} kt"
    if unit == "GB" and abs(v) >= 1e7:
        return f"{v / 1e6:,.1f} PB"
    if unit == "GB" and abs(v) >= 10000:
        return f"{v / 1000:,.0f} TB"
    if unit and (unit.startswith("USD") or f["format"] == "count") and abs(v) >= 1e9:
        return f"{v / 1e9:,.2f} bn {unit}"
    if unit and abs(v) >= (1e6 if unit.startswith("USD") else 1e7) and (unit.startswith("USD") or f["format"] == "count"):
        return f"{v / 1e6:,.1f} M {unit}"
    text = registry.format_value(f, v)
    return f"{text} %" if unit == "%" else f"{text} {unit}".strip()


def kpi_lines(kpis):
    """(label, value) pairs of every whole-run KPI the file has, grouped by meaning in the registry's order
    (a group's name as a (heading, None) row); labels and formats from the registry, nothing invented."""
    numbers = {k: v for k, v in kpis.items() if isinstance(v, numbers_.Real)}
    rows = []
    for group, items in registry.grouped("kpi", numbers):
        if group == "identity":
            continue
        rows.append((group, None))
        rows += [(f["label"], kpi_text(f, v)) for f, v in items]
    return rows


def site_wue(result):
    """{site: WUE in L/kWh} from /summary/sites, where written."""
    if "/summary/sites" not in result.f:
        return {}
    sites = result.table("/summary/sites")
    if "wue_l_per_kwh" not in sites:
        return {}
    return {str(k): float(v) for k, v in zip(sites[sites.columns[0]], sites["wue_l_per_kwh"]) if v == v}


def kpi_columns(rows, columns, slack=4):
    """rows split into at most `columns` columns of about equal length: at a group's heading when one is
    within `slack` rows of the even split, never leaving a heading at the foot of a column."""
    n = len(rows)
    headings = [i for i, (_, value) in enumerate(rows) if value is None]
    breaks = [0]
    for k in range(1, columns):
        target = round(k * n / columns)
        near = [h for h in headings if h > breaks[-1] and abs(h - target) <= slack]
        at = min(near, key=lambda h: abs(h - target)) if near else target
        if rows[at - 1][1] is None:  # a heading would end the column: it starts the next one
            at -= 1
        if breaks[-1] < at < n:
            breaks.append(at)
    breaks.append(n)
    return [rows[a:b] for a, b in zip(breaks, breaks[1:])]


def kpi_panel(ax, result, columns=3):
    """Every whole-run KPI of the file, grouped by meaning, in `columns` columns across the page."""
    ax.axis("off")
    ax.set_title("key figures of the run", loc="left")
    rows = kpi_lines(result.kpis()) if "/summary" in result.f else []
    if not rows:
        plots.no_data(ax, "no /summary in this file")
        return
    blocks = kpi_columns(rows, columns)
    longest = max(len(b) for b in blocks)
    step = min(0.09, 0.99 / longest)
    size = 8 if longest <= 26 else max(5.5, 8 * 26 / longest)
    width = 1.0 / columns
    characters = 50 if columns == 3 else 150 // columns  # what a column holds at 8 pt across the page
    for col, block in enumerate(blocks):
        x0 = col * width
        for row, (label, value) in enumerate(block):
            y = 0.99 - row * step
            if value is None:
                ax.text(x0, y, label, transform=ax.transAxes, va="top", ha="left", fontsize=size, fontweight="bold",
                        color="#1f4e79")
                continue
            room = max(14, characters - len(value) - 3)  # a long label is cut short, never overwritten
            short = label if len(label) <= room else label[:room - 1] + "…"
            ax.text(x0 + 0.008, y, short, transform=ax.transAxes, va="top", ha="left", fontsize=size,
                    color="#444444")
            ax.text(x0 + width - 0.015, y, value, transform=ax.transAxes, va="top", ha="right", fontsize=size,
                    fontweight="bold")


def dashboard(result, frames, jobs):
    """One page for a README or a report: power over the year and a week, the map, batteries, GPUs and
    queues, waits, PUE, links and the key figures; drawn at 10 in wide so its text reads at ~1000 px."""
    colours = style.site_colours(frames)
    fig = style.new_figure(style.SIZE_DASHBOARD, dpi=style.DASHBOARD_DPI)
    gs = gridspec.GridSpec(8, 2, figure=fig, height_ratios=[2.4, 2.1, 2.2, 2.5, 2.3, 2.2, 2.3, 3.9],
                           width_ratios=[1, 1])
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
    plots.link_heatmap(fig.add_subplot(gs[5, :]), result, fig, top=12)
    plots.cost_breakdown(fig.add_subplot(gs[6, 0]), result)
    plots.water_use(fig.add_subplot(gs[6, 1]), frames, colours, site_wue(result))
    kpis = fig.add_subplot(gs[7, :])
    kpi_panel(kpis, result)
    attrs = result.attrs
    days = float(attrs.get("duration_s", 0)) / 86400
    step = float(attrs.get("step_s", 0))
    fig.suptitle(f"sovcap: {attrs.get('scenario', result.label)}, {days:.3g} days from "
                 f"{str(attrs.get('start_utc', '?'))[:10]} at {step / 60:.3g}-min steps (seed {attrs.get('seed', '?')})",
                 fontsize=12, fontweight="bold")
    plots.finish(fig)
    at = kpis.get_position()  # text only, no tick labels: the key figures may use the page's whole width
    kpis.set_position([0.02, at.y0, 0.96, at.height])
    fig.png_text = {KPI_TEXT: kpi_json(result)}  # which run the picture shows (the check of docs/dashboard.png)
    return fig


KPI_TEXT = "sovcap:kpis"


def kpi_json(result):
    """The run's scenario, seed and every /summary KPI, as JSON (exact floats), for a PNG's text chunk."""
    import json

    kpis = result.kpis() if "/summary" in result.f else {}
    numbers = {k: float(v) for k, v in kpis.items() if isinstance(v, numbers_.Real)}  # repr: exact
    attrs = result.attrs
    return json.dumps({"scenario": str(attrs.get("scenario", "")), "seed": int(attrs.get("seed", 0)),
                       "kpis": numbers}, sort_keys=True)


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
