"""StreamField blocks for the body of policy documents and news items.

A policy document is read (and searched) section by section, so its body is a list of
headed sections rather than one rich-text blob.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

SECTION_PREVIEW = {
    "heading": "Rapportering till kommunstyrelsen",
    "text": "Rapportering ska ske till kommunstyrelsen två gånger per år.",
}


class SectionBlock(blocks.StructBlock):
    """A headed section of a document: the unit a reader lands on from search."""

    heading = blocks.CharBlock(label=_("Rubrik"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), help_text=_("Stycken skiljs åt med en tomrad."))

    class Meta:
        icon = "doc-full"
        template = "governance/blocks/section_block.html"
        label = _("Avsnitt")
        description = _("Ett avsnitt med rubrik och löptext")
        preview_value = SECTION_PREVIEW


class QuoteBlock(blocks.StructBlock):
    """A quotation, e.g. the council's vision that a program cites verbatim."""

    text = blocks.TextBlock(label=_("Citat"))
    attribution = blocks.CharBlock(label=_("Källa"), required=False)

    class Meta:
        icon = "openquote"
        template = "governance/blocks/quote_block.html"
        label = _("Citat")
        description = _("Ett citat med källa")
        preview_value = {
            "text": "Avesta är en stark och hållbar tillväxtkommun.",
            "attribution": "Mål och budget 2022–2024",
        }


class DocumentBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    quote = QuoteBlock()

    class Meta:
        icon = "doc-full-inverse"
        template = "governance/blocks/document_body_block.html"
        description = _("Dokumentets brödtext i avsnitt")
        preview_value = [("section", SECTION_PREVIEW)]
