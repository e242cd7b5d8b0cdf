#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walk the real application's AT-SPI tree, view by view and in the import assistant, and
fail on a control a screen reader would announce without a name, or by a GTK type name
("GtkExpander"), as GTK 4.8 does for controls nobody named.

    check-accessibility.py TRELLIS PROJECT EXPORT

Runs inside the test's D-Bus session and display (the README's test command wraps the suite
in dbus-run-session and xvfb-run); starts the accessibility bus itself. Needs Debian's
python3-pyatspi, so it runs with the system's Python.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# The suite makes GLib warnings fatal; the AT-SPI client library warns when an object
# vanishes while it is read, which is no fault of the application's.
os.environ.pop("G_DEBUG", None)

import pyatspi  # noqa: E402  (after the environment is set)

# What a person operates, and so must hear named.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_SCROLL_BAR, pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_SPLIT_PANE,
}
TYPE_NAME = re.compile(r"^(Gtk|Trellis)[A-Z][A-Za-z]*$")


def find_app(name, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        for app in pyatspi.Registry.getDesktop(0):
            try:
                if app is not None and app.name == name and app.childCount > 0:
                    return app
            except Exception:
                pass
        time.sleep(0.5)
    return None


def start_and_find(binary, args, extra_env):
    """The application, started and found on the bus. Once in a CI run it could not open the
    display the other tests had just used: it is then started once more, and said."""
    for attempt in (1, 2):
        process = start(binary, args, extra_env)
        app = find_app("trellis")
        if app is not None:
            return process, app
        process.terminate()
        process.wait()
        print(f"# trellis did not appear on the accessibility bus (attempt {attempt})")
        time.sleep(2)
    sys.exit("trellis did not appear on the accessibility bus")


def path_of(node):
    parts = []
    while node is not None and node.getRole() != pyatspi.ROLE_APPLICATION:
        parts.append(f"{node.getRoleName()} '{node.name}'")
        node = node.parent
    return " < ".join(parts[:7])


def on_screen(node):
    """GTK 4.8 sets no "showing" state below the window, and lists hidden pages too; what
    it has not given room to (a hidden page, a folded expander) has no extent."""
    try:
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return True   # a stack page: not drawn itself, its child is
    return extents.width > 0 and extents.height > 0


def problems(node, found):
    try:
        if not on_screen(node):
            return
        role = node.getRole()
        name = node.name or ""
        if role in CONTROL_ROLES:
            # A text field a label names is named through the relation (GTK 4.8 copies it).
            if TYPE_NAME.match(name):
                found.append(f"named after its GTK type: {path_of(node)}")
            elif not name.strip():
                found.append(f"no name: {path_of(node)}")
        elif TYPE_NAME.match(name) and role not in (pyatspi.ROLE_PANEL, pyatspi.ROLE_FILLER,
                                                   pyatspi.ROLE_LABEL, pyatspi.ROLE_IMAGE):
            found.append(f"named after its GTK type: {path_of(node)}")
        for child in node:
            problems(child, found)
    except Exception:
        pass   # a node can vanish while it is walked


def find_control(app, roles, name):
    hits = []

    def walk(node):
        try:
            if node.getRole() in roles and node.name == name:
                hits.append(node)
            for child in node:
                walk(child)
        except Exception:
            pass
    walk(app)
    return hits[0] if hits else None


def press(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    action.doAction(0)


def start(binary, args, extra_env):
    env = dict(os.environ)
    # The widget tests turn the bridge off; this one is about the bridge.
    for key in ("NO_AT_BRIDGE", "GTK_A11Y", "G_DEBUG"):
        env.pop(key, None)
    env.update(extra_env)
    return subprocess.Popen([binary] + args, env=env)


def check_views(binary, project):
    app_process, app = start_and_find(binary, [project], {})
    failures = []
    try:
        time.sleep(3)
        views = ["Responses", "Statements", "Charts", "Plan", "Comments"]
        for view in views:
            # GTK 4.8 shows a toggle button as a push button that can be checked.
            button = find_control(app, (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_PUSH_BUTTON), view)
            if button is None:
                if view != "Comments":
                    failures.append(f"no view button named {view}")
                continue
            press(button)
            time.sleep(2)
            found = []
            problems(app, found)
            failures += [f"{view} view: {p}" for p in found]
            print(f"# {view} view: {len(found)} problem(s)")
    finally:
        app_process.terminate()
        app_process.wait()
    return failures


def check_assistant(binary, project, export):
    app_process, app = start_and_find(binary, [project], {"TRELLIS_DEBUG_IMPORT_FILE": export})
    failures = []
    try:
        time.sleep(5)
        # Each page in turn, as far as Next goes (the sample's export needs no answers).
        for page in range(1, 6):
            found = []
            problems(app, found)
            failures += [f"import assistant, page {page}: {p}" for p in found]
            print(f"# import assistant, page {page}: {len(found)} problem(s)")
            button = find_control(app, (pyatspi.ROLE_PUSH_BUTTON,), "Next")
            if button is None or not button.getState().contains(pyatspi.STATE_SENSITIVE):
                break
            press(button)
            time.sleep(3)
    finally:
        app_process.terminate()
        app_process.wait()
    return failures


def main():
    binary, sample, export = sys.argv[1:4]
    # A copy: the window locks the project it shows, beside it.
    folder = tempfile.mkdtemp(prefix="trellis-a11y-")
    project = os.path.join(folder, "northshire.trellis")
    shutil.copyfile(sample, project)
    launcher = "/usr/libexec/at-spi-bus-launcher"
    bus = subprocess.Popen([launcher, "--launch-immediately"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL) if os.path.exists(launcher) else None
    time.sleep(1)
    try:
        failures = check_views(binary, project) + check_assistant(binary, project, export)
    finally:
        if bus is not None:
            bus.terminate()
        shutil.rmtree(folder, ignore_errors=True)
    # Each problem once, though a control shows in several views.
    unique = list(dict.fromkeys(failures))
    for failure in unique:
        print(failure)
    if unique:
        sys.exit(f"{len(unique)} accessibility problem(s)")
    print("every control shown is named")


if __name__ == "__main__":
    main()
