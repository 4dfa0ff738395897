"""A Markdown extension that groups each page's text between headings into `div.flow` blocks.

Chapters run to 1,500 elements; styling and laying all of them out at load kept the main
thread busy for most of a second on a phone (Lighthouse trace of the drones chapter, issue
12). `site.css` gives each block `content-visibility: auto`, so the browser skips blocks the
reader has not reached. Headings stay outside the blocks: Material's table of contents
measures where each heading sits, which would force a skipped block to be laid out.

What may sit on the first screen (the first EAGER_CHARS characters of text) stays unwrapped:
Chrome paints its first frame with every block at its placeholder height, so a block on
screen would grow a moment later and push the headings below it (Lighthouse layout shift).
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

import lxml.html
from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

FLOW_CLASS = "flow"
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
PRIORITY = 0  # after every other tree processor (toc at 5, attr_list at 8)
# About a first screen of text: 1,000 characters on a phone, 1,700 beside a desktop's sidebars.
EAGER_CHARS = 1_800


class FlowExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FlowProcessor(md), "ngg_flow", PRIORITY)


class FlowProcessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for run in later_runs(list(root), self.text_length):
            wrap(root, run)

    def text_length(self, element: etree.Element) -> int:
        """Characters of text the element shows, with the raw HTML it holds (macros' output) read."""
        text = HTML_PLACEHOLDER_RE.sub(lambda m: self.stashed_text(int(m.group(1))), "".join(element.itertext()))
        return len(" ".join(text.split()))

    def stashed_text(self, index: int) -> str:
        raw = self.md.htmlStash.rawHtmlBlocks[index]
        if isinstance(raw, str):
            return lxml.html.fragment_fromstring(raw, create_parent="div").text_content() if raw.strip() else ""
        return "".join(raw.itertext())


def later_runs(children: list[etree.Element], text_length) -> list[list[etree.Element]]:
    """The children between headings that come after the first EAGER_CHARS characters of text,
    as lists of consecutive elements."""
    runs: list[list[etree.Element]] = [[]]
    seen = 0
    for child in children:
        if child.tag in HEADINGS:
            runs.append([])
        elif seen >= EAGER_CHARS:
            runs[-1].append(child)
        if seen < EAGER_CHARS:  # past the first screen, no need to read (and parse) more text
            seen += text_length(child)
    return [run for run in runs if run]


def wrap(root: etree.Element, run: list[etree.Element]) -> None:
    """Put the run's elements, in order, into one flow block where the first of them stood."""
    block = etree.Element("div", {"class": FLOW_CLASS})
    root.insert(list(root).index(run[0]), block)
    for child in run:
        root.remove(child)
        block.append(child)
    block.text = "\n"
