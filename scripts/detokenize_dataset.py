#!/usr/bin/env python3
"""Writes a copy of a dataset whose articles read as raw text instead of tokens.

Timeline17's articles are Penn-Treebank tokens, one sentence per line ("BP 's shares
fell -LRB- see chart -RRB- ."). A held-out corpus, or a user's, is more likely plain
text in paragraphs. This copy undoes the tokenization ("BP's shares fell (see chart).")
and joins every N sentences into one paragraph, paragraphs separated by a blank line,
so the bench measures the whole path from raw text: sentence splitting, dates written
with their punctuation ("Dec. 31, 2009"), and summaries. Keywords and gold timelines
are copied unchanged.

    python3 scripts/detokenize_dataset.py ../shared/data/t17 /tmp/t17-raw [N [WIDTH]]

N is the number of sentences per paragraph (3 by default; 0 puts a whole article on
one line). The first line of each article (a headline in most T17 articles) stays a
paragraph of its own. WIDTH, when given, hard-wraps every paragraph at that many
columns (Python's `textwrap.fill`), as mail and plain-text archives do.
"""

import os
import re
import shutil
import sys
import textwrap

BRACKETS = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
# Tokens that attach to the word before them.
CLOSING = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "'s", "'S", "'re",
           "'ve", "'ll", "'d", "'m", "n't", "N'T", "'"}
# Tokens that attach to the word after them.
OPENING = {"(", "[", "{", "$", "#"}


def detokenize(line):
    tokens = line.replace("\\/", "/").replace("\\*", "*").split()
    out = []
    attach_next = False
    open_quote = False
    for token in tokens:
        token = BRACKETS.get(token, token)
        if token in ("``", "''", '"'):
            if token == "``" or (token == '"' and not open_quote):
                out.append(("" if attach_next or not out else " ") + '"')
                attach_next = True
                open_quote = True
            else:
                out.append('"')
                attach_next = False
                open_quote = False
            continue
        if token == "`":
            token = "'"
        if not out or attach_next or token in CLOSING:
            out.append(token)
        else:
            out.append(" " + token)
        attach_next = token in OPENING
    text = "".join(out).lstrip()
    # "U.S. ." at a sentence's end was tokenized from "U.S."
    return re.sub(r"\.\.$", ".", text) if not text.endswith("...") else text


def convert_article(text, per_paragraph, width=None):
    lines = [detokenize(l) for l in text.splitlines() if l.strip()]
    if not lines:
        return text
    paragraphs = [lines[0]]
    body = lines[1:]
    step = per_paragraph if per_paragraph > 0 else max(1, len(body))
    for i in range(0, len(body), step):
        paragraphs.append(" ".join(body[i:i + step]))
    if width:
        paragraphs = [textwrap.fill(p, width) for p in paragraphs]
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def main():
    if len(sys.argv) not in (3, 4, 5):
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    per_paragraph = int(sys.argv[3]) if len(sys.argv) >= 4 else 3
    width = int(sys.argv[4]) if len(sys.argv) == 5 else None
    if os.path.exists(dst):
        sys.exit(f"{dst} exists; remove it first")
    for topic in sorted(os.listdir(src)):
        topic_dir = os.path.join(src, topic)
        if not os.path.isdir(topic_dir):
            continue
        out_topic = os.path.join(dst, topic)
        os.makedirs(out_topic)
        for name in os.listdir(topic_dir):
            path = os.path.join(topic_dir, name)
            if name != "InputDocs":
                copy = shutil.copytree if os.path.isdir(path) else shutil.copy
                copy(path, os.path.join(out_topic, name))
                continue
            for day in os.listdir(path):
                os.makedirs(os.path.join(out_topic, name, day))
                for article in os.listdir(os.path.join(path, day)):
                    with open(os.path.join(path, day, article), encoding="utf-8",
                              errors="replace") as f:
                        text = f.read()
                    with open(os.path.join(out_topic, name, day, article), "w",
                              encoding="utf-8") as f:
                        f.write(convert_article(text, per_paragraph, width))


if __name__ == "__main__":
    main()
