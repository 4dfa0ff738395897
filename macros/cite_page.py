"""How to cite a page: APA, Chicago, BibTeX and the head metadata reference managers read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mkdocs.structure.files import File

MONTHS = "January February March April May June July August September October November December".split()


@dataclass(frozen=True)
class PageCitation:
    title: str
    site: str
    authors: list[str]
    publisher: str
    edition: str
    issued: date
    url: str
    key: str

    @property
    def author_line(self) -> str:
        return ", ".join(self.authors)

    @property
    def apa(self) -> str:
        return f"{self.author_line}. ({self.issued.year}). {self.title} (Edition {self.edition}). {self.site}. {self.publisher}. {self.url}"

    @property
    def chicago(self) -> str:
        day = f"{MONTHS[self.issued.month - 1]} {self.issued.day}, {self.issued.year}"
        return f"{self.author_line}. \u201c{self.title}.\u201d In {self.site}, edition {self.edition}. {self.publisher}, {day}. {self.url}."

    @property
    def bibtex(self) -> str:
        fields = {
            "title": self.title, "author": "{" + self.author_line + "}", "booktitle": self.site, "publisher": self.publisher,
            "edition": self.edition, "year": str(self.issued.year), "url": self.url, "note": f"Edition {self.edition}, {self.issued.isoformat()}",
        }
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
        return f"@incollection{{{self.key},\n{body}\n}}"

    @property
    def scholar_date(self) -> str:
        return self.issued.strftime("%Y/%m/%d")


def page_title(page) -> str:
    """The page's H1 as written (before rendering), without its {#anchor}."""
    if page.meta.get("title"):
        return page.meta["title"]
    heading = next((line[2:] for line in (page.markdown or "").splitlines() if line.startswith("# ")), page.title or "")
    return re.sub(r"\s*\{#[^}]*\}\s*$", "", heading).strip()


def online_url(config, page) -> str:
    """The published (online, directory-style) URL, also for pages built into the offline bundle."""
    file = File(page.file.src_uri, config["docs_dir"], config["site_dir"], use_directory_urls=True)
    return (config["site_url"] or "/").rstrip("/") + "/" + file.url


def page_citation(config, page) -> PageCitation:
    extra = config["extra"]
    edition = extra["edition"]
    slug = re.sub(r"[^a-z0-9]+", "-", page.file.src_uri.removesuffix(".md").lower()).strip("-")
    return PageCitation(
        title=page_title(page),
        site=config["site_name"],
        authors=extra["authors"],
        publisher=extra["publisher"],
        edition=str(edition["version"]),
        issued=date.fromisoformat(str(edition["date"])),
        url=online_url(config, page),
        key=f"nggca-{slug}-{edition['date'][:4]}",
    )
