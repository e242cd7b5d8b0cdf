#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Each layer under src/ includes headers only from itself and the layers below it, and
only the layers allowed a library include it (HACKING.md, "Layers").

Usage: check-layers.py SOURCE_ROOT   (prints TAP)
"""
import os
import re
import sys

root = sys.argv[1]

# Lowest first: a layer may include its own headers and those of the layers before it.
LAYERS = ["model", "format", "import", "charts", "report", "app", "cli"]

# Headers meson generates, and the layer that generates them.
GENERATED = {
    "trellis-enums.h": "model",
    "trellis-import-enums.h": "import",
    "data/trellis-core-resources.h": "format",
    "trellis-resources.h": "app",
}

# System libraries a layer may not use: the model is GLib only, drawing starts at charts,
# widgets at app.
FORBIDDEN = {
    "model": ["gtk/", "gdk/", "libxml/", "cairo", "pango", "archive", "json-glib/"],
    "format": ["gtk/", "gdk/", "cairo", "pango", "archive", "json-glib/"],
    "import": ["gtk/", "gdk/", "cairo", "pango", "json-glib/"],
    "charts": ["gtk/", "gdk/", "archive", "json-glib/"],
    "report": ["gtk/", "gdk/", "archive"],
}

include_re = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)

owner = dict(GENERATED)
sources = []
for layer in LAYERS:
    folder = os.path.join(root, "src", layer)
    for name in sorted(os.listdir(folder)):
        if name.endswith((".c", ".h")):
            owner.setdefault(name, layer)
            sources.append((layer, name))

problems = []
for layer, name in sources:
    with open(os.path.join(root, "src", layer, name), encoding="utf-8") as f:
        text = f.read()
    for kind, header in include_re.findall(text):
        if kind == '"':
            if header == "config.h":
                continue
            where = owner.get(header)
            if where is None:
                problems.append(f"src/{layer}/{name} includes \"{header}\", which no layer has")
            elif LAYERS.index(where) > LAYERS.index(layer):
                problems.append(f"src/{layer}/{name} includes \"{header}\" from src/{where}, a layer above it")
        else:
            for prefix in FORBIDDEN.get(layer, []):
                if header.startswith(prefix):
                    problems.append(f"src/{layer}/{name} includes <{header}>, which the {layer} layer may not use")

print("1..1")
if problems:
    for p in problems:
        print("# " + p)
    print("not ok 1 - every include stays within its layer or below")
    sys.exit(1)
print(f"ok 1 - every include of {len(sources)} files stays within its layer or below")
