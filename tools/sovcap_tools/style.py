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
SIZE_PAIR = (10, 6.5)       # two stacked panels: battery (run + week), GPUs + queue
SIZE_MAP = (8, 9)           # the network map
SIZE_DASHBOARD = (10, 20)   # the combined dashboard: drawn for a ~1000 px wide README column
DASHBOARD_DPI = 130         # ... and saved sharper (1300 x 2600 px, a few hundred KB)

SOURCE_COLOURS = {
    "solar_mw": "#f2b705",
    "wind_mw": "#4c9be8",
    "battery_discharge_mw": "#7b4fb0",
    "grid_import_mw": "#8c8c8c",
    "curtailed_mw": "#f4a582",
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
# One colour per site, the same in every picture (map markers, battery, GPUs, PUE); chosen
# away from the power-source colours above. Sites take them in scenario order.
SITE_PALETTE = ["#1b9e77", "#e7298a", "#7570b3", "#66a61e", "#a6761d", "#17becf", "#e6ab02", "#666666"]
# Job classes (waits) use their own, distinct set.
CLASS_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#bcbd22", "#7f7f7f"]
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


def new_figure(size, dpi=DPI, **kwargs):
    """A figure of size inches; it is saved at its own dpi (pixels = size x dpi)."""
    return plt.figure(figsize=size, dpi=dpi, **kwargs)


def site_colours(sites):
    return {site: SITE_PALETTE[i % len(SITE_PALETTE)] for i, site in enumerate(sites)}


def class_colours(classes):
    return {c: CLASS_PALETTE[i % len(CLASS_PALETTE)] for i, c in enumerate(classes)}


def safe_name(text):
    """A site or link id as a file-name component."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", str(text)) or "_"


PALETTE_ABOVE = 120_000  # bytes: larger PNGs are reduced to a 256-colour palette


def png_data(fig):
    """The figure as PNG bytes at its own dpi. A large one (the dashboard, noisy year views) is
    reduced to a 256-colour palette: plots have few colours, the file shrinks about threefold and
    looks the same (libimagequant, when Pillow has it, keeps colour bars smooth)."""
    from PIL import Image, features

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi="figure")
    text = getattr(fig, "png_text", {})
    plt.close(fig)
    data = buf.getvalue()
    if len(data) > PALETTE_ABOVE:
        image = Image.open(io.BytesIO(data)).convert("RGB")
        method = Image.LIBIMAGEQUANT if features.check("libimagequant") else Image.MEDIANCUT
        out = io.BytesIO()
        image.quantize(colors=256, method=method).save(out, format="png", optimize=True)
        data = out.getvalue() if len(out.getvalue()) < len(data) else data
    for key, value in text.items():
        data = with_text(data, key, value)
    return data


def with_text(png, key, value):
    """The PNG with a tEXt chunk `key` = `value` (Latin-1) right after its header (PNG spec, 11.3.4.3)."""
    import struct
    import zlib

    body = key.encode("latin-1") + b"\0" + value.encode("latin-1")
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body + struct.pack(">I", zlib.crc32(b"tEXt" + body))
    at = 8 + 8 + struct.unpack(">I", png[8:12])[0] + 4  # signature, then IHDR's length, type, data, CRC
    return png[:at] + chunk + png[at:]


def png_texts(png):
    """{key: value} of a PNG's tEXt chunks."""
    import struct

    out, at = {}, 8
    while at + 8 <= len(png):
        length, kind = struct.unpack(">I", png[at:at + 4])[0], png[at + 4:at + 8]
        if kind == b"tEXt":
            key, _, value = png[at + 8:at + 8 + length].partition(b"\0")
            out[key.decode("latin-1")] = value.decode("latin-1")
        if kind == b"IEND":
            break
        at += 12 + length
    return out


def save_png(fig, path):
    """Save at the figure's exact pixel size (no tight bbox: sizes stay predictable)."""
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(png_data(fig))
    os.replace(tmp, path)
    return path


def png_bytes(fig):
    return png_data(fig)
