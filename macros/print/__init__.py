"""Print and PDF (issue 18): every edition's chapters as PDFs, and a course pack of the whole
edition, made by the MkDocs build itself (`hooks.on_post_build` -> `build.write_pdfs`).

- `pages.py` reads the built pages (the article of each, as readers get it);
- `assemble.py` turns them into one print document: ids made unique per page, links inside the
  document kept inside it, every other link written as its permanent address, answers gathered;
- `engine.py` renders it with WeasyPrint (pinned; CSS paged media: outline, running footer,
  `target-counter` page numbers, tagged PDF) and checks what it made;
- `cache.py` keeps each PDF under `.cache/pdf/`, keyed by everything it is made from, so a warm
  build and the offline bundle copy it instead of rendering it again;
- `build.py` says which PDFs an edition has and writes them into the site.

The print stylesheet readers' browsers use is `docs/assets/print.css`; `pdf.css` adds the
paged-media rules only a PDF engine reads.
"""
