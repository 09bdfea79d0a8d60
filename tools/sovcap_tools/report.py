"""A self-contained HTML page of a run: KPI tables and the pictures inlined as base64 PNG."""
import base64
import html
import math

import numpy as np

from . import style


def fmt(value):
    """Numbers with 4 significant digits, integers whole, NaN as an em dash."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return "—"
        if v != 0 and (abs(v) >= 1e6 or abs(v) < 1e-3):
            return f"{v:.4g}"
        return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"
    return str(value)


def esc(text):
    return html.escape(str(text), quote=True)


def table(frame, units=None, caption=None):
    units = units or {}
    out = ["<table>"]
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append("<thead><tr>")
    for c in frame.columns:
        u = units.get(c, "")
        unit = f"<br><span class=\"unit\">{esc(u)}</span>" if u and u != "-" else ""
        out.append(f"<th>{esc(c)}{unit}</th>")
    out.append("</tr></thead><tbody>")
    for row in frame.itertuples(index=False):
        out.append("<tr>" + "".join(
            f"<td class=\"{'num' if isinstance(v, (int, float, np.number)) else 'txt'}\">{esc(fmt(v))}</td>"
            for v in row) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def key_values(pairs, units=None, caption=None):
    units = units or {}
    out = ["<table class=\"kv\">"]
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append("<tbody>")
    for k, v in pairs:
        u = units.get(k, "")
        out.append(f"<tr><th>{esc(k)}</th><td class=\"num\">{esc(fmt(v))}</td>"
                   f"<td class=\"unit\">{esc(u if u != '-' else '')}</td></tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1300px; color: #222; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 1em 0; font-size: .9em; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
th, td { border: 1px solid #ddd; padding: .25em .6em; }
th { background: #f3f3f3; text-align: left; vertical-align: bottom; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.unit { color: #777; font-weight: normal; font-size: .85em; }
figure { margin: 1.5em 0; } img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: .9em; }
pre { background: #f7f7f7; padding: 1em; overflow-x: auto; font-size: .8em; }
"""

ROOT_ORDER = ["scenario", "schema", "sovcap_version", "seed", "start_utc", "duration_s", "step_s",
              "created_utc", "wall_s"]


def build(result, figures):
    """figures: iterable of (name, caption, figure). Returns the page as a str."""
    attrs = result.attrs
    title = f"sovcap run: {attrs.get('scenario', result.label)}"
    sites = result.sites
    parts = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
             f"<title>{esc(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
             f"<h1>{esc(title)}</h1>",
             f"<p>File <code>{esc(result.path)}</code>; sites: {esc(', '.join(sites))}.</p>"]

    root = [(k, attrs[k]) for k in ROOT_ORDER if k in attrs]
    root += [(k, v) for k, v in attrs.items() if k not in ROOT_ORDER and k != "config_yaml"]
    parts.append("<h2>Run</h2>")
    parts.append(key_values(root, {"duration_s": "s", "step_s": "s", "wall_s": "s"}, "root attributes"))

    parts.append("<h2>Key performance indicators</h2>")
    if "/summary" in result.f:
        parts.append(key_values(sorted(result.kpis().items()), result.kpi_units(), "whole scenario (/summary)"))
    for path, caption in (("/summary/sites", "per site"), ("/summary/classes", "per job class"),
                          ("/summary/regions", "per region")):
        if path in result.f:
            parts.append(table(result.table(path), result.table_units(path), f"{caption} ({path})"))

    parts.append("<h2>Pictures</h2>")
    for name, caption, fig in figures:
        data = base64.b64encode(style.png_bytes(fig)).decode("ascii")
        parts.append(f"<figure id=\"{esc(name)}\"><img src=\"data:image/png;base64,{data}\" "
                     f"alt=\"{esc(caption)}\"><figcaption>{esc(caption)}</figcaption></figure>")

    if "config_yaml" in attrs:
        parts.append("<h2>Resolved scenario</h2>")
        parts.append(f"<details><summary>config_yaml</summary><pre>{esc(attrs['config_yaml'])}</pre></details>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
