#!/usr/bin/env python3
"""Two (or more) declass binaries serving one archive, side by side: the scale benchmark's
query mix, each query run REP times after a warm-up, alternating between the servers query
by query (so load from elsewhere falls on both alike). Prints a Markdown table of client
time over HTTP in ms: the median per query, then p50/p95/p99 over all searches of each.
The cache of totals and facets is off (DECLASS_SEARCH_CACHE=0), facets are on.

    python3 scripts/bench_search_ab.py ARCHIVE BINARY_A BINARY_B [...]   (REP=11)

Build the archive first, e.g. of the scale benchmark's generated corpus:
    python3 scripts/bench_corpus.py 1000000 corpus.jsonl && declass ingest corpus.jsonl --archive A
"""
import sys, os, json, subprocess, time, http.client, urllib.parse
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_scale
archive=sys.argv[1]; bins=sys.argv[2:]
rep=int(os.environ.get('REP','11'))
srvs=[]
for b in bins:
    port=bench_scale.free_port()
    srv=subprocess.Popen([b,'serve','--archive',archive,'--port',str(port)],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL,env=dict(os.environ,DECLASS_SEARCH_CACHE='0'))
    bench_scale.wait_listening(port,srv)
    srvs.append((srv,http.client.HTTPConnection('127.0.0.1',port,timeout=600)))
def get(c,p):
    c.request('GET','/api/search?'+urllib.parse.urlencode(p)); r=c.getresponse(); return json.loads(r.read())
person=get(srvs[0][1],{"q":"","limit":"0","facets":"1"})["facets"]["person"][0]["value"]
allw=[[] for _ in bins]; per={}
for name,q in bench_scale.MIX:
    p=bench_scale.declass_params(q,person)
    ws=[[] for _ in bins]; tot=[None]*len(bins)
    for _,c in srvs: get(c,p)
    for _ in range(rep):
        for i,(_,c) in enumerate(srvs):
            t=time.perf_counter(); b=get(c,p); ws[i].append((time.perf_counter()-t)*1000); tot[i]=b['total']
    per[name]=[(sorted(w)[len(w)//2],tot[i]) for i,w in enumerate(ws)]
    for i in range(len(bins)): allw[i]+=ws[i]
print("| query | "+" | ".join(os.path.basename(b) for b in bins)+" | hits |")
print("|---|"+"---:|"*len(bins)+"---:|")
for name,v in per.items():
    print(f"| {name} | "+" | ".join(f"{m:.1f}" for m,_ in v)+f" | {v[0][1]:,} |")
for pct in (50,95,99):
    print(f"| **p{pct}, all** | "+" | ".join(f"**{bench_scale.percentile(w,pct):.1f}**" for w in allw)+" | |")
for s,_ in srvs: s.terminate()
