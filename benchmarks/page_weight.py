"""Page weight with the maps: what a reader downloads to read a chapter and see its map.

Each page loads in a fresh headless Chromium context from benchmarks.server (gzip like a real
host). A page's map frames load lazily, so every map figure is scrolled into view and its map
drawn before counting: the weight of "a page with its maps", against the budget in
benchmarks.budgets (180 kB compressed, every page). Then each map is compared with a default
folium embed of the same data, built offline in a temporary folder: its CDN files cannot be
fetched here, so they are listed, and their sizes are quoted from
../shared/research/tech-notes.md, labelled as such.

    python -m benchmarks.page_weight [BUILT_SITE]     # builds the online site if not given

`make bench` (benchmarks.run) uses `measure_pages()` for its page table. Not a test.
"""
from __future__ import annotations

import gzip
import re
import sys
import tempfile
from pathlib import Path

from .budgets import PAGE_BYTES
from .server import CHROMIUM, CHROMIUM_ARGS, page_url, serve
from .weights import Weight, _transferred, reading_pages

ROOT = Path(__file__).resolve().parents[1]
LEAFLET = ROOT / "node_modules" / "leaflet" / "dist"
# Quoted, not measured (no network here): tech-notes.md, "Folium without external assets".
DEFAULT_FOLIUM_CDN = "about 630 kB uncompressed (+ Font Awesome webfonts, + OpenStreetMap tiles)"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def kb(n: int) -> str:
    return f"{n / 1000:.1f} kB"


# ---- measuring pages --------------------------------------------------------------------


def load_with_maps(page, settle_ms: int, explore: bool = False) -> int:
    """Scroll each map figure into view and wait for its map to draw: its picture, or with
    `explore` the live map the reader opens from it (a lazy frame, in a build from before
    issue 18, is waited for too); returns the number of maps."""
    figures = page.locator("figure.map-figure")
    for i in range(figures.count()):
        figure = figures.nth(i)
        # In script: the protocol's scroll would miss a figure in a block not yet laid out.
        figure.evaluate("figure => figure.scrollIntoView({block: 'center'})")
        live = figure.locator("a.map-live")
        if explore and live.count():
            live.click()
        if figure.locator("iframe").count():
            figure.frame_locator("iframe").locator("path.ngg-land").first.wait_for(state="attached", timeout=15_000)
        else:
            figure.locator("img.map-static").evaluate("img => img.complete && img.naturalWidth ? 1 : new Promise((ok, no) => { img.onload = ok; img.onerror = no; })")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(settle_ms)
    return figures.count()


def measure_page(browser, site: Path, base: str, rel: str, settle_ms: int, explore: bool = False) -> tuple[Weight, int]:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    done, outside = [], []
    context.on("requestfinished", lambda request: done.append(request))
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((base, "data:", "blob:")) else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(page_url(base, rel), wait_until="load")
    maps = load_with_maps(page, settle_ms, explore)
    total = sum(_transferred(request, site, base) for request in done if request.url.startswith(base))
    context.close()
    return Weight(rel, total, len(done), len(outside)), maps


def measure_pages(site: Path, pages: list[str] | None = None, settle_ms: int = 300, explore: bool = False) -> list[tuple[Weight, int]]:
    """(Weight, number of maps) per page; map documents are counted in their pages, not alone.
    With `explore`, every live map is opened from its picture as well."""
    from playwright.sync_api import sync_playwright

    pages = pages or reading_pages(site)
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return [measure_page(browser, site, base, rel, settle_ms, explore) for rel in pages]
        finally:
            browser.close()


# ---- the comparison with folium's defaults ------------------------------------------------


def default_folium_html(spec_id: str, out: Path) -> str:
    """The same map as folium builds it by default (CDN assets, OpenStreetMap tiles), saved offline."""
    import folium

    from macros import maps
    from macros.data.loading import load_library

    library = load_library()
    spec = library.maps[spec_id]
    v = spec.view
    fmap = folium.Map(location=[(v.south + v.north) / 2, (v.west + v.east) / 2], zoom_start=4)
    folium.GeoJson(maps.spec_basemap(spec), name="countries").add_to(fmap)
    for layer_id in spec.layers:
        group = folium.FeatureGroup(name=library.layers[layer_id].title).add_to(fmap)
        for item in library.layers[layer_id].places:
            place = library.places[item.place]
            folium.Marker([place.lat, place.lon], tooltip=place.name).add_to(group)
        for route in library.layers[layer_id].routes:
            folium.PolyLine([[library.places[p].lat, library.places[p].lon] for p in route.via]).add_to(group)
    folium.LayerControl().add_to(fmap)
    path = out / f"{spec_id}-default.html"
    fmap.save(str(path))
    return path.read_text(encoding="utf-8")


