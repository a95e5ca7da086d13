"""The module-layer check (tests/layers.py) itself: it must fail on a
cycle, on a call upward and on a module in no layer, and pass the real
tree (./dev test runs it on the build as a step of its own)."""

import importlib.util
import subprocess
import sys

from stack import REPO, require_build


def load():
    spec = importlib.util.spec_from_file_location("layers", REPO / "tests" / "layers.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


LAYERS = [("top", ["a"]), ("middle", ["b", "c"]), ("bottom", ["d"])]


def test_clean_graph_passes():
    layers = load()
    edges = {"a": {"b": ["f"], "d": ["g"]}, "b": {"c": ["h"]}, "c": {"d": ["i"]}, "d": {}}
    assert layers.check(edges, LAYERS) == []


def test_cycle_fails():
    layers = load()
    edges = {"a": {"b": ["f"]}, "b": {"c": ["h"]}, "c": {"b": ["back"]}, "d": {}}
    problems = layers.check(edges, LAYERS)
    assert len(problems) == 1 and problems[0].startswith("cycle among b c"), problems
    assert "c -> b (back)" in problems[0]


def test_call_upward_fails():
    layers = load()
    edges = {"a": {}, "b": {}, "c": {}, "d": {"a": ["up"]}}
    assert layers.check(edges, LAYERS) == [
        "d (bottom) calls a of the higher layer top: up"]


def test_unplaced_module_fails():
    layers = load()
    edges = {"a": {}, "b": {}, "c": {}, "d": {}, "e": {}}
    assert layers.check(edges, LAYERS) == [
        "e is in no layer of docs/ARCHITECTURE.md: place it"]


def test_real_tree_passes():
    build = require_build()
    out = subprocess.run([sys.executable, str(REPO / "tests" / "layers.py"), str(build)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no cycle" in out.stdout
