"""Codes: the unified social credit code (GB 32100-2015), the organization code (GB 11714-1997) and the
12-digit statistical division code.

Worked examples (domain brief §5): ``91350100M000100Y43`` is valid, ``91350100M000100Y4Z`` is not;
``914403001922038216`` (Huawei) is valid; the Fujian pilot-era ``91350100M0001TGQXM`` fails the mod-31 check yet is
a real code — checks *flag*, they never drop a row.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from ingest.cells import is_scientific

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, Z, S, V
_USCC_VALUE = {c: i for i, c in enumerate(USCC_CHARS)}
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, ...
_USCC_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


@dataclass(frozen=True)
class UsccCheck:
    """Result of checking one credit code.

    Attributes:
        code: the normalized code (upper case, separators removed), or ``None`` when the cell was empty.
        usable: the code has the 18-character shape and can serve as the organization's key.
        valid: both check characters are right.
        issue: why it failed (``None`` when valid).
    """

    code: str | None
    usable: bool
    valid: bool
    issue: str | None


def normalize_uscc(raw: str | None) -> str | None:
    """Upper case, without spaces, dashes and dots; ``None`` for an empty cell."""
    if raw is None:
        return None
    code = re.sub(r"[\s\-_.·]", "", str(raw)).upper()
    return code or None


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters.

    Raises:
        ValueError: a character outside the 31-character set.
    """
    if len(first17) != 17:
        raise ValueError(f"a credit code body has 17 characters, not {len(first17)}")
    total = sum(map(operator.mul, map(_USCC_VALUE.__getitem__, first17), _USCC_WEIGHTS))
    return USCC_CHARS[(31 - total % 31) % 31]


def org_code_check_char(body8: str) -> str:
    """The GB 11714 check character (``0``-``9`` or ``X``) for an 8-character organization code body.

    Raises:
        ValueError: a character that is not a digit or a Latin capital.
    """
    total = 0
    for c, w in zip(body8, _ORG_WEIGHTS, strict=True):
        if c.isdigit():
            total += int(c) * w
        elif "A" <= c <= "Z":
            total += (ord(c) - ord("A") + 10) * w
        else:
            raise ValueError(f"invalid organization code character {c!r}")
    check = 11 - total % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def check_uscc(raw: str | None) -> UsccCheck:
    """Normalize and check a unified social credit code.

    Args:
        raw: the cell as read.

    Returns:
        The verdict; ``usable`` codes (right shape) key the organization even when a check character fails.
    """
    if raw is not None and is_scientific(str(raw).strip()):
        return UsccCheck(str(raw).strip(), False, False,
                         "digits lost: Excel stored the code as a number (9.1E+17); format the column as text")
    code = normalize_uscc(raw)
    if code is None:
        return UsccCheck(None, False, False, None)
    if len(code) != 18:
        return UsccCheck(code, False, False, f"length {len(code)}, a credit code has 18 characters")
    if not _USCC_SHAPE.match(code):
        return UsccCheck(code, False, False,
                         "characters outside the code set (I, O, Z, S, V are never used; positions 3-8 are digits)")
    issues = []
    if uscc_check_char(code[:17]) != code[17]:
        issues.append(f"GB 32100 check character should be {uscc_check_char(code[:17])}")
    try:
        if org_code_check_char(code[8:16]) != code[16]:
            issues.append("GB 11714 organization-code check fails")
    except ValueError:
        issues.append("GB 11714 organization code has invalid characters")
    return UsccCheck(code, True, not issues, "; ".join(issues) or None)


# ---- 12-digit statistical division codes -----------------------------------------------------------------

LEVELS = ("province", "city", "district", "street", "community")


def pad_division(code: str | None) -> str | None:
    """A 2/4/6/9/12-digit division code as 12 digits (``510107`` -> ``510107000000``); ``None`` if not digits."""
    if code is None:
        return None
    text = re.sub(r"\s", "", str(code))
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit() or len(text) not in (2, 4, 6, 9, 12):
        return None
    return text.ljust(12, "0")


def division_level(code12: str) -> str:
    """The level of a 12-digit code from its zero segments."""
    if code12[9:] != "000":
        return "community"
    if code12[6:9] != "000":
        return "street"
    if code12[4:6] != "00":
        return "district"
    if code12[2:4] != "00":
        return "city"
    return "province"


def parent_code(code12: str) -> str | None:
    """The code of the enclosing division (community -> street -> district -> city -> province)."""
    level = division_level(code12)
    cut = {"community": 9, "street": 6, "district": 4, "city": 2}.get(level)
    return None if cut is None else code12[:cut].ljust(12, "0")


def street_kind(code12: str) -> str:
    """街道 / 镇 / 乡 / 类似乡级 from positions 7-9 (GB/T 10114 ranges)."""
    n = int(code12[6:9])
    if n < 100:
        return "街道"
    if n < 200:
        return "镇"
    if n < 400:
        return "乡"
    return "类似乡级"


def community_kind(code12: str) -> str:
    """社区 / 村 / 类似村级 from positions 10-12 (001-199 居委会, 200-399 村委会)."""
    n = int(code12[9:12])
    if n < 200:
        return "社区"
    if n < 400:
        return "村"
    return "类似村级"


def district_kind(name: str | None) -> str:
    """区 / 县 / 市 (county-level city) / 旗 from the name's last character."""
    if name and name[-1] in "区县市旗":
        return name[-1]
    return "区"
