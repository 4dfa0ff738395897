"""The site's name, authors and publisher, for the records and files made outside MkDocs'
config (edition sources, map documents, downloads). mkdocs.yml repeats them for the theme;
tests/test_editions.py checks that the two agree."""

SITE_NAME = "The New Great Game in Central Asia"
AUTHORS = ("The New Great Game teaching team",)
PUBLISHER = "The New Great Game teaching project"
# On a phone's home screen, under the icon (the web app manifest, macros/offline/manifest.py).
SHORT_NAME = "Great Game"
