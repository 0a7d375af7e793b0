#!/usr/bin/env python3
"""rejudge.py SET.tsv [JUDGEMENTS.tsv] > OUT.tsv

Writes SET with each "refuse" row that the judgements (default: rejudged-refusals.tsv
beside this script) mark "answered" expecting the judge's regex instead. The sets written
from one article mark as out of scope some questions a later article answers; the
judgements were made from the articles alone (see the file's header).
"""
import os
import sys

judged = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "rejudged-refusals.tsv")
answered = {}
for line in open(judged, encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    if len(fields) >= 3 and not line.startswith("#") and fields[1] == "answered":
        answered[fields[0]] = fields[2]
for line in open(sys.argv[1], encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    if len(fields) == 3 and fields[1] == "refuse" and fields[0] in answered:
        fields[1] = answered[fields[0]]
        line = "\t".join(fields) + "\n"
    sys.stdout.write(line)
