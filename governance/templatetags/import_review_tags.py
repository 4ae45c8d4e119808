"""The review screen's highlighting of the words that give an assignment."""

from django import template
from django.utils.html import format_html

from governance.importer.highlight import assignment_phrase

register = template.Library()


@register.filter
def mark_assignment(sentence: str):
    """The sentence, escaped, with the assignment phrase in <mark>."""
    sentence = sentence or ""
    span = assignment_phrase(sentence)
    if span is None:
        return sentence
    start, end = span
    return format_html("{}<mark>{}</mark>{}", sentence[:start], sentence[start:end], sentence[end:])
