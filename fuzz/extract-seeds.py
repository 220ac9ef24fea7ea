#!/usr/bin/env python3
"""Builds fuzz/corpus/{event-body,insert-splitter} from the payloads the tests already send (the C# string
literals of tests/Collector.Tests and tests/EmbeddedClickHouse.Tests, and bench/collector's bodies).
Run again when the tests change; then `dotnet fuzz/bin/Release/net10.0/Icesco.Insights.Fuzz.dll seed fuzz/corpus`
derives the decompression seeds from them."""
import glob, hashlib, json, os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(root, "fuzz", "corpus")
MAX = 4096

def unescape(text):
    """A regular C# string literal's body, unescaped (\\n, \\", \\uXXXX, \\\\)."""
    def repl(m):
        c = m.group(1)
        if c.startswith("u"): return chr(int(c[1:], 16))
        return {"n": "\n", "r": "\r", "t": "\t", "0": "\0", '"': '"', "\\": "\\", "'": "'"}.get(c, c)
    return re.sub(r'\\(u[0-9a-fA-F]{4}|.)', repl, text)

def raw_literals(source):
    """Non-interpolated raw string literals (triple-quoted), with their common indentation removed."""
    for m in re.finditer(r'(\$*)("{3,})(.*?)\2(?!")', source, re.S):
        if m.group(1):
            continue  # interpolated: its holes are filled at run time
        body = m.group(3)
        if "\n" in body:
            lines = body.split("\n")[1:-1]
            indent = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
            body = "\n".join(l[indent:] for l in lines)
        yield body

def regular_literals(source):
    for m in re.finditer(r'(?<![$@"\\])"((?:[^"\\\n]|\\.)*)"', source):
        yield unescape(m.group(1))

def write(target, payloads):
    directory = os.path.join(corpus, target)
    os.makedirs(directory, exist_ok=True)
    for old in glob.glob(os.path.join(directory, "test-*")):
        os.remove(old)
    unique = {p for p in payloads if 0 < len(p) <= MAX}
    for p in sorted(unique):
        name = "test-" + hashlib.sha1(p).hexdigest()[:12]
        with open(os.path.join(directory, name), "wb") as f:
            f.write(p)
    print(f"{len(unique)} seeds in {directory}")

def is_event_json(text):
    try:
        value = json.loads(text)
    except ValueError:
        return False
    items = value if isinstance(value, list) else [value]
    return any(isinstance(i, dict) and ("type" in i or "url" in i) for i in items) or value == []

events = []
for path in glob.glob(os.path.join(root, "tests", "Collector.Tests", "**", "*.cs"), recursive=True):
    source = open(path, encoding="utf-8").read()
    for literal in list(raw_literals(source)) + list(regular_literals(source)):
        if literal.lstrip()[:1] in ("{", "[") and is_event_json(literal):
            events.append(literal.encode("utf-8", "surrogatepass"))
for path in glob.glob(os.path.join(root, "bench", "collector", "*.json")):
    events.append(open(path, "rb").read())
write("event-body", events)

inserts = []
for path in glob.glob(os.path.join(root, "tests", "EmbeddedClickHouse.Tests", "**", "*.cs"), recursive=True):
    source = open(path, encoding="utf-8").read()
    for literal in list(raw_literals(source)) + list(regular_literals(source)):
        words = literal.lstrip().split(None, 1)
        if words and words[0].upper() in ("INSERT", "SELECT", "CREATE", "SET", "WITH") and len(literal) > 8:
            inserts.append(literal.encode("utf-8", "surrogatepass"))
write("insert-splitter", inserts)
