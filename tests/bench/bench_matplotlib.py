#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reference for bench-charts: matplotlib drawing the same charts (diverging stacked
bars centred on the neutral, segment and side labels, a Not applicable / Don't know
column, legend, titles, wrapped statement labels), one A4 page each, into a PDF in memory.

Usage: bench_matplotlib.py DATA.json ITERATIONS   (prints the seconds one iteration takes)
ITERATIONS 0 draws once with no warm-up, for run-all.py to time the whole process.
"""
import io
import json
import sys
import textwrap
import time

import matplotlib

matplotlib.use("pdf")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

COLOURS = ["#a6611a", "#dfc27d", "#d9d9d9", "#80cdc1", "#018571"]
NOT_APPLICABLE, DONT_KNOW = "#bababa", "#8a8a8a"


def draw_chart(pdf, chart, levels):
    rows = chart["rows"]
    fig = plt.figure(figsize=(8.27, 11.69))
    grid = fig.add_gridspec(1, 2, width_ratios=[6, 1], left=0.42, right=0.95, top=0.9, bottom=0.12, wspace=0.25)
    ax, side = fig.add_subplot(grid[0]), fig.add_subplot(grid[1], sharey=None)
    fig.suptitle(chart["title"], x=0.05, ha="left", fontsize=13, fontweight="bold")
    fig.text(0.05, 0.925, chart["subtitle"], fontsize=8, color="#555555")
    n = len(rows)
    for y, row in enumerate(rows):
        counts = row["counts"]
        valid = sum(counts)
        if valid == 0:
            ax.text(0, y, "No answers", ha="center", va="center", fontsize=6, color="#555555")
        else:
            shares = [100.0 * c / valid for c in counts]
            left = -(shares[0] + shares[1] + shares[2] / 2)
            for level, share in enumerate(shares):
                ax.barh(y, share, left=left, color=COLOURS[level], height=0.6, edgecolor="white", linewidth=0.5)
                if share >= 5:
                    ax.text(left + share / 2, y, f"{share:.0f}", ha="center", va="center", fontsize=6)
                left += share
            ax.text(-99, y, f"{shares[0] + shares[1]:.0f}%", ha="left", va="center", fontsize=7, fontweight="bold")
            ax.text(99, y, f"{shares[3] + shares[4]:.0f}%", ha="right", va="center", fontsize=7, fontweight="bold")
        total = max(row["total"], 1)
        na, dk = 100.0 * row["not_applicable"] / total, 100.0 * row["dont_know"] / total
        side.barh(y, na, color=NOT_APPLICABLE, height=0.6)
        side.barh(y, dk, left=na, color=DONT_KNOW, height=0.6, hatch="////", edgecolor="white")
        side.text(26, y, f"n={valid}", va="center", fontsize=6, color="#555555")
    ax.axvline(0, color="#3a3a3a", linewidth=0.9, zorder=0)
    ax.set_xlim(-100, 100)
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks(range(n))
    ax.set_yticklabels([textwrap.fill(row["label"], 55) for row in rows], fontsize=7)
    ax.set_xticks([-100, -50, 0, 50, 100])
    ax.set_xticklabels(["100%", "50%", "0", "50%", "100%"], fontsize=6)
    ax.grid(axis="x", color="#c8c8c8", linewidth=0.4)
    side.set_xlim(0, 25)
    side.set_ylim(n - 0.5, -0.5)
    side.set_yticks([])
    side.set_xticks([0, 25])
    side.set_xticklabels(["0", "25%"], fontsize=6)
    side.set_title("N/A · Don't know", fontsize=6)
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in COLOURS + [NOT_APPLICABLE, DONT_KNOW]]
    fig.legend(handles, levels + ["Not applicable", "Don't know"], loc="lower center", ncol=7, fontsize=6,
               frameon=False)
    pdf.savefig(fig)
    plt.close(fig)


def draw_all(data):
    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        for chart in data["charts"]:
            draw_chart(pdf, chart, data["levels"])
    return buffer.getbuffer().nbytes


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    iterations = int(sys.argv[2])
    if iterations <= 0:
        draw_all(data)
        return
    draw_all(data)  # warm up, as the C side does
    start = time.perf_counter()
    for _ in range(iterations):
        draw_all(data)
    print(f"{(time.perf_counter() - start) / iterations:.6f}")


if __name__ == "__main__":
    main()
