"""Colours, figure sizes and PNG output shared by every plot (Agg backend)."""
import io
import os
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

DPI = 100
# Figure sizes in inches; at DPI 100 the PNGs are 100x these in pixels.
SIZE_WIDE = (12, 7)         # power stack: year + zoomed week
SIZE_PANEL = (10, 5)        # one-panel pictures
SIZE_MAP = (8, 9)           # the network map
SIZE_DASHBOARD = (16, 10)   # the combined dashboard

SOURCE_COLOURS = {
    "solar_mw": "#f2b705",
    "wind_mw": "#4c9be8",
    "battery_discharge_mw": "#7b4fb0",
    "grid_import_mw": "#8c8c8c",
    "curtailed_mw": "#e07b39",
    "it_power_mw": "#111111",
    "facility_power_mw": "#c0392b",
    "battery_charge_mw": "#b39ddb",
}
SOURCE_LABELS = {
    "solar_mw": "solar",
    "wind_mw": "wind",
    "battery_discharge_mw": "battery discharge",
    "grid_import_mw": "grid import",
    "curtailed_mw": "curtailed",
    "it_power_mw": "IT load",
    "facility_power_mw": "facility load",
    "battery_charge_mw": "battery charge",
}
NODE_STYLE = {  # kind -> (marker, colour, size)
    "site": ("s", "#c0392b", 110),
    "region": ("o", "#1f77b4", 60),
    "router": ("^", "#7f7f7f", 35),
}

plt.rcParams.update({
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 9,
    "legend.fontsize": 8,
})


def new_figure(size, **kwargs):
    return plt.figure(figsize=size, dpi=DPI, **kwargs)


def safe_name(text):
    """A site or link id as a file-name component."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", str(text)) or "_"


def save_png(fig, path):
    """Save at the figure's exact pixel size (no tight bbox: sizes stay predictable)."""
    tmp = path + ".tmp"
    fig.savefig(tmp, format="png", dpi=DPI)
    plt.close(fig)
    os.replace(tmp, path)
    return path


def png_bytes(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    plt.close(fig)
    return buf.getvalue()
