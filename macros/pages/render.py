"""Jinja rendering of records into HTML, with autoescaping: data never becomes markup."""
from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .. import paths

JINJA = Environment(
    loader=FileSystemLoader(paths.TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template: str, **context) -> str:
    """Render a template to one block of HTML with no blank lines (Markdown would split it)."""
    html = JINJA.get_template(template).render(**context)
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def render_inline(template: str, **context) -> str:
    """Render a template to a single line, safe inside a Markdown paragraph."""
    return " ".join(line.strip() for line in JINJA.get_template(template).render(**context).splitlines() if line.strip())
