"""Decoding a text file's bytes: byte-order marks, strict UTF-8, BOM-less UTF-16, legacy Cyrillic.

A legacy single-byte encoding (Windows-1251, KZ-1048, KOI8-R, DOS 866) is chosen by how
plausible its decoding looks (real Cyrillic words rather than mojibake) and always named in a
note; damaged UTF-8 is refused with the place of the damage rather than read as mojibake; a
file that mixes UTF-8 with a legacy encoding is decoded line by line. Files that are surely
not text (a PDF, an image, a program) are recognised by their first bytes.
"""

from __future__ import annotations

import re

from compare.errors import InputError

# Files that are surely not text, recognised by their first bytes.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an Office file with the wrong extension)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel (.doc/.xls) file; save it as .docx or .txt",
    b"{\\rtf": "an RTF document; save it as .docx or .txt",
}

# Legacy single-byte encodings a Russian or Kazakh text may come in, with a readable name.
_LEGACY = {
    "cp1251": "Windows-1251 (Cyrillic)",
    "kz1048": "KZ-1048 (Kazakh Cyrillic)",
    "koi8_r": "KOI8-R (Cyrillic)",
    "cp866": "DOS 866 (Cyrillic)",
    "cp1252": "Windows-1252 (Western)",
}
_KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def decode_text(data: bytes, name: str = "the file") -> tuple[str, str, list[str]]:
    """Decode bytes to text: BOMs first, then strict UTF-8, BOM-less UTF-16, legacy Cyrillic.

    Returns ``(text, encoding, notes)``. A legacy encoding is chosen by how plausible its
    decoding looks (real Cyrillic words rather than mojibake), and always named in a note.
    """
    for bom, enc in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, []
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name} starts like {enc.upper()} text but cannot be decoded as it."
                ) from exc
    utf16 = _bomless_utf16(data)  # before UTF-8: UTF-16 Cyrillic is also valid ASCII bytes
    if not utf16:
        try:
            return data.decode("utf-8"), "utf-8", []
        except UnicodeDecodeError as exc:
            _refuse_damaged_utf8(data, exc, name)
    if utf16:
        return data.decode(utf16), utf16, [f"Decoded as {utf16.upper()} (no byte-order mark)."]
    if b"\x00" in data:
        raise InputError(f"{name} looks binary (it contains NUL bytes), not like text.")
    if _utf8_cyrillic_share(data) >= MIXED_UTF8_SHARE:
        return _decode_mixed(data, name)
    best = _best_legacy(data, name)
    note = f"Decoded as {_LEGACY[best]}, not UTF-8: check that the text looks right."
    return data.decode(best), best, [note]


# A text that is not valid UTF-8 but whose non-ASCII bytes are this much UTF-8 Cyrillic
# (two-byte sequences D0-D3 xx) is a UTF-8 file with a legacy-encoded part pasted in: no
# single encoding reads it, and KZ-1048 would read the UTF-8 part as Kazakh letters. In a
# Windows-1251, KOI8-R or DOS-866 text such byte pairs are rare signs, a few per cent at most.
MIXED_UTF8_SHARE = 0.2
_UTF8_CYRILLIC = re.compile(rb"[\xd0-\xd3][\x80-\xbf]")


def _utf8_cyrillic_share(data: bytes) -> float:
    high = sum(1 for b in data if b >= 0x80) if len(data) < 1_000_000 else len(
        re.findall(rb"[\x80-\xff]", data)
    )
    return 2 * len(_UTF8_CYRILLIC.findall(data)) / max(1, high)


def _best_legacy(data: bytes, name: str) -> str:
    best, best_score = None, float("-inf")
    for enc in _LEGACY:
        try:
            candidate = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _plausibility(candidate, enc)
        if score > best_score:
            best, best_score = enc, score
    if best is None or best_score < 0:
        raise InputError(
            f"{name} is not UTF-8 and does not look like Windows-1251, KOI8-R or DOS-866 text "
            "either; save it as UTF-8 and try again."
        )
    return best


def _decode_mixed(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode each line of a file that mixes UTF-8 lines with legacy-encoded ones in its own
    encoding (the legacy one chosen on those lines alone), and say so."""
    lines = data.split(b"\n")
    legacy_lines = []
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            legacy_lines.append(line)
    legacy = _best_legacy(b"\n".join(legacy_lines), name)
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode(legacy))
    n_legacy = len(legacy_lines)
    note = (
        f"The file mixes UTF-8 with {_LEGACY[legacy]}: {n_legacy} of its {len(lines)} lines "
        f"were decoded as {_LEGACY[legacy]}, the others as UTF-8; check that the text looks "
        "right, and re-save it as UTF-8."
    )
    return "\n".join(out), f"utf-8+{legacy}", [note]


def _refuse_damaged_utf8(data: bytes, exc: UnicodeDecodeError, name: str) -> None:
    """UTF-8 text with a few bad bytes (a cut or a stray byte) must not be read as cp1251
    mojibake, nor silently repaired: say where the damage is so the user can fix the file."""
    decoded = data.decode("utf-8", "replace")
    bad = decoded.count("\ufffd")
    places = len(re.findall("\ufffd+", decoded))
    good = sum(1 for ch in decoded if ord(ch) > 127) - bad
    if good >= 10 * bad:
        line = data.count(b"\n", 0, exc.start) + 1
        where = "1 place" if places == 1 else f"{places} places"
        raise InputError(
            f"{name} is UTF-8 text damaged in {where} (the first on line {line}); "
            "re-save it as UTF-8 and try again."
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows NUL in every other byte for Latin text, or a fixed high
    byte 0x04 for Cyrillic; require the pattern on most pairs so binary data is not taken."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for enc, hi, lo in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        share = sum(1 for b in hi if b in (0, 4, 0x20)) / len(hi)
        if share > 0.9 and sum(1 for b in lo if b == 0) / len(lo) < 0.1:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if control_share(text) < 0.01:
                return enc
    return None


def _plausibility(text: str, enc: str) -> float:
    """How much ``text`` looks like real Russian/Kazakh/English rather than mojibake.

    Right decodings give words of lower-case Cyrillic letters with a capital at the start;
    wrong ones give capitals inside words, box-drawing signs and stray symbols.
    """
    score = 0.0
    prev = ""
    for ch in text:
        if ch.isalpha():
            if "\u0400" <= ch <= "\u04ff":
                score += 1.0 if ch.islower() else 0.3
                if ch.isupper() and prev.isalpha() and prev.islower():
                    score -= 3.0  # a capital in the middle of a word
                if ch in _KAZAKH_LETTERS:
                    score += 0.5 if enc == "kz1048" else 0.0
                if ch in "ЂђЃѓЉљЊњЌќЋћЏџЎўЈјҐґЄєЇї":
                    score -= 2.0  # Serbian/Ukrainian letters: in KZ-1048 these bytes are Kazakh
                if prev.isascii() and prev.isalpha():
                    score -= 3.0  # Latin and Cyrillic in one word: "Cafй" is a wrong guess
            elif ord(ch) < 128:
                score += 0.5
            else:
                score -= 1.0  # accented Latin letters: rare in our three languages
        elif ch.isdigit() and "\u0400" <= prev <= "\u04ff":
            score -= 3.0  # a letter glued to a number: "ё2.8bn" is "£2.8bn" read as KOI8-R
        elif ord(ch) >= 128 and ch not in "«»“”„‘’–—…№°\u00a0•·§©®™±×€£¥¢₸₽":
            score -= 2.0
        prev = ch
    return score / max(1, len(text))


def control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / max(1, len(text))


def refuse_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name} is {what}, not a text file.")
