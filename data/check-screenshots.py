#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screenshot the metainfo names is in data/screenshots/, so the published copies
come from the source tree and none is forgotten when the views change."""
import os
import sys
import xml.etree.ElementTree as ET

metainfo, folder = sys.argv[1], sys.argv[2]
missing = []
images = [e.text.strip() for e in ET.parse(metainfo).getroot().iter('image')]
for url in images:
    name = url.rsplit('/', 1)[-1]
    if not os.path.isfile(os.path.join(folder, name)):
        missing.append(name)
if not images:
    sys.exit('the metainfo names no screenshot')
if missing:
    sys.exit('not in %s: %s' % (folder, ', '.join(missing)))
print('%d screenshots, all in %s' % (len(images), folder))
