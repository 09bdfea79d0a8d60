"""A self-contained HTML page of a run: a few sentences of headline results, the pictures inlined as
base64 PNG, then the key figures by meaning with the labels, units and formats of the registry
(registry.py), the per-site, per-class and per-region tables turned and grouped, and how the run was made."""
import base64
import html
import math

import numpy as np

from . import registry, style

# At most this many sites, classes or regions side by side in one table: more make a table wider than a
# printed page or an 800 px window (twelve regions with names like laayoune-sakia-el-hamra, a class's
# 2,351,039,292.4 kWh), so the rest follow below, in tables of even size (twelve regions: three of four).
PER_TABLE = 5


def esc(text):
    return html.escape(str(text), quote=True)


def fmt(value):
    """A value the registry does not declare: 4 significant digits below 10,000, thousands separators
    above, NaN as an em dash."""
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


CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; padding: 0 1.5em; max-width: 1100px; color: #222; }
.scroll { overflow-x: auto; max-width: 100%; }
nav ul { columns: 2; font-size: .9em; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 1em 0; font-size: .9em; }
caption { text-align: left; font-weight: bold; padding: .3em 0; text-transform: capitalize; }
th, td { border: 1px solid #ddd; padding: .25em .6em; }
th { background: #f3f3f3; text-align: left; vertical-align: bottom; font-weight: normal; }
thead th { font-weight: bold; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.unit { color: #777; font-size: .85em; white-space: nowrap; }
table.turned th.entity { text-align: right; }
figure { margin: 1.5em 0; } img { max-width: 100%; height: auto; border: 1px solid #eee; box-sizing: border-box; }
figcaption { color: #555; font-size: .9em; }
pre { background: #f7f7f7; padding: 1em; overflow-x: auto; font-size: .8em; }
.headline { font-size: 1.1em; line-height: 1.5; max-width: 60em; }
.groups { display: flex; flex-wrap: wrap; gap: 0 2em; align-items: flex-start; }
tr.group th { background: #e8eef5; text-transform: capitalize; font-weight: bold; }
table.turned td, table.turned th { padding: .2em .45em; }
@media print { body { max-width: none; margin: 0; padding: 0; } figure, table, tr { break-inside: avoid; }
               nav { display: none; } h2, caption { break-after: avoid; }
               img { max-height: 9in; width: auto; } .keep { break-inside: avoid; } }
"""


def number(kpis, name):
    v = kpis.get(name)
    if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.number)):
        return None
    v = float(v)
    return None if math.isnan(v) else v


def headline(kpis):
    """A few plain sentences of the run's headline results, from the KPIs the file has (none invented)."""
    def has(*names):
        return all(number(kpis, n) is not None and registry.figure("kpi", n) for n in names)

    def say(name):
        from .figures import kpi_text
        return kpi_text(registry.figure("kpi", name), kpis[name])

    out = []
    if has("jobs_submitted", "jobs_completed"):
        s = f"{say('jobs_completed')} of {say('jobs_submitted')} jobs completed"
        if has("jobs_unfinished") and kpis["jobs_unfinished"]:
            s += f"; {say('jobs_unfinished')} were still queued or running at the end"
        if has("jobs_rejected") and kpis["jobs_rejected"]:
            s += f"; {say('jobs_rejected')} were rejected"
        out.append(s + ".")
    if has("wait_p50_s", "wait_p95_s"):
        out.append(f"Half of the jobs waited {say('wait_p50_s')} or less before they started; 95 % waited at most "
                   f"{say('wait_p95_s')}" + (f", and the mean wait was {say('wait_mean_s')}." if has("wait_mean_s")
                                            else "."))
    if has("gpu_utilization"):
        out.append(f"The GPUs were busy {say('gpu_utilization')} of the time.")
    if has("energy_facility_mwh", "renewable_fraction"):
        out.append(f"The sites drew {say('energy_facility_mwh')}, {say('renewable_fraction')} of it from their own "
                   f"sun and wind" + (f", and emitted {say('carbon_t')} of CO2." if has("carbon_t") else "."))
    if has("cost_per_gpu_hour_usd", "npc_usd") and number(kpis, "npc_usd") > 0:
        per_hour = registry.format_value(registry.figure("kpi", "cost_per_gpu_hour_usd"), kpis["cost_per_gpu_hour_usd"])
        out.append(f"A GPU-hour delivered cost {per_hour} USD; the net present cost of the sites "
                   f"is {billions(number(kpis, 'npc_usd'))} USD.")
    if has("water_m3", "wue_l_per_kwh") and number(kpis, "water_m3") > 0:
        wue = registry.format_value(registry.figure("kpi", "wue_l_per_kwh"), kpis["wue_l_per_kwh"])
        out.append(f"Cooling used {say('water_m3')} of water, {wue} litres per kWh of IT energy.")
    return out


def billions(usd):
    if abs(usd) >= 1e9:
        return f"{usd / 1e9:,.1f} billion"
    if abs(usd) >= 1e6:
        return f"{usd / 1e6:,.1f} million"
    return f"{usd:,.0f}"


def kv_rows(rows):
    """Rows of (figure, value): the label (the name as a tooltip), the value, the unit."""
    out = []
    for f, v in rows:
        unit = registry.shown_unit(f) if f["group"] != "other" else f.get("unit", "")
        out.append(f"<tr><th title=\"{esc(f['name'])}\">{esc(f['label'])}</th>"
                   f"<td class=\"num\">{esc(registry.format_value(f, v))}</td><td class=\"unit\">{esc(unit)}</td></tr>")
    return "".join(out)


def grouped_kpis(kpis, units):
    """One small table per group of meaning (service, energy, carbon, ...), in the registry's order."""
    numbers = {k: v for k, v in kpis.items() if isinstance(v, (int, float, np.number))}
    out = []
    for group, rows in registry.grouped("kpi", numbers):
        rows = [(dict(f, unit=units.get(f["name"], "")) if group == "other" else f, v) for f, v in rows]
        caption = "run" if group == "identity" else group  # what the run covered (time simulated)
        out.append(f"<table class=\"kv\" data-group=\"{esc(group)}\"><caption>{esc(caption)}</caption><tbody>"
                   + kv_rows(rows) + "</tbody></table>")
    return "<div class=\"groups\">" + "\n".join(out) + "</div>"


def entity_tables(frame, table_name, units, caption):
    """A summary table turned (a column per site, class or region, at most PER_TABLE side by side), rows
    labelled and grouped by meaning in the registry's order."""
    key = frame.columns[0]
    columns = {c: None for c in frame.columns[1:]}
    groups = [(g, rows) for g, rows in registry.grouped(table_name, columns) if g != "identity"]
    out = []
    count = -(-len(frame) // PER_TABLE)
    size = -(-len(frame) // count) if count else 1
    blocks = range(0, len(frame), size)
    for first in blocks:
        part = frame.iloc[first:first + size]
        shown = caption if len(blocks) == 1 else \
            f"{caption}, {first + 1}-{first + len(part)} of {len(frame)}"
        out += [f"<div class=\"scroll\"><table class=\"turned\" data-table=\"{esc(table_name)}\">"
                f"<caption>{esc(shown)}</caption>",
                "<thead><tr><th></th><th class=\"unit\">unit</th>"]
        # names may break after _ (large_training), as they do after -: a narrow page keeps its columns
        out += [f"<th class=\"entity\">{esc(v).replace('_', '_<wbr>')}</th>" for v in part[key]]
        out.append("</tr></thead><tbody>")
        for group, rows in groups:
            out.append(f"<tr class=\"group\"><th colspan=\"{len(part) + 2}\">{esc(group)}</th></tr>")
            for f, _ in rows:
                c = f["name"]
                unit = registry.shown_unit(f) if group != "other" else units.get(c, "")
                out.append(f"<tr><th title=\"{esc(c)}\">{esc(f['label'])}</th><td class=\"unit\">{esc(unit)}</td>" +
                           "".join(f"<td class=\"num\">{esc(registry.format_value(f, v))}</td>" for v in part[c])
                           + "</tr>")
        out.append("</tbody></table></div>")
    return "\n".join(out)


RUN_ATTRS = ("scenario", "schema", "sovcap_version", "seed", "start_utc", "duration_s", "step_s", "created_utc",
             "wall_s", "contents", "config_yaml")


def run_sentence(attrs):
    """How the run was made, as a sentence (the root attributes, docs/results.md)."""
    def a(k, default="?"):
        return attrs.get(k, default)

    span = registry.duration_text(a("duration_s")) if "duration_s" in attrs else "?"
    step = f" at {registry.duration_text(a('step_s'))} steps" if "step_s" in attrs else ""
    wall = f" in {registry.duration_text(a('wall_s'))} of wall time" if "wall_s" in attrs else ""
    return (f"Scenario {a('scenario')}, seed {a('seed')}: {span} from {a('start_utc')}{step}. Simulated by sovcap "
            f"{a('sovcap_version')}{wall}, written {a('created_utc')} (schema {a('schema')}).")


def build(result, figures):
    """figures: iterable of (name, caption, figure). Returns the page as a str: headline sentences,
    pictures, key figures by meaning, the per-site/class/region tables, then how the run was made."""
    attrs = result.attrs
    title = f"sovcap run: {attrs.get('scenario', result.label)}"
    parts = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
             f"<title>{esc(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
             f"<h1>{esc(title)}</h1>",
             f"<p>File <code>{esc(result.path)}</code>; sites: {esc(', '.join(result.sites))}.</p>"]
    kpis = result.kpis() if "/summary" in result.f else {}
    sentences = headline(kpis)
    if sentences:
        parts.append("<p class=\"headline\">" + " ".join(esc(x) for x in sentences) + "</p>")

    parts.append("<h2>Pictures</h2>")
    pictures = [(name, caption, base64.b64encode(style.png_bytes(fig)).decode("ascii"))
                for name, caption, fig in figures]  # each figure is drawn, saved and closed in turn
    pictures.sort(key=lambda p: p[0] != "dashboard.png")  # the overview first, then the details
    parts.append("<nav><ul>" + "".join(f"<li><a href=\"#{esc(name)}\">{esc(caption)}</a></li>"
                                       for name, caption, _ in pictures) + "</ul></nav>")
    for name, caption, data in pictures:
        parts.append(f"<figure id=\"{esc(name)}\"><img src=\"data:image/png;base64,{data}\" "
                     f"alt=\"{esc(caption)}\"><figcaption>{esc(caption)}</figcaption></figure>")

    # The heading and the KPI tables on one printed page (break-after: avoid alone left it stranded).
    parts.append("<section class=\"keep\"><h2>Key figures</h2>")
    if kpis:
        parts.append(grouped_kpis(kpis, result.kpi_units()))
    parts.append("</section>")
    for path, name, caption in (("/summary/sites", "sites", "per site"), ("/summary/classes", "classes", "per job class"),
                                ("/summary/regions", "regions", "per region")):
        if path in result.f:
            parts.append(entity_tables(result.table(path), name, result.table_units(path), caption))

    parts.append("<h2>Run</h2>")
    parts.append(f"<p>{esc(run_sentence(attrs))}</p>")
    extra = [(k, v) for k, v in attrs.items() if k not in RUN_ATTRS]
    if extra:  # attributes a newer writer added: under their own names
        parts.append("<table class=\"kv\"><tbody>" + "".join(
            f"<tr><th>{esc(k)}</th><td class=\"num\">{esc(fmt(v))}</td></tr>" for k, v in extra) + "</tbody></table>")
    if "config_yaml" in attrs:
        parts.append(f"<details><summary>the resolved scenario (re-run it with <code>sovcap run</code>)</summary>"
                     f"<pre>{esc(attrs['config_yaml'])}</pre></details>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
