#!/usr/bin/env python3
"""The checker an operator would write in ten minutes, as a yardstick for
promo's speed in scripts/bench.sh: for each post of a JSONL export, the
campaign tag as a plain substring, the length in code points, at least one
image and the time window. It does far less than promo validate (no folds,
no tag syntax, no grapheme clusters, no exclusions, no near-duplicates) and
prints one JSON line per post.

    python3 scripts/checker.py posts.jsonl > checked.jsonl
"""
import json
import sys
from datetime import datetime

TAG = "#Gate Alpha 第三届积分狂欢节 & ES Launchpool#"
START = datetime.fromisoformat("2025-07-15T10:00:00+08:00")
END = datetime.fromisoformat("2025-07-22T23:59:59+08:00")
MIN_LENGTH = 60


def check(post):
    reasons = []
    content = post.get("content", "")
    if TAG not in content:
        reasons.append("missing-tag")
    if len(content.replace(TAG, "")) < MIN_LENGTH:
        reasons.append("too-short")
    if not post.get("images"):
        reasons.append("no-image")
    created = post.get("created_at")
    if not created:
        reasons.append("no-timestamp")
    elif not START <= datetime.fromisoformat(created) <= END:
        reasons.append("outside-window")
    return {"id": post.get("id"), "valid": not reasons, "reasons": reasons}


def main(path):
    out = sys.stdout
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.write(json.dumps(check(json.loads(line)), ensure_ascii=False))
                out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
