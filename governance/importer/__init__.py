"""Turn the texts municipalities already have into the structured governance model.

Pipeline: `reading` gets text out of a .txt or .pdf file, `furniture` removes page
headers and signature boxes, `detect` decides the kind of document, a parser per kind
(`minutes`, `motions`, `interpellations`, `policies`, `news`) produces a plain dict in
the shape `import_documents --dry-run --format json` prints, `assignments` finds the
assignments in decision text, and `writer` stores the dict through `governance.loading`.
"""
