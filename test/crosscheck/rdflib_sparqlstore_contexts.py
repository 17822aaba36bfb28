"""Lists the named graphs of a SPARQL endpoint with rdflib's SPARQLStore, as rdflib users do.

Usage: rdflib_sparqlstore_contexts.py ENDPOINT SUBJECT_IRI

contexts() runs `SELECT ?name WHERE { GRAPH ?name {} }`; contexts((s, None, None)) runs
`SELECT ?name WHERE { GRAPH ?name { <s> ?p ?o }}`. Prints both lists as JSON.
"""

import json
import sys

from rdflib import URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore

endpoint, subject = sys.argv[1:3]
store = SPARQLStore(endpoint)
json.dump(
    {
        "all": sorted(str(name) for name in store.contexts()),
        "withSubject": sorted(str(name) for name in store.contexts((URIRef(subject), None, None))),
    },
    sys.stdout,
)
