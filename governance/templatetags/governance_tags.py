"""Template helpers for the public pages."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from governance.models import Assignment

register = template.Library()

_STATUS_LABELS = dict(Assignment.Status.choices)


@register.filter
def assignment_status(assignment) -> str:
    """The status the database computed for the register (`with_status`), else today's."""
    return getattr(assignment, "computed_status", None) or assignment.status


@register.filter
def status_label(status: str) -> str:
    return str(_STATUS_LABELS.get(status, status))


@register.simple_tag(takes_context=True)
def register_link(context, params: dict | None = None, **changes) -> str:
    """The register's query string with the current filters, `params` and `changes` applied."""
    return context["filters"].query_string(**(params or {}), **changes)


@register.filter
def text_with_lists(text: str):
    """Paragraphs, with lines that start with "- ", "– " or "• " as a bulleted list.

    Answers and decisions are stored as plain text in which lists are written with dashes;
    shown as is they read "- " in the middle of the page.
    """
    blocks, bullets, lines = [], [], []

    def flush_paragraph():
        if lines:
            blocks.append(format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines)))
            blocks[-1] = mark_safe(f"<p>{blocks[-1]}</p>")
            lines.clear()

    def flush_list():
        if bullets:
            items = format_html_join("", "<li>{}</li>", ((item,) for item in bullets))
            blocks.append(mark_safe(f"<ul>{items}</ul>"))
            bullets.clear()

    for raw in (text or "").splitlines():
        line = raw.strip()
        if line[:2] in ("- ", "– ", "• ") or line[:1] == "•":
            flush_paragraph()
            bullets.append(line.lstrip("-–• ").strip())
        elif not line:
            flush_paragraph()
            flush_list()
        else:
            flush_list()
            lines.append(line)
    flush_paragraph()
    flush_list()
    return mark_safe("\n".join(blocks))
