#!/usr/bin/env python3
"""Collects the KQL conformance cases from a checkout of MicrosoftDocs/dataexplorer-docs.

    scripts/kql-doc-examples.py <dataexplorer-docs>/data-explorer/kusto/query

A case is a ```kusto block whose query builds its own input (it starts with datatable, print, range, let or union and
reads no stored table) followed by its output table (after an **Output** line, or right after the block). Each page's
cases go to tests/OomLab.Kql.Tests/Conformance/<page>.json with the query and the table exactly as the page has them.
A case already in a file keeps its "skip" (matched by its query text); a new case has none, so the conformance test
shows whether it runs: give it a skip ("unsupported: ..." or "doc: ...") only if it cannot, never edit its rows.
Python's standard library only.
"""
import glob
import json
import os
import re
import sys

SOURCE = re.compile(r'^\s*(datatable\b|print\b|range\b|let\b|union\b)', re.I)
OUTPUT = re.compile(r'^(\*\*)?(output|ouput|results?)(\*\*)?:?$', re.I)


def cells(line):
    line = line.strip()
    if line.startswith('|'):
        line = line[1:]
    if line.endswith('|') and not line.endswith('\\|'):
        line = line[:-1]
    out, cur, i = [], '', 0
    while i < len(line):
        if line[i] == '\\' and i + 1 < len(line) and line[i + 1] == '|':
            cur, i = cur + '|', i + 2
            continue
        if line[i] == '|':
            out.append(cur.strip())
            cur = ''
        else:
            cur += line[i]
        i += 1
    out.append(cur.strip())
    return out


def self_contained(query):
    body = '\n'.join(l for l in query.split('\n') if not l.strip().startswith('//'))
    statements = [s.strip() for s in re.split(r';\s*\n|;\s*$', body) if s.strip()]
    names = set()
    for s in statements:
        m = re.match(r'let\s+([\w\[\]\'"]+)\s*=\s*(.*)', s, re.S)
        if m:
            value = re.match(r'^\(?\s*([A-Za-z_]\w*)', m.group(2).strip())
            if value and value.group(1)[0].isupper() and value.group(1) not in names:
                return False
            names.add(m.group(1))
            continue
        source = re.split(r'\s*\|', s, 1)[0].strip()
        first = re.match(r'^[\w\[\]\'"]+', source)
        if source.startswith('.') or not (SOURCE.match(s) or (first and first.group(0) in names)):
            return False
    return bool(statements)


def table_after(lines, end):
    start = None
    for k in range(end + 1, min(len(lines), end + 25)):
        s = lines[k].strip()
        if s.startswith('```'):
            break
        if OUTPUT.match(s.strip('#').strip()) or re.match(r'^#+\s*output', s, re.I):
            start = k + 1
            break
    if start is None:
        k = end + 1
        while k < len(lines) and k <= end + 6 and not lines[k].strip().startswith(('|', '#', '```')):
            k += 1
        if k < len(lines) and lines[k].strip().startswith('|') and 'Required' not in lines[k] and 'Description' not in lines[k]:
            start = k
    if start is None:
        return None
    while start < len(lines) and not lines[start].strip().startswith('|'):
        if lines[start].strip().startswith('```') or start > end + 30:
            return None
        start += 1
    rows = []
    while start < len(lines) and lines[start].strip().startswith('|'):
        rows.append(cells(lines[start]))
        start += 1
    if not rows:
        return None
    header, body = rows[0], []
    for r in rows[1:]:
        if any(r) and all(re.match(r'^:?-+:?$', c) for c in r if c):
            continue
        if not any(r) and len(r) != len(header):
            continue
        body.append(r)
    return header, body


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'OomLab.Kql.Tests', 'Conformance')
    existing = {}
    for f in glob.glob(os.path.join(out, '*.json')):
        page = json.load(open(f, encoding='utf-8'))
        for case in page['cases']:
            existing[(page['page'], case['query'])] = case.get('skip')
    for path in sorted(glob.glob(os.path.join(root, '**', '*.md'), recursive=True)):
        page = os.path.relpath(path, root).replace(os.sep, '/')
        lines = open(path, encoding='utf-8').read().split('\n')
        cases, i = [], 0
        while i < len(lines):
            if lines[i].strip().lower() in ('```kusto', '```kql'):
                j = i + 1
                while j < len(lines) and not lines[j].strip().startswith('```'):
                    j += 1
                query = '\n'.join(lines[i + 1:j]).strip()
                table = table_after(lines, j) if self_contained(query) else None
                if table:
                    case = {'line': i + 1, 'query': query, 'columns': table[0], 'rows': table[1]}
                    skip = existing.get((page, query))
                    if skip:
                        case['skip'] = skip
                    cases.append(case)
                i = j + 1
                continue
            i += 1
        if cases:
            name = os.path.join(out, page.replace('/', '--').replace('.md', '.json'))
            with open(name, 'w', encoding='utf-8') as fh:
                json.dump({'page': page, 'cases': cases}, fh, indent=1, ensure_ascii=False)
                fh.write('\n')


if __name__ == '__main__':
    main()
