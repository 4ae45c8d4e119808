"""Swedish text analysis done in the application, so every engine behaves the same.

Engines differ in compound handling (the embedded engine shows sub-words in `_analyze`
but does not match them), so compounds are split here, at index time and at query time:
"arbetsmarknadsenhet" is indexed with the parts "arbetsmarknad" and "enhet", and a query
for it also looks for both parts. Stemming and stop words stay in the engine's analyzer,
which every supported engine implements the same way (`stemmer` language `swedish`).

The vocabulary is wordfreq's Swedish frequency list (code Apache-2.0, data CC-BY-SA 4.0,
https://github.com/rspeer/wordfreq), 340,000 words with their frequencies: a split is
accepted only when every part is a word in common use.
"""

import math
import re
from functools import lru_cache

#: Snowball's Swedish stop word list (BSD), given explicitly because engines differ in
#: whether "_swedish_" works; shared by the index analyzer and the query parser.
SWEDISH_STOP_WORDS = (
    "och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du "
    "henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter upp "
    "vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju denna själv "
    "detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma vilken er sådan "
    "vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt "
    "våra ert era vilkas"
).split()

STOP_WORDS = frozenset(SWEDISH_STOP_WORDS)
WORD = re.compile(r"[a-zåäöéü0-9]+", re.IGNORECASE)
MIN_WORD = 8  # shorter words are rarely compounds worth splitting
MIN_PART = 3  # a three-letter part must also be very common ("stadshus", "stadsdel")
MIN_HEAD = 4  # a first or middle part is a real word of at least four letters, or a very common one
COMMON_SHORT = 4.5  # Zipf frequency a three-letter part needs: "del", "hus" pass; "lin", "gar", "ort" do not
LINKING = ("s", "e", "a", "u", "o")  # fogemorfem: arbetsmarknad-s-enhet, gäst-a-bud …

#: Parts a compound is never split into: function words and verb particles. "förskola",
#: "upphandling", "samverkan" and "överenskommelse" are words of their own, not "för" +
#: "skola" or "upp" + "handling"; splitting them would match "för" or "upp" anywhere.
FUNCTION_PARTS = STOP_WORDS | frozenset(
    "fram bort till sam samman tillsammans överens igen ihop isär kring bland enligt ned ner emot förbi genom "
    "bakom ovan utom trots även ännu redan bara samt ute inne uppe nere borta hemma tillbaka undan omkring "
    "all allt alla ens inte icke".split()
)


@lru_cache(maxsize=1)
def vocabulary():
    """word → Zipf frequency (log10 of occurrences per billion words)."""
    import wordfreq

    return {word: math.log10(freq) + 9 for word, freq in wordfreq.get_frequency_dict("sv").items() if freq > 0}


@lru_cache(maxsize=500_000)
def _known(part, final=False):
    """The part's Zipf frequency if it can be a compound part, else 0.

    Short parts must be common (a frequency list holds many fragments of three or four
    letters); longer ones may be rarer ("ferie" in "feriearbete")."""
    if len(part) < MIN_PART or part in FUNCTION_PARTS:
        return 0.0
    if len(part) < MIN_HEAD and not final:
        threshold = COMMON_SHORT
    else:
        threshold = COMMON_SHORT if len(part) == 3 else 3.0 if len(part) == 4 else 1.5
    zipf = vocabulary().get(part, 0.0)
    return zipf if zipf >= threshold else 0.0


#: Derivational endings are not words of their own even when a frequency list has them
#: (from hyphenated text): "organisa|tionen", "arbetslös|heten", "verk|samheten",
#: "överens|kommelse" are not compounds.
SUFFIX_FRAGMENT = re.compile(
    r"^(?:tion|het|ning|ing|isa|else|ande|ende|skap|lig|isk|ism|ist|itet|era|ering|samhet|kommelse|nad|bar$|barhet)"
)


def _part_options(piece, final, first=False):
    """A non-final piece may end in a linking letter: "arbetsmarknads" → "arbetsmarknad".
    A function word with a linking letter is still a function word: "förs|kola", "unders|ökning"."""
    if not first and SUFFIX_FRAGMENT.match(piece):
        return []
    if piece[-1] in LINKING and piece[:-1] in FUNCTION_PARTS:
        return []
    options = []
    if _known(piece, final):
        options.append((piece, _known(piece, final), 0.0))
    if not final and piece[-1] in LINKING and _known(piece[:-1]):
        options.append((piece[:-1], _known(piece[:-1]), 0.0))
    # The part is the word a reader would search for: "arbets|miljö" is "arbete" + s,
    # "förskole|nämnden" and "skade|avgiften" are "förskola" and "skada".
    # ("feriearbete" keeps "ferie": "feria" is no more common.)
    for ending, word_ending in (("s", "e"), ("e", "a")):
        word = piece[: -len(ending)] + word_ending
        if not final and piece.endswith(ending) and _known(word) >= _known(piece) + 1.0:
            options.append((word, _known(word), 0.0))
    return options


DERIVATION_ENDING = re.compile(
    r"(?:ering|ning|ling|tion|het|skap|else|ande|ende|itet|nad)(?:en|er|erna|ar|arna|na|et)?$"
)


