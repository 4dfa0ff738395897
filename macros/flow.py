"""A Markdown extension that groups each page's text between headings into `div.flow` blocks.

Chapters run to 1,500 elements; styling and laying all of them out at load kept the main
thread busy for most of a second on a phone (Lighthouse trace of the drones chapter, issue
12). `site.css` gives each block `content-visibility: auto`, so the browser skips blocks the
reader has not reached. Headings stay outside the blocks: Material's table of contents
measures where each heading sits, which would force a skipped block to be laid out.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

FLOW_CLASS = "flow"
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
PRIORITY = 0  # after every other tree processor (toc at 5, attr_list at 8)


class FlowExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FlowProcessor(md), "ngg_flow", PRIORITY)


class FlowProcessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        runs = text_runs(list(root))
        for run in runs:
            wrap(root, run)


def text_runs(children: list[etree.Element]) -> list[list[etree.Element]]:
    """The children between headings, as lists of consecutive elements."""
    runs: list[list[etree.Element]] = [[]]
    for child in children:
        if child.tag in HEADINGS:
            runs.append([])
        else:
            runs[-1].append(child)
    return [run for run in runs if run]


def wrap(root: etree.Element, run: list[etree.Element]) -> None:
    """Put the run's elements, in order, into one flow block where the first of them stood."""
    block = etree.Element("div", {"class": FLOW_CLASS})
    root.insert(list(root).index(run[0]), block)
    for child in run:
        root.remove(child)
        block.append(child)
    block.text = "\n"
