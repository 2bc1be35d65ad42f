"""A problem found in one row: row number, column, value and why — in the clerk's words."""

from __future__ import annotations

from dataclasses import dataclass, field

from kaunet_desk.i18n import N_, _

# Codes shared with domain.customer_fields (required, not_kana, invalid_postal, …) keep
# the form's wording; the others are the file's own.
_REASONS = {
    "required": N_("必須の項目が空です"),
    "not_kana": N_("フリガナはカタカナかひらがなで入力してください"),
    "invalid_postal": N_("郵便番号は 7 桁の数字にしてください(例: 100-0001)"),
    "invalid_phone": N_("日本の電話番号として正しくありません(例: 03-1234-5678)"),
    "invalid_email": N_("メールアドレスの形式が正しくありません(例: info@example.co.jp)"),
    "negative": N_("マイナスの金額は取り込めません"),
    "not_a_number": N_("金額は円単位の整数にしてください(例: 12345)"),
    "too_large": N_("金額が大きすぎます({limit} 円まで)"),
    "invalid_date": N_("日付として正しくありません(例: 2026/02/28)"),
    "date_out_of_range": N_("{first}年から{last}年までの日付にしてください"),
    "unknown_choice": N_("「{choices}」のどれかにしてください"),
    "too_long": N_("長すぎます({limit} 文字まで)"),
    "control_char": N_("使えない文字(制御文字・外字)が含まれています"),
    "invalid_kaunet_id": N_("カウネット ID に空白は使えません"),
    "column_count": N_("列の数が見出しと違います(見出し {expected} 列、この行 {actual} 列)"),
    "undecodable": N_(
        "文字コード {encoding} では読めない文字があります。文字コードを選び直してください"
    ),
    "line_too_long": N_("1 行が長すぎるため読み飛ばしました"),
    "field_too_long": N_("値が長すぎるため読み飛ばしました"),
    "broken_csv": N_("CSV の形式が崩れています(引用符 \" の対応を確認してください)"),
    "unknown_kaunet_id": N_("このカウネット ID は登録されていません"),
    "duplicate_in_file": N_("同じ内容の行がこのファイルの前の行にあります"),
    "duplicate_order": N_("この注文(カウネット ID と注文番号)はすでに登録されています"),
    "duplicate_kaunet_id": N_("このカウネット ID はすでに登録されています"),
    "duplicate_customer": N_("同じ顧客名・電話番号のお客さまがすでに登録されています"),
    "total_mismatch": N_("小計から計算した合計 {expected} 円と違います"),
    "shipped_before_order": N_("発送日が注文日より前です"),
    "shipped_without_date": N_("状態が「発送済」なのに発送日がありません"),
    "points_over_total": N_("ポイント利用が合計(税込)を超えています"),
    "status_count": N_("カウネットID状態の数がカウネットIDの数と違います"),
    "cancelled_without_date": N_("状態が「解約」なのに解約日がありません"),
    "date_without_cancel": N_("解約日があるのに状態が「解約」ではありません"),
}


@dataclass(frozen=True)
class RowError:
    row_no: int  # as Excel numbers it: the header is row 1
    column: str  # the file's header text; "" for the whole row
    value: str
    reason: str  # a code of _REASONS
    params: dict[str, object] = field(default_factory=dict)

    def sentence(self) -> str:
        text = _(_REASONS.get(self.reason, self.reason))
        return text.format(**self.params) if self.params else text

    def describe(self) -> str:
        """One line for a terminal or a log: 12 行目「電話番号」"03-12": reason."""
        where = _("{row} 行目").format(row=self.row_no)
        if self.column:
            where += f"「{self.column}」"
        if self.value:
            where += f" {short(self.value)!r}"
        return f"{where}: {self.sentence()}"


def short(value: str, limit: int = 40) -> str:
    """A cell as it is quoted back to the clerk: long ones cut, the cut marked."""
    return value if len(value) <= limit else value[:limit] + "…"


class ValueProblem(ValueError):
    """Raised by the cell parsers; the row check turns it into a RowError."""

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


ERROR_HEADERS = (N_("行"), N_("列"), N_("値"), N_("理由"))


def error_rows(errors: list[RowError]) -> list[list[object]]:
    """The error table as written to a CSV for the clerk (see writers.write_rows)."""
    return [[e.row_no, e.column, e.value, e.sentence()] for e in errors]
