"""Whether two RDF files hold the same graph, by rdflib (Debian's python3-rdflib), independently of ours.

Usage: rdflib_isomorphic.py FILE FORMAT FILE FORMAT (formats as rdflib names them: turtle, xml, json-ld).
Prints one JSON object with both triple counts and the verdict; exits 1 unless the graphs are isomorphic.
"""
import json
import sys

from rdflib import Graph
from rdflib.compare import isomorphic


def main(a, a_format, b, b_format):
    first = Graph().parse(a, format=a_format)
    second = Graph().parse(b, format=b_format)
    same = isomorphic(first, second)
    print(json.dumps({"first": len(first), "second": len(second), "isomorphic": same}))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
