"""Bar charts as inline SVG, drawn from the same `Series` the table beside them shows.

Server-side SVG needs no JavaScript, prints, scales on a phone, and carries a title and
description for screen readers; the numbers are always also given as a table.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .followup import Series

#: Colours per column, chosen to be told apart also in greyscale.
PALETTE = ["#b3261e", "#e8a33d", "#f2d16b", "#9aa5b1", "#5a8f5a", "#2f5f8a", "#6b6b6b"]
ROW_HEIGHT = 22
LABEL_WIDTH = 170
BAR_WIDTH = 380


def _legend_entry_width(name: str) -> int:
    """Room for one legend entry: its swatch and its name at about 7 units a character."""
    return 14 + 7 * len(name) + 12


def bar_chart(series: Series, chart_id: str) -> SafeString:
    """Horizontal bars, stacked when a row has several columns, with a legend."""
    totals = [sum(values) for _, values in series.rows]
    largest = max(totals, default=0) or 1
    height = ROW_HEIGHT * len(series.rows) + (30 if len(series.columns) > 1 else 8)
    legend_width = sum(_legend_entry_width(name) for name in series.columns) if len(series.columns) > 1 else 0
    width = max(LABEL_WIDTH + BAR_WIDTH + 50, legend_width)
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {width} {height}" width="100%">',
        f'<title id="{chart_id}-title">{escape(series.title)}</title>',
        f'<desc id="{chart_id}-desc">Samma siffror finns i tabellen intill.</desc>',
    ]
    for index, (label, values) in enumerate(series.rows):
        y = index * ROW_HEIGHT
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end" font-size="12">{escape(label[:28])}</text>'
        )
        x = LABEL_WIDTH
        for column, value in enumerate(values):
            width = BAR_WIDTH * value / largest
            if value:
                colour = PALETTE[column % len(PALETTE)]
                tip = f"{escape(series.columns[column])}: {value}"
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{width:.1f}" height="{ROW_HEIGHT - 6}" '
                    f'fill="{colour}"><title>{tip}</title></rect>'
                )
            x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="12">{sum(values)}</text>')
    if len(series.columns) > 1:
        y = ROW_HEIGHT * len(series.rows) + 14
        x = 0
        for column, name in enumerate(series.columns):
            parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{PALETTE[column % len(PALETTE)]}"/>')
            parts.append(f'<text x="{x + 14}" y="{y}" font-size="11">{escape(name)}</text>')
            x += _legend_entry_width(name)
    parts.append("</svg>")
    return mark_safe("".join(parts))
