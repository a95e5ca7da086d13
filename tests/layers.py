#!/usr/bin/env python3
"""The module graph of reqdesk, read from the built objects, held to the
layers written in docs/ARCHITECTURE.md.

    tests/layers.py BUILD_DIR        (run by ./dev test)

Each module is a source file of cgi/ (foo.c or foo.cc) and its object
BUILD_DIR/cgi/foo.o.  `nm` tells which global symbols each object defines
and which it uses; a use of a symbol that another module defines is an
edge of the graph.  The check fails (exit 1) when:
  - the graph has a cycle (modules that call each other, directly or
    through others);
  - a module calls a module of a higher layer;
  - a module is not placed in a layer, or a layer names a module that
    does not exist.
It prints the layers with what each module calls, so that a change in
the architecture shows in the test output.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "ARCHITECTURE.md"


def read_layers():
    """[(layer name, [modules])] from the block between the markers
    <!-- layers --> and <!-- /layers --> of docs/ARCHITECTURE.md, top
    layer first: lines "name: module module ...", `code` quotes allowed."""
    text = DOC.read_text()
    m = re.search(r"<!-- layers -->(.*?)<!-- /layers -->", text, re.S)
    if not m:
        sys.exit("layers.py: no <!-- layers --> block in %s" % DOC)
    layers = []
    for line in m.group(1).splitlines():
        line = line.strip().strip("|").strip()
        mm = re.match(r"^[`*]*([a-z][a-z /-]*?)[`*]*\s*:\s*[|]?\s*(.+)$", line)
        if not mm:
            continue
        mods = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", mm.group(2).replace("`", " "))
        layers.append((mm.group(1).strip(), mods))
    return layers


def symbols(obj):
    """(defined, undefined) global symbol names of an object file."""
    out = subprocess.run(["nm", "-P", "-g", str(obj)], check=True,
                         capture_output=True, text=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        name, kind = parts[0], parts[1]
        if kind == "U":
            undefined.add(name)
        elif kind not in ("w", "v"):
            defined.add(name)
    return defined, undefined


def modules(build):
    """{module: object path} for every source file of cgi/."""
    out = {}
    for src in sorted((REPO / "cgi").iterdir()):
        if src.suffix not in (".c", ".cc"):
            continue
        obj = build / "cgi" / (src.stem + ".o")
        if not obj.exists():
            sys.exit("layers.py: %s not built (%s missing): run ./dev build"
                     % (src.name, obj))
        out[src.stem] = obj
    return out


def graph(mods):
    """{module: {callee: [symbols]}}."""
    defs, uses = {}, {}
    owner = {}
    for mod, obj in mods.items():
        d, u = symbols(obj)
        defs[mod], uses[mod] = d, u
        for name in d:
            owner.setdefault(name, mod)
    edges = {mod: {} for mod in mods}
    for mod in mods:
        for name in sorted(uses[mod]):
            callee = owner.get(name)
            if callee is not None and callee != mod:
                edges[mod].setdefault(callee, []).append(name)
    return edges


def cycles(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def check(edges, layers):
    """Problems of the graph `edges` ({module: {callee: [symbols]}}) held to
    `layers` ([(name, [modules])], top first), as sentences."""
    rank, problems = {}, []
    for i, (name, members) in enumerate(layers):
        for mod in members:
            if mod not in edges:
                problems.append("layer %s names %s, which is not a module of cgi/"
                                % (name, mod))
            elif mod in rank:
                problems.append("%s is in two layers" % mod)
            rank[mod] = i
    for mod in sorted(edges):
        if mod not in rank:
            problems.append("%s is in no layer of docs/ARCHITECTURE.md: place it" % mod)
    for comp in cycles(edges):
        inner = []
        for a in comp:
            for b in comp:
                if b in edges[a]:
                    inner.append("%s -> %s (%s)" % (a, b, ", ".join(edges[a][b][:3])))
        problems.append("cycle among %s:\n      %s" % (" ".join(comp), "\n      ".join(inner)))
    for a in sorted(edges):
        for b in sorted(edges[a]):
            if a in rank and b in rank and rank[b] < rank[a]:
                problems.append("%s (%s) calls %s of the higher layer %s: %s"
                                % (a, layers[rank[a]][0], b, layers[rank[b]][0],
                                   ", ".join(edges[a][b][:3])))
    return problems


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tests/layers.py BUILD_DIR")
    build = Path(sys.argv[1]).resolve()
    mods = modules(build)
    layers = read_layers()
    edges = graph(mods)
    rank = {m: i for i, (_, members) in enumerate(layers) for m in members}

    print("reqdesk modules by layer (top first), each with what it calls:")
    for name, members in layers:
        print("  %s" % name)
        for mod in members:
            if mod in edges:
                callees = sorted(edges[mod], key=lambda c: (rank.get(c, 99), c))
                print("    %-22s -> %s" % (mod, " ".join(callees) or "(nothing)"))
    problems = check(edges, layers)
    if problems:
        print("\nlayers.py: %d problem(s):" % len(problems))
        for p in problems:
            print("  - " + p)
        return 1
    print("\nlayers.py: %d modules in %d layers, no cycle, every call downward or "
          "within its layer" % (len(mods), len(layers)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
