# SPDX-License-Identifier: EUPL-1.2
# tools/cycles.py: the circles of files in the object files (nm), as
# strongly connected components of "calls a function defined in".
# Run after make; prints one circle per line, nothing when there is none.
import subprocess, glob, os, sys, collections
objs = sorted(glob.glob(sys.argv[1] + '/*.o' if len(sys.argv) > 1 else 'build/obj/*.o'))
defs = {}; uses = collections.defaultdict(set)
for o in objs:
    name = os.path.basename(o)[:-2]
    out = subprocess.run(['nm', o], capture_output=True, text=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in 'TDBR':
            defs[parts[2]] = name
        elif len(parts) == 2 and parts[0] == 'U':
            uses[name].add(parts[1])
g = collections.defaultdict(set)
for f, syms in uses.items():
    for s in syms:
        if s in defs and defs[s] != f:
            g[f].add(defs[s])
# strongly connected components (Tarjan)
index = {}; low = {}; st = []; on = set(); sccs = []; i = [0]
sys.setrecursionlimit(10000)
def sc(v):
    index[v] = low[v] = i[0]; i[0] += 1; st.append(v); on.add(v)
    for w in g[v]:
        if w not in index: sc(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = st.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
for v in list(g): 
    if v not in index: sc(v)
for c in sccs: print(' '.join(c))
