"""Read a document's text from a file, refusing what is not text with a clear reason.

PDF text comes from pypdfium2 (PDFium, the engine in Chromium), chosen by measurement over
the 75 PDFs of the development corpus (456 pages; `benchmarks/pdf_bench.py`, two runs on a
shared machine): pypdfium2 read 54-67 pages/s, pypdf 4-13 and pdfminer.six 2-3. pypdfium2
(44 of 44) and pypdf keep a head label and its value on one line ("Plats och tid Rådhuset")
where pdfminer.six splits two-column heads (23 of 44); and PDFium marks words hyphenated at
a line end with a soft hyphen of its own, so "kommunsty-/relsen" is rejoined while "Barn-
och" keeps its dash (pypdf and pdfminer.six leave 159 ambiguous line-end dashes).
"""

import codecs
from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".pdf"}

#: Larger texts are refused: no protokoll comes near it, and a file this size is an
#: export of many documents that should be split before import.
MAX_TEXT_CHARACTERS = 3_000_000
MAX_FILE_BYTES = 60_000_000


class ImportProblem(ValueError):
    """A document that cannot be imported; the message is shown to the secretary as is."""


def _decode(raw, name):
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ImportProblem(f"{name}: filen är tom.")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ImportProblem(f"{name}: UTF-16-texten är trasig ({error.reason}).") from error
    head = raw[:4096]
    if len(head) >= 8 and head[1::2].count(0) > 0.4 * len(head[1::2]) and head[0::2].count(0) < 0.1 * len(head[0::2]):
        return raw.decode("utf-16-le", errors="replace")  # UTF-16 without a byte order mark
    if len(head) >= 8 and head[0::2].count(0) > 0.4 * len(head[0::2]) and head[1::2].count(0) < 0.1 * len(head[1::2]):
        return raw.decode("utf-16-be", errors="replace")
    if b"\x00" in head:
        raise ImportProblem(f"{name}: filen är inte text (binärt innehåll).")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything; latin-1 decodes everything
        text = raw.decode("latin-1")
    control = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\n\r\t\f")
    if control > 0.02 * min(len(text), 4096):
        raise ImportProblem(f"{name}: filen är inte text (för många styrtecken).")
    return text


def pdf_pages(source, name=None):
    """The text of each page of a PDF (a path or its bytes), soft line-end hyphens rejoined."""
    import pypdfium2 as pdfium

    name = name or (Path(source).name if isinstance(source, str | Path) else "PDF")
    try:
        document = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except pdfium.PdfiumError as error:
        raise ImportProblem(f"{name}: PDF-filen kunde inte läsas ({error}).") from error
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            text = textpage.get_text_bounded()
            textpage.close()
            page.close()
            # PDFium writes U+0002 where a word was hyphenated at the line end.
            text = text.replace("\x02\r\n", "").replace("\x02\n", "").replace("\x02", "")
            pages.append(text.replace("\r\n", "\n").replace("\ufffe", ""))
        return pages
    finally:
        document.close()


def _pdf_text(name, raw):
    if b"%PDF-" not in raw[:1024]:
        raise ImportProblem(f"{name}: filen heter .pdf men är ingen PDF.")
    text = "\n\n".join(pdf_pages(raw, name))
    if not text.strip():
        raise ImportProblem(f"{name}: PDF-filen saknar textlager (inskannad bild?); kör OCR först.")
    return text


def _check_suffix_and_size(name, size):
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportProblem(f"{name}: filtypen {suffix or '(ingen)'} stöds inte; använd .txt eller .pdf.")
    if size > MAX_FILE_BYTES:
        raise ImportProblem(
            f"{name}: filen är för stor ({size // 1_000_000} MB, gränsen är {MAX_FILE_BYTES // 1_000_000} MB); "
            "dela upp den per sammanträde eller dokument."
        )
    return suffix


def read_text(path):
    """The text of a .txt or .pdf file, with normalised line endings."""
    path = Path(path)
    _check_suffix_and_size(path.name, path.stat().st_size)
    return read_bytes(path.name, path.read_bytes())


def read_bytes(name, raw):
    """The text of a file's content (`name` gives its type), checked as `read_text` checks a file.

    The admin's import screen keeps uploads as bytes in the database, so every process
    (web workers, the background `process_imports`) reads them the same way.
    """
    suffix = _check_suffix_and_size(name, len(raw))
    text = _pdf_text(name, raw) if suffix == ".pdf" else _decode(raw, name)
    return normalise_text(text, name)


def normalise_text(text, name=""):
    """Line endings, non-breaking spaces and form feeds normalised; oversized text refused."""
    if len(text) > MAX_TEXT_CHARACTERS:
        raise ImportProblem(
            f"{name}: texten är för lång ({len(text):,} tecken, gränsen är {MAX_TEXT_CHARACTERS:,}); "
            "dela upp filen per sammanträde eller dokument.".replace(",", " ")
        )
    text = text.lstrip("\ufeff")
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u00a0", " ")
        .replace("\u00ad", "")
        .replace("\f", "\n\n")
    )
