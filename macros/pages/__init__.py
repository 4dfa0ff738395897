"""Pages: what a page shows, from macros and the frame around each page to its citations."""
