#!/usr/bin/env python3
"""How many gold dates of each T17 task are candidates, in the top l, 2l, 3l of the
engine's ranking. Run from the repository root after `cargo build --release`:
    python3 scripts/date_ceiling.py [DATASET]"""
import json,subprocess,glob,os,sys
root=sys.argv[1] if len(sys.argv) > 1 else '../shared/data/t17'
tot=0; inall=0; in1=0; in2=0; in3=0
for tl in sorted(glob.glob(root+'/*/timelines/*.txt')):
    topic=tl.split('/')[-3]
    gold=[l.strip() for l in open(tl) if len(l.strip())==10 and l[4]=='-']
    gold=set(gold); l=len(gold)
    kw=json.load(open(f'{root}/{topic}/keywords.json'))
    out=subprocess.run(['./target/release/chronicle','timeline',f'{root}/{topic}/InputDocs','--keywords',','.join(kw),'--from',min(gold),'--to',max(gold),'--dates','10000','--sentences','1','--format','json','--quiet'],capture_output=True,text=True).stdout
    t=json.loads(out)
    ds=[d['date'] for d in t['dates']]
    r=ds  # engine order? sorted by date in output; need score order
    r=[d['date'] for d in sorted(t['dates'],key=lambda d:-d['score'])]
    tot+=l; inall+=len(gold&set(r)); in1+=len(gold&set(r[:l])); in2+=len(gold&set(r[:2*l])); in3+=len(gold&set(r[:3*l]))
    print(f"{topic}/{os.path.basename(tl)} l={l} cand={len(r)} all={len(gold&set(r))} top1={len(gold&set(r[:l]))} top2={len(gold&set(r[:2*l]))}")
print(tot, 'all',inall/tot,'top l',in1/tot,'top2l',in2/tot,'top3l',in3/tot)
