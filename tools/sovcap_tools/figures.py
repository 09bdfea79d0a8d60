"""Every picture of a run, in order, as (file name, caption, figure) built one at a time."""
import matplotlib.gridspec as gridspec

from . import plots, style
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


def kpi_lines(kpis):
    """(label, value) pairs of the whole-scenario KPIs a planner asks for first; missing ones left out."""
    def get(key):
        v = kpis.get(key)
        return float(v) if isinstance(v, (int, float)) else None

    rows = []

    def add(label, key, fmt):
        v = get(key)
        if v is not None:
            rows.append((label, fmt(v)))

    in_gwh = (get("energy_facility_mwh") or 0.0) >= 10000  # one energy unit for the whole panel
    gwh = lambda v: f"{v / 1000:,.0f} GWh" if in_gwh else f"{v:,.0f} MWh"  # noqa: E731
    add("facility energy", "energy_facility_mwh", gwh)
    add("IT energy", "energy_it_mwh", gwh)
    add("solar / wind", "solar_mwh", lambda v: f"{gwh(v)} / {gwh(get('wind_mwh') or 0.0)}")
    add("grid import", "grid_import_mwh", gwh)
    add("curtailed", "curtailed_mwh", gwh)
    add("unserved demand", "unserved_mwh", gwh)
    add("renewable share", "renewable_fraction", lambda v: f"{100 * v:.1f} %")
    add("carbon", "carbon_t", lambda v: f"{v / 1000:,.0f} kt CO2" if v >= 10000 else f"{v:,.0f} t CO2")
    add("mean PUE", "mean_pue", lambda v: f"{v:.3f}")
    add("GPU utilization", "gpu_utilization", lambda v: f"{100 * v:.1f} %")
    add("jobs completed", "jobs_completed", lambda v: f"{v:,.0f} of {get('jobs_submitted') or 0:,.0f}")
    add("wait, median / p95", "wait_p50_s", lambda v: f"{duration_text(v)} / {duration_text(get('wait_p95_s') or 0)}")
    add("mean slowdown", "mean_slowdown", lambda v: f"{v:.2f}")
    add("cost per GPU-hour", "cost_per_gpu_hour_usd", lambda v: f"{v:.2f} USD")
    add("net present cost", "npc_usd", lambda v: f"{v / 1e9:,.2f} bn USD" if v >= 1e9 else f"{v / 1e6:,.1f} M USD")
    add("water / WUE", "water_m3", lambda v: f"{v:,.0f} m3 / {get('wue_l_per_kwh') or 0.0:.2f} L/kWh")
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
    step = min(0.075, 0.98 / len(rows))
    size = 9 if len(rows) <= 13 else 8  # the cost and water lines make 16: a point smaller keeps them apart
    for i, (label, value) in enumerate(rows):
        y = 0.99 - i * step
        ax.text(0.0, y, label, transform=ax.transAxes, va="top", ha="left", fontsize=size, color="#444444")
        ax.text(1.0, y, value, transform=ax.transAxes, va="top", ha="right", fontsize=size, fontweight="bold")


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
