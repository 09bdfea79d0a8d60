"""Every picture of a run, in order, as (file name, caption, figure) built one at a time."""
import matplotlib.gridspec as gridspec

from . import plots, style
from .errors import progress


def site_frames(result):
    return {site: result.site_frame(site) for site in result.sites}


def dashboard(result, frames, jobs):
    """One page for the README: the national power stack, the map, and the main indicators."""
    fig = style.new_figure(style.SIZE_DASHBOARD)
    gs = gridspec.GridSpec(3, 3, figure=fig, width_ratios=[1, 1, 0.9])
    total = plots.total_frame(frames)
    rule, what = plots.resample_rule(plots.span_s(total))
    plots.power_stack(fig.add_subplot(gs[0, 0:2]), plots.bin_means(total, rule),
                      f"all sites ({', '.join(frames)}): power ({what})")
    plots.network_map(fig.add_subplot(gs[0:2, 2]), result)
    plots.soc(fig.add_subplot(gs[1, 0]), frames)
    plots.gpu_and_queue(fig.add_subplot(gs[1, 1]), frames)
    plots.wait_cdf(fig.add_subplot(gs[2, 0]), jobs)
    plots.link_heatmap(fig.add_subplot(gs[2, 1]), result, fig)
    plots.pue_vs_ambient(fig.add_subplot(gs[2, 2]), frames)
    attrs = result.attrs
    fig.suptitle(f"sovcap: {attrs.get('scenario', result.label)} (seed {attrs.get('seed', '?')}, "
                 f"from {attrs.get('start_utc', '?')}, {float(attrs.get('duration_s', 0)) / 86400:.3g} days)",
                 fontsize=12)
    fig.tight_layout()
    return fig


def all_figures(result, verbose=True):
    """Yield (file name, caption, figure); the caller saves and closes each before the next is drawn."""
    def note(text):
        if verbose:
            progress(text)

    note(f"reading {result.path}")
    frames = site_frames(result)
    jobs = result.jobs(["class", "wait_s"])
    for site, frame in frames.items():
        name = style.safe_name(site)
        note(f"site {site}: power, battery, PUE, GPUs")
        yield f"power_{name}.png", f"{site}: power stack over the run and a representative week", \
            plots.site_power_figure(frame, site)
        fig = style.new_figure(style.SIZE_PANEL)
        plots.soc(fig.add_subplot(), {site: frame})
        fig.axes[0].set_title(f"{site}: battery state of charge")
        fig.tight_layout()
        yield f"soc_{name}.png", f"{site}: battery state of charge", fig
        fig = style.new_figure(style.SIZE_PANEL)
        plots.pue_vs_ambient(fig.add_subplot(), {site: frame})
        fig.axes[0].set_title(f"{site}: PUE against ambient temperature")
        fig.tight_layout()
        yield f"pue_{name}.png", f"{site}: PUE against ambient temperature", fig
        fig = style.new_figure(style.SIZE_PANEL)
        plots.gpu_and_queue(fig.add_subplot(), {site: frame})
        fig.axes[0].set_title(f"{site}: GPU utilization (solid) and queue length (dotted)")
        fig.tight_layout()
        yield f"gpu_queue_{name}.png", f"{site}: GPU utilization and queue length", fig
    note("waits, links, map")
    fig = style.new_figure(style.SIZE_PANEL)
    plots.wait_cdf(fig.add_subplot(), jobs)
    fig.tight_layout()
    yield "waits_cdf.png", "distribution of waits per job class", fig
    fig = style.new_figure(style.SIZE_PANEL)
    plots.link_heatmap(fig.add_subplot(), result, fig)
    fig.tight_layout()
    yield "links_heatmap.png", "link utilization over time", fig
    fig = style.new_figure(style.SIZE_MAP)
    plots.network_map(fig.add_subplot(), result)
    fig.tight_layout()
    yield "network_map.png", "the network at its coordinates", fig
    note("dashboard")
    yield "dashboard.png", "dashboard", dashboard(result, frames, jobs)
