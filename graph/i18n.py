"""The language of what gridlink shows people: Simplified Chinese by default, English on request.

Messages are written in English in the code (the gettext msgids) and translated in one catalog,
``graph/locale/zh_CN/LC_MESSAGES/gridlink.po`` (compiled to ``gridlink.mo`` with Babel, see
``python -m graph.i18n``). A page picks its language from ``?lang=`` first, then ``GRIDLINK_LANG``, then Chinese.
"""

from __future__ import annotations

import gettext as gnu_gettext
import os
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "gridlink"
#: language code -> gettext locale folder (None: the msgids themselves)
LANGUAGES: dict[str, str | None] = {"zh": "zh_CN", "en": None}
DEFAULT = "zh"


def pick(requested: str | None = None) -> str:
    """The language to use: ``requested`` when known, else ``GRIDLINK_LANG`` when known, else Chinese.

    Example:
        >>> pick("en")
        'en'
    """
    for candidate in (requested, os.environ.get("GRIDLINK_LANG")):
        code = (candidate or "").strip().lower().replace("_", "-").split("-")[0]
        if code in LANGUAGES:
            return code
    return DEFAULT


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> gnu_gettext.NullTranslations:
    """The compiled catalog of ``lang`` (the English msgids for ``en``)."""
    folder = LANGUAGES.get(lang)
    if folder is None:
        return gnu_gettext.NullTranslations()
    return gnu_gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[folder])


def gettext(message: str, lang: str | None = None) -> str:
    """``message`` (an English msgid) in ``lang`` (default: :func:`pick`, i.e. ``GRIDLINK_LANG`` or Chinese).

    Example:
        >>> gettext("Colour legend", "en")
        'Colour legend'
    """
    return translations(pick(lang)).gettext(message)


def compile_catalogs() -> list[Path]:
    """Compile every ``.po`` of the catalog into its ``.mo`` (needs Babel, a test/dev dependency)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as f:
            catalog = read_po(f)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        written.append(mo)
    translations.cache_clear()
    return written


if __name__ == "__main__":
    for path in compile_catalogs():
        print(f"wrote {path}")
