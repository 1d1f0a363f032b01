"""Writes a grouped horizontal bar chart as a self-contained SVG, using only the standard library.

Used by report.py; also runs alone: chart.py <chart.json> <out.svg>, where chart.json is
{"title": str, "unit": str, "series": [names in legend order],
 "groups": [{"label": str, "bars": [{"series": str, "value": float, "low": float, "high": float}]}]}
"low" and "high" are optional and drawn as a whisker (the spread over rounds).
"""
import json
import math
import sys
from xml.sax.saxutils import escape

COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#7f7f7f"]
WIDTH = 880
CHAR_WIDTH = 6.6  # a generous average for 12 px sans-serif, to size the label column
VALUE_WIDTH = 80
BAR_HEIGHT = 16
BAR_GAP = 3
GROUP_GAP = 14
TOP = 64
BOTTOM = 40


def nice_step(maximum, ticks=5):
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def fmt(value):
    return f"{value:,.0f}"


def render(chart):
    series = chart["series"]
    color = {name: COLORS[i % len(COLORS)] for i, name in enumerate(series)}
    groups = [g for g in chart["groups"] if g["bars"]]
    label_width = 20 + CHAR_WIDTH * max((len(g["label"]) for g in groups), default=10)
    values = [max(b["value"], b.get("high", 0)) for g in groups for b in g["bars"]
              if b["value"] is not None]
    top_value = max(values) if values and max(values) > 0 else 1
    step = nice_step(top_value)
    axis_max = step * math.ceil(top_value / step)
    plot_width = WIDTH - label_width - VALUE_WIDTH - 20
    x0 = label_width + 10

    def x(value):
        return x0 + plot_width * value / axis_max

    body = []
    y = TOP
    for group in groups:
        height = len(group["bars"]) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        body.append(
            f'<text x="{label_width:.0f}" y="{y + height / 2 + 4:.1f}" text-anchor="end">'
            f'{escape(group["label"])}</text>')
        for bar in group["bars"]:
            if bar["value"] is None:
                body.append(
                    f'<text x="{x0 + 4:.1f}" y="{y + BAR_HEIGHT - 4}" class="value" '
                    f'style="fill:{color[bar["series"]]}">{escape(bar["series"])}: '
                    f'{escape(bar.get("note", "no figure"))}</text>')
                y += BAR_HEIGHT + BAR_GAP
                continue
            width = max(0.5, x(bar["value"]) - x0)
            body.append(
                f'<rect x="{x0:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                f'fill="{color[bar["series"]]}"><title>{escape(bar["series"])}: '
                f'{fmt(bar["value"])} {escape(chart["unit"])}</title></rect>')
            if "low" in bar and "high" in bar and bar["high"] > bar["low"]:
                mid = y + BAR_HEIGHT / 2
                body.append(
                    f'<path d="M{x(bar["low"]):.1f} {mid - 4}v8M{x(bar["low"]):.1f} {mid}'
                    f'H{x(bar["high"]):.1f}M{x(bar["high"]):.1f} {mid - 4}v8" '
                    f'stroke="#222" stroke-width="1" fill="none"/>')
            end = max(x(bar["value"]), x(bar.get("high", 0)))
            body.append(
                f'<text x="{end + 4:.1f}" y="{y + BAR_HEIGHT - 4}" class="value">'
                f'{fmt(bar["value"])}</text>')
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP - BAR_GAP

    plot_bottom = y
    height = plot_bottom + BOTTOM
    grid = []
    tick = 0.0
    while tick <= axis_max + step / 2:
        grid.append(
            f'<line x1="{x(tick):.1f}" y1="{TOP - 6}" x2="{x(tick):.1f}" y2="{plot_bottom}" '
            f'stroke="#ddd"/><text x="{x(tick):.1f}" y="{plot_bottom + 14}" '
            f'text-anchor="middle" class="value">{fmt(tick)}</text>')
        tick += step

    legend = []
    lx = x0
    for name in series:
        legend.append(
            f'<rect x="{lx}" y="34" width="12" height="12" fill="{color[name]}"/>'
            f'<text x="{lx + 16}" y="44">{escape(name)}</text>')
        lx += 24 + 7.5 * len(name)

    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">',
        '<style>.value{font-size:11px;fill:#444}</style>',
        f'<rect width="{WIDTH}" height="{height}" fill="#fff"/>',
        f'<text x="{x0}" y="20" font-size="15" font-weight="bold">{escape(chart["title"])}</text>',
        *legend,
        *grid,
        *body,
        f'<text x="{x0 + plot_width / 2:.1f}" y="{plot_bottom + 32}" text-anchor="middle">'
        f'{escape(chart["unit"])}</text>',
        '</svg>',
        '',
    ])


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: chart.py <chart.json> <out.svg>")
    with open(sys.argv[1]) as f:
        chart = json.load(f)
    with open(sys.argv[2], "w") as f:
        f.write(render(chart))


if __name__ == "__main__":
    main()