@lru_cache(maxsize=200_000)
def split_compound(word):
    """The parts of a Swedish compound, or () when the word is not one.

    Every split into two or three known words is scored by the length-weighted
    frequency of its parts, less a penalty for each extra part, so "genomförande|plan"
    beats "genom|för|and|plan" and "handling|s|plan" gives ("handling", "plan"). Parts are
    never function words, derivational endings or rare short strings, so "handlingar",
    "verksamheten" and "förskola" stay whole.
    """
    word = word.lower()
    if len(word) < MIN_WORD:
        return ()
    derivation = DERIVATION_ENDING.search(word)
    # A split may not cut into the word's derivational ending: "par|kering" ("park" + "ring").
    shortest_tail = len(derivation.group()) + 1 if derivation else MIN_PART
    best, best_score = (), 0.0
    length = len(word)
    for first in range(MIN_PART, length - MIN_PART + 1):
        heads = _part_options(word[:first], final=False, first=True)
        if not heads:
            continue
        splits = [(word[first:],)]
        for second in range(first + MIN_PART, length - MIN_PART + 1):
            splits.append((word[first:second], word[second:]))
        for rest in splits:
            options = [heads]
            for position, piece in enumerate(rest):
                options.append(_part_options(piece, final=position == len(rest) - 1))
            if not all(options) or len(rest[-1]) < shortest_tail:
                continue
            chosen = [max(option, key=lambda item: item[1]) for option in options]
            weighted = sum(zipf * len(part) for part, zipf, _penalty in chosen) / length
            score = weighted - 1.5 * (len(chosen) - 2)
            if score > best_score and weighted >= 2.2:
                best, best_score = tuple(part for part, _zipf, _penalty in chosen), score
    return best


@lru_cache(maxsize=200_000)
def contained_words(word):
    """Base forms of the words a compound contains, its parts' own parts included:
    "äldreomsorgsnämnden" → äldreomsorg, nämnd, äldre, omsorg. What a query for any of
    them should find; the word itself is not included."""
    found = []
    for part in split_compound(word):
        base = base_form(part)
        if base not in found:
            found.append(base)
        for inner in contained_words(part):
            if inner not in found:
                found.append(inner)
    return tuple(found)


#: Longest first, so "nämnden" loses "en" (→ "nämnd") before "n" could make it "nämnde".
INFLECTIONS = sorted(
    ["a", "e", "n", "s", "t", "ar", "er", "or", "en", "et", "na", "ens", "ets", "ars", "ers", "ors", "nas"],
    key=len,
    reverse=True,
)
DOUBLE_CONSONANT = re.compile(r"([bdfgklmnprst])\1$")


@lru_cache(maxsize=500_000)
def base_form(word):
    """A dictionary-checked light stemmer: "arbetsmarknaden" → "arbetsmarknad".

    Inflection endings are removed only when what remains is a word at least about as
    common as the inflected form, so "enheterna" → "enheter" → "enhet", "programmet" →
    "program", while "planen" does not become "plane". The engine's Snowball stemmer is
    inconsistent exactly where compounds need it ("arbetsmarknad" → "arbetsmarkn" but
    "arbetsmarknaden" → "arbetsmarknad"), which is why matching uses this form.
    """
    word = word.lower()
    reduced = _dictionary_base_form(word)
    if reduced != word:
        return reduced
    # A compound too rare for the dictionary inflects in its last part:
    # "arbetsmarknadsenheten" → "arbetsmarknadsenhet".
    parts = split_compound(word)
    if parts and word.endswith(parts[-1]):
        return word[: -len(parts[-1])] + base_form(parts[-1])
    return word


def _dictionary_base_form(word):
    words = vocabulary()
    for _round in range(3):
        zipf = words.get(word, 0.0)
        for ending in INFLECTIONS:
            if len(word) - len(ending) < MIN_PART or not word.endswith(ending):
                continue
            stem = word[: -len(ending)]
            candidates = [stem]
            if DOUBLE_CONSONANT.search(stem):
                candidates.append(stem[:-1])
            if ending.startswith("or"):
                candidates.append(stem + "a")  # "förskolor" → "förskola"
            found = next((c for c in candidates if words.get(c, 0.0) >= max(2.0, zipf - 0.5)), None)
            if found:
                word = found
                break
        else:
            return word
    return word


@lru_cache(maxsize=500_000)
def word_terms(word):
    """What one word of a text (as written) indexes: its base form and the base forms of
    the words it contains; nothing for a stop word. Cached: indexing spends its time here."""
    lowered = word.lower()
    if lowered in STOP_WORDS or len(lowered) < 2:
        return ()
    return (base_form(lowered), *contained_words(lowered))


def terms(text):
    """Base forms of every word, plus the base forms of compound parts, for the `terms` field."""
    found = []
    for word in WORD.findall(text or ""):
        found.extend(word_terms(word))
    return " ".join(found)


FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})


def fold(text):
    """ "lågkonjunktur" → "lagkonjunktur": how people type without Swedish letters."""
    return text.translate(FOLD)


def compound_parts(text):
    """Space-separated parts of every compound in `text`."""
    parts = []
    for word in WORD.findall(text or ""):
        parts.extend(split_compound(word))
    return " ".join(parts)
