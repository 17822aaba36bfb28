"""Queries a SPARQL endpoint with SPARQLWrapper (Debian python3-sparqlwrapper) as its users do.

Usage: sparqlwrapper_client.py ENDPOINT ENTITY_IRI ONTOLOGY_NS

Each query form runs with SPARQLWrapper's default settings and with each return format that applies,
by GET and by POST (url-encoded form); with the default settings also by POST of the query itself. Prints a JSON list, one object per request: the request, the response's
Content-Type, SPARQLWrapper's warnings, and what its convert() gave, summarised (rows, boolean, triples).
"""

import csv
import io
import json
import re
import sys
import warnings
import xml.dom.minidom

import SPARQLWrapper.Wrapper as wrapper
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

endpoint, entity, icat = sys.argv[1:4]

# SPARQLWrapper 1.8 offers JSON-LD only when the old rdflib-jsonld plugin is installed; rdflib 6 reads
# JSON-LD itself, so allow it as such an installation would.
if JSONLD not in wrapper._allowedFormats:
    wrapper._allowedFormats.append(JSONLD)

LABELLED = f'?e a <{icat}Entity> ; <{RDFS.label}> ?label FILTER(lang(?label) = "en")'
QUERIES = {
    "select": f"SELECT ?e ?label WHERE {{ {LABELLED} }}",
    "ask": f"ASK {{ <{entity}> a <{icat}Entity> }}",
    "ask-false": f"ASK {{ <{entity}> a <{icat}Initiative> }}",
    "construct": f"CONSTRUCT {{ ?e <{RDFS.label}> ?label }} WHERE {{ {LABELLED} }}",
    "describe": f"DESCRIBE <{entity}>",
}
FORMATS = {
    "select": [None, XML, JSON, CSV, TSV],
    "ask": [None, XML, JSON, CSV, TSV],
    "ask-false": [None, XML, JSON],
    "construct": [None, XML, RDFXML, TURTLE, N3, JSON, JSONLD],
    "describe": [None, XML, RDFXML, TURTLE, N3, JSON, JSONLD],
}


def tsv_value(term):
    """The value of a TSV term: <iri> or a quoted literal with an optional tag or datatype."""
    if term.startswith("<"):
        return term[1:-1]
    match = re.match(r'^"(.*)"(@[A-Za-z-]+|\^\^<[^>]*>)?$', term)
    return match.group(1).replace('\\"', '"').replace("\\\\", "\\") if match else term


def rows_of(converted, content_type):
    """SELECT rows as sorted 'e label' lines, from whatever convert() returned."""
    if isinstance(converted, xml.dom.minidom.Document):
        rows = []
        for result in converted.getElementsByTagName("result"):
            row = {}
            for binding in result.getElementsByTagName("binding"):
                value = binding.firstChild
                while value.nodeType != value.ELEMENT_NODE:
                    value = value.nextSibling
                row[binding.getAttribute("name")] = "".join(n.data for n in value.childNodes)
            rows.append(row)
    elif isinstance(converted, dict):
        rows = [{k: v["value"] for k, v in b.items()} for b in converted["results"]["bindings"]]
    else:
        text = converted.decode("utf-8") if isinstance(converted, bytes) else converted
        if "tab-separated" in content_type:
            lines = [line.split("\t") for line in text.splitlines()]
            header = [name.lstrip("?") for name in lines[0]]
            rows = [dict(zip(header, map(tsv_value, line))) for line in lines[1:] if line != [""]]
        else:
            rows = list(csv.DictReader(io.StringIO(text)))
    return sorted(f"{row['e']} {row['label']}" for row in rows)


def boolean_of(converted):
    if isinstance(converted, xml.dom.minidom.Document):
        return converted.getElementsByTagName("boolean")[0].firstChild.data.strip() == "true"
    return converted["boolean"]


def graph_of(converted, content_type):
    if isinstance(converted, Graph):
        return converted
    text = converted.decode("utf-8") if isinstance(converted, bytes) else converted
    return Graph().parse(data=text, format="turtle" if "turtle" in content_type or "n3" in content_type else "xml")


def summary(form, converted, content_type):
    if form == "select":
        return {"rows": rows_of(converted, content_type)}
    if form.startswith("ask"):
        return {"boolean": boolean_of(converted)}
    graph = graph_of(converted, content_type)
    labels = sorted(f"{s} {o}" for s, o in graph.subject_objects(RDFS.label) if isinstance(o, Literal))
    return {
        "triples": len(graph),
        "labels": labels if form == "construct" else [str(o) for o in graph.objects(URIRef(entity), RDFS.label)],
    }


out = []
for form, query in QUERIES.items():
    for return_format in FORMATS[form]:
        for method in [GET, POST] + ([POSTDIRECTLY] if return_format is None else []):
            client = SPARQLWrapper(endpoint)
            client.setQuery(query)
            if method == POSTDIRECTLY:  # application/sparql-query, the format parameters in the URL
                client.setMethod(POST)
                client.setRequestMethod(POSTDIRECTLY)
            else:
                client.setMethod(method)
            if return_format is not None:
                client.setReturnFormat(return_format)
            record = {"form": form, "format": return_format or "default", "method": method}
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    result = client.query()
                    content_type = result.info()["content-type"]
                    record["contentType"] = content_type
                    record.update(summary(form, result.convert(), content_type))
                except Exception as error:  # reported, so the test shows which request failed and why
                    record["error"] = f"{type(error).__name__}: {error}"
            # SPARQLWrapper's own warnings (format mismatches); not rdflib's deprecation notices.
            record["warnings"] = sorted({str(w.message) for w in caught if w.category is not DeprecationWarning})
            out.append(record)

json.dump(out, sys.stdout, indent=1)
