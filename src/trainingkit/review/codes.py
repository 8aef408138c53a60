"""Finding codes, their Chinese names, and severities: the review's vocabulary.

Codes are public API (``trainingkit review --json``, exercises, reports): never
rename one. Trainees never see a code, only its Chinese name from
:data:`CODE_NAMES`.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["CODES", "CODE_NAMES", "SEVERITIES", "Severity", "code_name"]

Severity = Literal["blocking", "warning", "hint"]

#: Severities, most serious first. ``hint`` is an unsure signal ("请核实：……"): it
#: never makes a draft unregistrable and the exercises do not count it.
SEVERITIES: tuple[Severity, ...] = ("blocking", "warning", "hint")

#: Every finding code, in the order a report lists them. Public API: never rename.
CODES: tuple[str, ...] = (
    "title_format",
    "missing_situation",
    "missing_analysis",
    "missing_suggestions",
    "vague_suggestions",
    "multiple_matters",
    "too_long",
    "state_secret",
    "prohibited",
    "party_internal",
    "litigation",
    "academic",
    "personal_matter",
    "advertising",
    "whistleblowing",
)

#: The Chinese name a trainee sees for each code.
CODE_NAMES: dict[str, str] = {
    "title_format": "标题格式",
    "missing_situation": "缺少情况",
    "missing_analysis": "缺少分析",
    "missing_suggestions": "缺少建议",
    "vague_suggestions": "建议空泛",
    "multiple_matters": "一案多事",
    "too_long": "篇幅过长",
    "state_secret": "涉及秘密",
    "prohibited": "国家明令禁止的事项",
    "party_internal": "党派组织内部事务",
    "litigation": "已进入诉讼或仲裁",
    "academic": "学术研讨",
    "personal_matter": "本人或亲属的个人问题",
    "advertising": "宣传推介具体作品或产品",
    "whistleblowing": "指明举报",
}


def code_name(code: str) -> str:
    """Return the Chinese name of ``code`` (``问题`` for an unknown one, never the id).

    Example:
        >>> code_name("personal_matter")
        '本人或亲属的个人问题'
    """
    return CODE_NAMES.get(code, "问题")
