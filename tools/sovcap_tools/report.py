"""A self-contained HTML page of a run: a few sentences of headline results, the pictures inlined as
base64 PNG, then the key figures by meaning with the labels and units of the registry (registry.py)."""
import base64
import html
import math

import numpy as np

from . import registry, style


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
.headline { font-size: 1.1em; line-height: 1.5; max-width: 60em; }
.groups { display: flex; flex-wrap: wrap; gap: 0 2em; align-items: flex-start; }
tr.group th { background: #e8eef5; text-transform: capitalize; }
"""

ROOT_ORDER = ["scenario", "schema", "sovcap_version", "seed", "start_utc", "duration_s", "step_s",
              "created_utc", "wall_s"]


def shown(f, v):
    """A value with its unit as a sentence reads it: waits as durations, fractions as percent."""
    text = registry.format_value(f, v)
    unit = registry.shown_unit(f)
    if unit == "s" and isinstance(v, (int, float, np.number)):
        from .figures import duration_text
        return duration_text(v)
    return f"{text} {unit}".strip() if unit != "%" else f"{text} %"


def headline(kpis):
    """A few plain sentences of the run's headline results, from the KPIs the file has."""
    def has(*names):
        return all(n in kpis and isinstance(kpis[n], (int, float, np.number)) and not math.isnan(float(kpis[n]))
                   for n in names)

    def say(name):
        from .figures import kpi_text
        f = registry.figure("kpi", name)
        if f["unit"] in ("MWh", "t", "s"):
            return kpi_text(f, kpis[name], in_gwh=float(kpis.get("energy_facility_mwh") or 0) >= 10000)
        return shown(f, kpis[name])

    out = []
    if has("jobs_submitted", "jobs_completed"):
        s = f"{say('jobs_completed')} of {say('jobs_submitted')} jobs completed"
        if has("jobs_unfinished") and kpis["jobs_unfinished"]:
            s += f"; {say('jobs_unfinished')} were still queued or running at the end"
        out.append(s + ".")
    if has("wait_p50_s", "wait_p95_s"):
        out.append(f"Half of the jobs waited {say('wait_p50_s')} or less; 95 % waited at most {say('wait_p95_s')}.")
    if has("energy_facility_mwh", "renewable_fraction"):
        out.append(f"The sites drew {say('energy_facility_mwh')}, {say('renewable_fraction')} of it from their own sun "
                   f"and wind" + (f", and emitted {say('carbon_t')} of CO2." if has("carbon_t") else "."))
    if has("gpu_utilization"):
        out.append(f"The GPUs were busy {say('gpu_utilization')} of the time.")
    return out


def grouped_kpis(kpis, units):
    """One small table per group of meaning (service, energy, carbon, ...), labels from the registry."""
    out = []
    for group, rows in registry.grouped("kpi", kpis):
        body = []
        for f, v in rows:
            unit = registry.shown_unit(f) if f.get("group") != "other" else units.get(f["name"], "")
            hint = duration_hint(v, f.get("unit", ""))
            body.append(f"<tr><th title=\"{esc(f['name'])}\">{esc(f['label'])}</th>"
                        f"<td class=\"num\">{esc(registry.format_value(f, v))}</td>"
                        f"<td class=\"unit\">{esc(unit + hint)}</td></tr>")
        out.append(f"<table class=\"kv\"><caption>{esc(group)}</caption><tbody>" + "".join(body) + "</tbody></table>")
    return "<div class=\"groups\">" + "\n".join(out) + "</div>"


def entity_table(frame, table_name, units, caption):
    """A summary table turned (a column per site, class or region), rows labelled and grouped by meaning."""
    key = frame.columns[0]
    out = [f"<div class=\"scroll\"><table class=\"turned\"><caption>{esc(caption)}</caption>",
           f"<thead><tr><th></th><th class=\"unit\">unit</th>"]
    out += [f"<th class=\"entity\">{esc(v)}</th>" for v in frame[key]]
    out.append("</tr></thead><tbody>")
    columns = {c: None for c in frame.columns[1:]}
    for group, rows in registry.grouped(table_name, columns):
        if group == "identity":
            continue
        out.append(f"<tr class=\"group\"><th colspan=\"{len(frame) + 2}\">{esc(group)}</th></tr>")
        for f, _ in rows:
            c = f["name"]
            unit = registry.shown_unit(f) if group != "other" else units.get(c, "")
            out.append(f"<tr><th title=\"{esc(c)}\">{esc(f['label'])}</th><td class=\"unit\">{esc(unit)}</td>" +
                       "".join(f"<td class=\"num\">{esc(registry.format_value(f, v))}</td>" for v in frame[c]) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def build(result, figures):
    """figures: iterable of (name, caption, figure). Returns the page as a str: headline sentences,
    pictures, key figures by meaning, the per-site/class/region tables, then the run's attributes."""
    attrs = result.attrs
    title = f"sovcap run: {attrs.get('scenario', result.label)}"
    sites = result.sites
    parts = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
             f"<title>{esc(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
             f"<h1>{esc(title)}</h1>",
             f"<p>File <code>{esc(result.path)}</code>; sites: {esc(', '.join(sites))}.</p>"]
    kpis = result.kpis() if "/summary" in result.f else {}
    sentences = headline(kpis)
    if sentences:
        parts.append("<p class=\"headline\">" + " ".join(esc(x) for x in sentences) + "</p>")

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

    parts.append("<h2>Key figures</h2>")
    if kpis:
        parts.append(grouped_kpis(kpis, result.kpi_units()))
    for path, name, caption in (("/summary/sites", "sites", "per site"), ("/summary/classes", "classes", "per job class"),
                                ("/summary/regions", "regions", "per region")):
        if path in result.f:
            parts.append(entity_table(result.table(path), name, result.table_units(path), f"{caption} ({path})"))

    root = [(k, attrs[k]) for k in ROOT_ORDER if k in attrs]
    root += [(k, v) for k, v in attrs.items() if k not in ROOT_ORDER and k != "config_yaml"]
    parts.append("<h2>Run</h2>")
    parts.append(key_values(root, {"duration_s": "s", "step_s": "s", "wall_s": "s"}, "root attributes"))
    if "config_yaml" in attrs:
        parts.append("<h2>Resolved scenario</h2>")
        parts.append(f"<details><summary>config_yaml</summary><pre>{esc(attrs['config_yaml'])}</pre></details>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
