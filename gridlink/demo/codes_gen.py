"""Generating codes: unified social credit codes, resident ID numbers, and their realistic corruptions.

The check characters come from :mod:`ingest.codes` (the one implementation of GB 32100 / GB 11714 in the
project); this module only adds the generating direction.
Uniqueness comes from affine permutations of an index, so no set of issued codes is kept in memory.
"""

from __future__ import annotations

import hashlib
import math

from ingest.codes import USCC_CHARS, check_uscc, org_code_check_char, uscc_check_char

_ID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_FULLWIDTH = str.maketrans("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                           "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ")


def make_uscc(dept: str, category: str, region: str, body8: str) -> str:
    """A valid 18-character code: department + category + 6-digit region + org code (body + check) + check.

    An org-code check of ``X`` is allowed by GB 11714 and by the USCC character set.
    """
    first17 = dept + category + region + body8 + org_code_check_char(body8)
    return first17 + uscc_check_char(first17)


def is_valid_uscc(code: str) -> bool:
    """True when ``code`` passes both checks of :func:`ingest.codes.check_uscc` as written (no normalization)."""
    return " " not in code and check_uscc(code).valid


def id_number(region6: str, birth: str, seq3: str) -> str:
    """A valid-format 18-digit resident ID number (GB 11643 check character); fake by construction."""
    first17 = region6 + birth + seq3
    total = sum(int(ch) * w for ch, w in zip(first17, _ID_W, strict=True))
    return first17 + "10X98765432"[total % 11]


class Permutation:
    """A bijection of ``range(modulus)``, i -> a*i + b mod m, seeded from ``key``.

    Distinct inputs give distinct outputs, hence distinct codes and names.
    """

    def __init__(self, key: str, modulus: int) -> None:
        h = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=16).digest(), "big")
        a = h % modulus or 1
        while math.gcd(a, modulus) != 1:
            a += 1
        self.a, self.b, self.m = a, (h >> 64) % modulus, modulus

    def __call__(self, i: int) -> int:
        """The image of ``i`` (``0 <= i < modulus``)."""
        return (self.a * i + self.b) % self.m


def base31(n: int, width: int) -> str:
    """``n`` written with ``width`` USCC characters (most significant first)."""
    out = []
    for _ in range(width):
        n, r = divmod(n, 31)
        out.append(USCC_CHARS[r])
    return "".join(reversed(out))


# ---- corruptions seen in real exports (every one is recorded in the manifest) ----

def fullwidth(code: str) -> str:
    """Full-width digits and letters, as typed with a Chinese IME."""
    return code.translate(_FULLWIDTH)


def spaced(code: str) -> str:
    """Spaces inside the code (copied from a printed licence): ``9151 0107 MA6C XXXX XX``."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def bad_check(code: str) -> str:
    """The same code with a wrong check character (a typo)."""
    wrong = USCC_CHARS[(USCC_CHARS.index(code[17]) + 7) % 31]
    return code[:17] + wrong


def pilot_code(region: str, n: int) -> str:
    """A pilot-era (2015) code shaped like Fujian's ``91350100M0001TGQXM`` (domain brief §5): 18 characters, an
    organization code ``M00`` + 5 characters whose GB 11714 check character is right, and a last character that
    fails only the GB 32100 mod-31 check."""
    body = "M00" + base31(n, 5)
    first17 = "91" + region + body + org_code_check_char(body)
    right = uscc_check_char(first17)
    return first17 + USCC_CHARS[(USCC_CHARS.index(right) + 1 + n % 30) % 31]


def excel_mangled(code: str) -> str:
    """What Excel shows for an all-digit code typed into a General cell: ``9.15101E+17``."""
    return f"{float(code):.5E}"
