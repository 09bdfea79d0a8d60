"""A self-contained HTML page of a run: KPI tables and the pictures inlined as base64 PNG."""
import base64
import html
import math

import numpy as np

from . import style


def fmt(value):
    """Numbers as a planner reads them: 4 significant digits below 10,000, whole numbers with
    thousands separators above (3,889,707, not 3.89e+06), NaN as an em dash."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return "—"
        if math.isinf(v) or abs(v) >= 1e15 or (v != 0 and abs(v) < 1e-3):
            return f"{v:.4g}"
        return f"{v:,.4g}" if abs(v) < 1e4 else f"{v:,.0f}"
    return str(value)


PLAIN = {"seed"}  # identifiers: no thousands separators


def duration_hint(value, unit):
    """'(35.2 h)' beside a number of seconds a reader would otherwise have to divide."""
    if unit != "s" or not isinstance(value, (int, float, np.number)) or not abs(float(value)) >= 120:
        return ""
    from .figures import duration_text
    return f" ({duration_text(value)})"


def esc(text):
    return html.escape(str(text), quote=True)


def table(frame, units=None, caption=None):
    """A table; one with few rows and many columns (per site, per class) is turned so that each
    row becomes a column, which keeps it within the page."""
    units = units or {}
    if len(frame) <= 8 and len(frame.columns) > 10:
        return turned_table(frame, units, caption)
    out = ["<div class=\"scroll\"><table>"]
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append("<thead><tr>")
    for c in frame.columns:
        u = units.get(c, "")
        unit = f"<br><span class=\"unit\">{esc(u)}</span>" if u and u != "-" else ""
        out.append(f"<th>{esc(c).replace('_', '_<wbr>')}{unit}</th>")  # long names may break after _
    out.append("</tr></thead><tbody>")
    for row in frame.itertuples(index=False):
        out.append("<tr>" + "".join(
            f"<td class=\"{'num' if isinstance(v, (int, float, np.number)) else 'txt'}\">{esc(fmt(v))}</td>"
            for v in row) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def turned_table(frame, units, caption):
    """First column's values as the header; one row per other column, its unit beside its name."""
    key = frame.columns[0]
    out = ["<div class=\"scroll\"><table class=\"turned\">"]
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append(f"<thead><tr><th>{esc(key)}</th><th class=\"unit\">unit</th>")
    out += [f"<th class=\"entity\">{esc(v)}</th>" for v in frame[key]]
    out.append("</tr></thead><tbody>")
    for c in frame.columns[1:]:
        u = units.get(c, "")
        out.append(f"<tr><th>{esc(c)}</th><td class=\"unit\">{esc(u if u != '-' else '')}</td>" + "".join(
            f"<td class=\"num\">{esc(fmt(v))}</td>" for v in frame[c]) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def key_values(pairs, units=None, caption=None):
    units = units or {}
    out = ["<table class=\"kv\">"]
    if caption:
        out.append(f"<caption>{esc(caption)}</caption>")
    out.append("<tbody>")
    for k, v in pairs:
        u = units.get(k, "")
        shown = str(v) if k in PLAIN else fmt(v)
        unit = (u if u != "-" else "") + duration_hint(v, u)
        out.append(f"<tr><th>{esc(k)}</th><td class=\"num\">{esc(shown)}</td>"
                   f"<td class=\"unit\">{esc(unit)}</td></tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 1.5em; max-width: 1300px; color: #222; }
.scroll { overflow-x: auto; max-width: 100%; }
table.turned th.entity { text-align: right; }
nav ul { columns: 2; font-size: .9em; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 1em 0; font-size: .9em; }
caption { text-align: left; font-weight: bold; padding: .3em 0; }
th, td { border: 1px solid #ddd; padding: .25em .6em; }
th { background: #f3f3f3; text-align: left; vertical-align: bottom; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.txt { white-space: nowrap; }
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

    if "/summary/sites" in result.f:
        sites = result.table("/summary/sites")
        units = result.table_units("/summary/sites")
        key = sites.columns[0]
        capital = [c for c in sites.columns if c.startswith("capital_") and c.endswith("_usd")]
        annual = [c for c in ("annualised_cost_usd", "cost_per_gpu_hour_usd", "lcoe_usd_per_kwh", "npc_usd",
                              "grid_cost_usd", "water_cost_usd", "embodied_carbon_t") if c in sites]
        water = [c for c in ("water_m3", "water_peak_m3_per_day", "wue_l_per_kwh", "evaporation_m3", "blowdown_m3",
                             "drift_m3", "desal_energy_mwh", "desal_water_m3", "water_shortfall_m3") if c in sites]
        if capital or water:
            parts.append("<h2>Costs and water</h2>")
            for cols, caption in ((capital, "capital by asset (USD, installed at year 0)"),
                                  (annual, "annual cost, lifecycle cost and the bills of the run"),
                                  (water, "water of the run")):
                if cols:
                    parts.append(table(sites[[key] + cols], units, caption))

    parts.append("<h2>Pictures</h2>")
    pictures = [(name, caption, base64.b64encode(style.png_bytes(fig)).decode("ascii"))
                for name, caption, fig in figures]  # each figure is drawn, saved and closed in turn
    pictures.sort(key=lambda p: p[0] != "dashboard.png")  # the overview first, then the details
    parts.append("<nav><ul>" + "".join(f"<li><a href=\"#{esc(name)}\">{esc(caption)}</a></li>"
                                       for name, caption, _ in pictures) + "</ul></nav>")
    for name, caption, data in pictures:
        parts.append(f"<figure id=\"{esc(name)}\"><img src=\"data:image/png;base64,{data}\" "
                     f"alt=\"{esc(caption)}\"><figcaption>{esc(caption)}</figcaption></figure>")

    if "config_yaml" in attrs:
        parts.append("<h2>Resolved scenario</h2>")
        parts.append(f"<details><summary>config_yaml</summary><pre>{esc(attrs['config_yaml'])}</pre></details>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
