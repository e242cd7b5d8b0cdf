#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference values for tests/test-change-test.c, computed with SciPy.

Run by hand with python3-scipy (CI does not need SciPy):  /usr/bin/python3 tests/reference/stats/make-fixtures.py
It writes wilson.csv and newcombe.csv beside itself.

Wilson's score interval comes straight from SciPy
(scipy.stats.binomtest(k, n).proportion_ci(method="wilson")). Newcombe's hybrid score
interval for p2 - p1 (Newcombe 1998, method 10) is put together here from those SciPy
intervals, so the C code's own Wilson and its composition are both checked.
"""
import csv
import math
import os

from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIDENCE = 0.95


def wilson(k, n):
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=CONFIDENCE, method="wilson")
    return ci.low, ci.high


def newcombe(k1, n1, k2, n2):
    p1, p2 = k1 / n1, k2 / n2
    l1, u1 = wilson(k1, n1)
    l2, u2 = wilson(k2, n2)
    d = p2 - p1
    return (d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
            d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2))


# Sizes a partnership survey has: 5 to 40 answers, and every count at a few of them.
WILSON_CASES = [(k, n) for n in (1, 2, 5, 8, 12, 20, 27, 40) for k in range(0, n + 1)
                if n <= 12 or k % 3 == 0 or k == n]

NEWCOMBE_CASES = [
    (56, 70, 48, 80),   # Newcombe's own example (a)
    (9, 10, 3, 10), (3, 10, 9, 10),
    (10, 20, 13, 20), (10, 20, 16, 20), (10, 20, 17, 20),
    (12, 24, 14, 26), (5, 18, 12, 19), (0, 15, 5, 15), (15, 15, 10, 15),
    (8, 12, 4, 12), (20, 30, 26, 30), (11, 22, 19, 22), (7, 25, 16, 25),
    (5, 5, 0, 5), (2, 5, 3, 5), (33, 40, 20, 38), (18, 40, 24, 40),
]


def main():
    with open(os.path.join(HERE, "wilson.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["successes", "n", "lower", "upper"])
        for k, n in WILSON_CASES:
            low, high = wilson(k, n)
            writer.writerow([k, n, "%.12f" % low, "%.12f" % high])
    with open(os.path.join(HERE, "newcombe.csv"), "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["successes1", "n1", "successes2", "n2", "lower", "upper"])
        for k1, n1, k2, n2 in NEWCOMBE_CASES:
            low, high = newcombe(k1, n1, k2, n2)
            writer.writerow([k1, n1, k2, n2, "%.12f" % low, "%.12f" % high])


if __name__ == "__main__":
    main()
