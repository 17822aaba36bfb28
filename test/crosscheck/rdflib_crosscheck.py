"""Independent cross-check of a dump set with rdflib (Debian's python3-rdflib).

Reads icat.nq, icat.trig, icat.jsonld (its @context URL replaced by the local context.jsonld, so nothing
is fetched) and icat.ttl, and checks that the three dataset serializations hold the same quads and that
the Turtle holds the same triples as their union. Prints one JSON object; exits 1 on any difference.
"""
import json
import sys
from pathlib import Path

from rdflib import Dataset, Graph


def quads(ds):
    return {(s, p, o, g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in ds.quads((None, None, None, None))}


def main(folder):
    d = Path(folder)
    nq = Dataset()
    nq.parse(d / "icat.nq", format="nquads")
    trig = Dataset()
    trig.parse(d / "icat.trig", format="trig")
    doc = json.loads((d / "icat.jsonld").read_text(encoding="utf-8"))
    doc["@context"] = json.loads((d / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    jsonld = Dataset()
    jsonld.parse(data=json.dumps(doc), format="json-ld")
    ttl = Graph()
    ttl.parse(d / "icat.ttl", format="turtle")

    reference = quads(nq)
    triples = {(s, p, o) for s, p, o, _ in reference}
    result = {
        "rdflib": __import__("rdflib").__version__,
        "nquads": len(reference),
        "trig": len(quads(trig)),
        "jsonld": len(quads(jsonld)),
        "turtle": len(ttl),
        "trig_equal": quads(trig) == reference,
        "jsonld_equal": quads(jsonld) == reference,
        "turtle_equal": set(ttl) == triples,
        "distinct_triples": len(triples),
    }
    print(json.dumps(result))
    return 0 if result["trig_equal"] and result["jsonld_equal"] and result["turtle_equal"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