def external_urls(html: str) -> list[str]:
    """Scripts and stylesheets a document loads from another host, and its tile URL template."""
    urls = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
    return urls + re.findall(r'"(https://tile[^"]+)"', html)


def lean_bytes(site: Path, spec_id: str) -> tuple[int, int]:
    """Our map: its document and the shared files it loads (Leaflet, the map stylesheet), gzipped."""
    doc = gz((site / "maps" / f"{spec_id}.html").read_bytes())
    shared = sum(gz((site / rel).read_bytes()) for rel in ("assets/vendor/leaflet/leaflet.js", "assets/vendor/leaflet/leaflet.css", "assets/maps.css"))
    return doc, shared


# ---- report ---------------------------------------------------------------------------------


def print_pages(measured: list[tuple[Weight, int]], what: str = "every map on the page drawn") -> list[str]:
    print(f"Pages, first load with {what} (compressed bytes transferred; budget {kb(PAGE_BYTES)} each):")
    width = max(len(w.page) for w, _ in measured)
    print(f"  {'page':<{width}}  maps  requests  {'transferred':>12}  budget")
    missed = []
    for w, maps in sorted(measured, key=lambda m: -m[0].transferred):
        verdict = "ok" if w.transferred <= PAGE_BYTES else "MISSED"
        if verdict == "MISSED":
            missed.append(w.page)
        outside = f"  ({w.outside} outside requests blocked)" if w.outside else ""
        print(f"  {w.page:<{width}}  {maps:>4}  {w.requests:>8}  {kb(w.transferred):>12}  {verdict}{outside}")
    return missed


def print_comparison(site: Path, spec_ids: list[str]) -> None:
    leaflet_js = (LEAFLET / "leaflet.js").read_bytes()
    print("\nEach map: ours (its document + shared Leaflet and stylesheet, gzipped, measured) vs folium's default embed of the same data.")
    print(f"  Leaflet 1.9.4 from node_modules, measured: leaflet.js {kb(len(leaflet_js))} ({kb(gz(leaflet_js))} gzipped), served once for all maps.")
    with tempfile.TemporaryDirectory(prefix="folium-default-") as tmp:
        for spec_id in spec_ids:
            doc, shared = lean_bytes(site, spec_id)
            html = default_folium_html(spec_id, Path(tmp))
            urls = external_urls(html)
            hosts = sorted({re.sub(r"^https?://([^/]+).*", r"\1", u) for u in urls})
            print(f"  {spec_id}:")
            print(f"    ours:           document {kb(doc)} + shared {kb(shared)} = {kb(doc + shared)} gzipped, 0 outside requests")
            print(f"    folium default: document {kb(gz(html.encode()))} gzipped + {len(urls)} outside URLs from {len(hosts)} hosts ({', '.join(hosts)})")
            print(f"                    those CDN files: {DEFAULT_FOLIUM_CDN} [quoted from tech-notes, not measured]")


def build_site(out: Path) -> Path:
    from macros.output.build import mkdocs_build

    mkdocs_build("mkdocs.yml", out)
    return out


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="page-weight-") as tmp:
        site = Path(argv[0]).resolve() if argv else build_site(Path(tmp) / "site")
        missed = print_pages(measure_pages(site))
        print()
        print_pages(measure_pages(site, [p for p in reading_pages(site) if "map-figure" in (site / p).read_text(encoding="utf-8")], explore=True),
                    "every live map explored as well (the reader's choice; not held to the budget)")
        print_comparison(site, sorted(p.stem for p in (site / "maps").glob("*.html")))
    if missed:
        print(f"\nOver budget: {', '.join(missed)}")
        return 1
    print("\nEvery page is within budget.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
