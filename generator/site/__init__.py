"""Stage 3, site: the analysed data → pages, charts and assets, written beside the old folders and
built by MkDocs, then swapped in."""
