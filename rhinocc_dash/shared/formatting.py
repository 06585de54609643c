"""French number formatting for figures shown to users."""

from __future__ import annotations

import math
import re
import string

import pandas as pd
import phonenumbers

NARROW_NBSP = "\u202f"


def present(value) -> bool:
    """True for a value worth showing: False for None, NaN, NaT, pd.NA, blank text and empty lists."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if hasattr(value, "__len__"):
        return len(value) > 0
    return not pd.isna(value)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_int(value) -> str:
    """« 6 124 653 » (narrow no-break space between thousands); « n.d. » when missing."""
    if _missing(value):
        return "n.d."
    return f"{round(float(value)):,}".replace(",", NARROW_NBSP)


def fmt_decimal(value, digits: int = 1) -> str:
    if _missing(value):
        return "n.d."
    return f"{float(value):,.{digits}f}".replace(",", NARROW_NBSP).replace(".", ",")


def fmt_percent(value, digits: int = 1, ratio: bool = True) -> str:
    """« 99,1 % » from a ratio (or from a percentage with ratio=False)."""
    if _missing(value):
        return "n.d."
    return f"{fmt_decimal(float(value) * (100 if ratio else 1), digits)}{NARROW_NBSP}%"


def fmt_estimate(value) -> str:
    """An order of magnitude: « environ 1 200 » (two significant figures), « moins de 10 »."""
    if _missing(value):
        return "n.d."
    value = float(value)
    if value < 10:
        return "moins de 10"
    rounded = round(value, min(-1, 1 - int(math.floor(math.log10(value)))))
    return f"environ {fmt_int(rounded)}"


def fmt_millions(value, digits: int = 2) -> str:
    return f"{fmt_decimal(value / 1e6, digits)} million" + ("s" if value >= 2e6 else "")


def fmt_date(value) -> str:
    """« 01/08/2024 »; « n.d. » when missing."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "n.d."
    return pd.Timestamp(value).strftime("%d/%m/%Y")


# CommonMark lets any ASCII punctuation be escaped with a backslash: escaping all of it leaves no
# Markdown, HTML, directive (« :red[…] ») or LaTeX syntax. Streamlit then looks for links (« http://… »,
# « www.… », « nom@domaine.fr »), icons (« :material/…: ») and emoji shortcodes in the text *after*
# unescaping; a word joiner (U+2060, invisible, zero-width) after every colon and at-sign, and between
# « www » and its dot, breaks those patterns while the text reads the same.
_MARKDOWN_ESCAPES = str.maketrans({c: "\\" + c for c in string.punctuation})
WORD_JOINER = "\u2060"
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")
_WWW = re.compile(r"(www)(?=\.)", re.IGNORECASE)


def md_text(text) -> str:
    """Text shown as itself inside Streamlit markdown (notices, cards, captions, labels): no HTML, no
    link (auto-links included), image, emphasis, heading, list, directive, icon or LaTeX; one line."""
    flat = _LINE_BREAKS.sub(" ", str(text)).strip(" ")
    flat = _WWW.sub(r"\1" + WORD_JOINER, flat)
    escaped = flat.translate(_MARKDOWN_ESCAPES)
    return escaped.replace(":", ":" + WORD_JOINER).replace("@", "@" + WORD_JOINER)


def fmt_phone(text) -> str:
    """Phone numbers as a French reader writes them (« 05 65 34 12 00 »), read by `phonenumbers`;
    several numbers are joined by « / »; text that holds no number is returned as it is."""
    if not present(text) or not str(text).strip():
        return ""
    style = phonenumbers.PhoneNumberFormat
    found = [
        phonenumbers.format_number(
            match.number,
            style.NATIONAL
            if phonenumbers.region_code_for_number(match.number) == "FR"
            else style.INTERNATIONAL,
        )
        for match in phonenumbers.PhoneNumberMatcher(str(text), "FR")
    ]
    return " / ".join(dict.fromkeys(found)) if found else str(text)
