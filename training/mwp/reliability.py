"""Draws the MWP model's reliability diagrams (docs/images/mwp-reliability.png) from the figures
scripts/mwp-calibration.ts writes to training/work/mwp/calibration.json: for each dev set, the
share of right answers against the mean confidence in ten equal-width bins, after calibration
(5-fold cross-validated), with the bins' sizes and the expected calibration error.
Needs matplotlib (Debian: apt-get install python3-matplotlib)."""
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")


def panel(ax, r, title):
    bins = [b for b in r["bins"] if b["n"]]
    ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", linewidth=1)
    for k, b in enumerate(r["bins"]):
        if not b["n"]:
            continue
        lo = k / len(r["bins"])
        ax.bar(lo, b["accuracy"], width=1 / len(r["bins"]), align="edge", color="#4c78a8", edgecolor="white", alpha=0.85)
        ax.text(lo + 0.05, min(0.95, b["accuracy"] + 0.02), str(b["n"]), ha="center", fontsize=7)
    ax.plot([b["confidence"] for b in bins], [b["accuracy"] for b in bins], "o", color="#e45756", markersize=4)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel("confidence")
    ax.set_ylabel("share of answers right")
    ax.set_title("%s\nn=%d, ECE %.3f" % (title, r["n"], r["ece"]), fontsize=9)


def main():
    report = json.load(open(os.path.join(ROOT, "training", "work", "mwp", "calibration.json")))
    panels = [(report["english"]["crossValidatedDev"], "English dev (MAWPS + ASDiv-A)"),
              (report["english"]["crossValidatedDistracted"], "English dev + an irrelevant sentence")]
    if report.get("chinese"):
        panels.append((report["chinese"]["crossValidated"], "InterMWP dev (Chinese)"))
    fig, axes = plt.subplots(1, len(panels), figsize=(4 * len(panels), 4))
    for ax, (r, title) in zip(axes, panels):
        panel(ax, r, title)
    fig.suptitle("MWP confidence after calibration (5-fold cross-validated; bar labels: problems per bin)", fontsize=10)
    fig.tight_layout()
    out = os.path.join(ROOT, "docs", "images", "mwp-reliability.png")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    fig.savefig(out, dpi=110)
    print(out)


if __name__ == "__main__":
    main()
