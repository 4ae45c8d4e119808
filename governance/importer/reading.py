"""Read a document's text from a file, refusing what is not text with a clear reason."""

from pathlib import Path

SUPPORTED_SUFFIXES = {".txt", ".pdf"}


class ImportProblem(ValueError):
    """A document that cannot be imported; the message is shown to the secretary as is."""


def _decode(raw, name):
    if not raw.strip():
        raise ImportProblem(f"{name}: filen är tom.")
    if b"\x00" in raw[:4096]:
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


def _pdf_text(path):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise ImportProblem(f"{path.name}: PDF-filen kunde inte läsas ({error}).") from error
    text = "\n\n".join(pages)
    if not text.strip():
        raise ImportProblem(f"{path.name}: PDF-filen saknar textlager (inskannad bild?); kör OCR först.")
    return text


def read_text(path):
    """The text of a .txt or .pdf file, with normalised line endings."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportProblem(f"{path.name}: filtypen {suffix or '(ingen)'} stöds inte; använd .txt eller .pdf.")
    if suffix == ".pdf":
        raw_head = path.read_bytes()[:5]
        if raw_head != b"%PDF-":
            raise ImportProblem(f"{path.name}: filen heter .pdf men är ingen PDF.")
        text = _pdf_text(path)
    else:
        text = _decode(path.read_bytes(), path.name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\f", "\n\n")
    return text
