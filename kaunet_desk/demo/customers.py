"""The customer ledger of the demo: customers, Kaunet IDs, limit and contact changes, FAX forms.

Each customer is made in one go together with its child rows, and leaves behind a small
`Buyer` profile — all the order phase needs — so the big dicts can be written and dropped.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from kaunet_desk.demo import names, phones, postal
from kaunet_desk.domain import (
    ApplicationStatus,
    CustomerKind,
    CustomerStatus,
    DealerChangeState,
    InvoicePaymentMethod,
    dealer_change_months,
    search_key,
)

Row = dict[str, object]
Emit = Callable[[str, Row], None]

# FAQ 月間購入上限金額: set by screening at application. Tiers are our assumption.
LIMIT_TIERS = (100_000, 300_000, 500_000, 1_000_000)
_CORPORATE_LIMIT_WEIGHTS = (25, 40, 23, 12)
_SOLE_LIMIT_WEIGHTS = (60, 32, 8, 0)

_INVOICE_PAYMENTS = (
    InvoicePaymentMethod.BANK_DEBIT.value,
    InvoicePaymentMethod.ACCOUNT_TRANSFER.value,
    InvoicePaymentMethod.POSTAL_CONVENI.value,
)
_INVOICE_PAYMENT_WEIGHTS = (45, 30, 25)

# The other dealers a Kaunet account can be registered with (fictitious).
OTHER_DEALERS = (
    "株式会社オフィスリンク",
    "ビズサプライ株式会社",
    "関東事務機販売株式会社",
    "西日本オフィスパートナーズ株式会社",
    "株式会社みどり文具センター",
)

_RAISE_REASONS = (
    "事業拡大に伴う増額申請（KDDI 審査承認済み）",
    "与信再審査の結果、増額",
    "支店開設に伴う購入増のため増額",
)
_LOWER_REASONS = (
    "KDDI 請求書の支払遅延が続いたため減額",
    "与信再審査の結果、減額",
)

# Shares of the customer base; every state is also forced on a few fixed indexes (see
# _forced) so that even a 300-customer demo shows each case.
_SOLE_SHARE = 0.22
_CANCELLED_SHARE = 0.03
_CATALOGUE_STOP_SHARE = 0.05
_LIMIT_CHANGE_SHARE = 0.015
_CONTACT_CHANGE_SHARE = 0.025
_DEALER_CHANGE_SHARE = 0.02
_HEAVY_SHARE = 0.005

_FAX_STATES = (
    DealerChangeState.WAITING,
    DealerChangeState.RETURNED,
    DealerChangeState.EXPIRED,
    DealerChangeState.EFFECTIVE,
)
_FAX_STATE_WEIGHTS = (20, 15, 25, 40)


@dataclass(slots=True)
class Account:
    id: int
    applied_ord: int  # date.toordinal() of applied_on
    # Orders dated before this ordinal were bought through another dealer (FAQ 購入履歴).
    other_dealer_until: int = 0
    other_dealer_name: str = ""


@dataclass(slots=True)
class Buyer:
    """What the order and billing phases need to know about one customer."""

    id: int
    kind: str
    invoice_payment: str
    combined_billing: bool
    limit_yen: int
    # (first ordinal the current limit applies, the limit before) when it was changed.
    limit_before: tuple[int, int] | None
    first_ord: int  # first day orders can be dated
    last_ord: int  # last day orders can be dated (cancellation or today)
    accounts: list[Account] = field(default_factory=list)
    heavy: bool = False


@dataclass
class CustomerCounters:
    """Next ids; they are ours, so child rows reference parents without round trips."""

    account: int = 0
    limit_change: int = 0
    contact_change: int = 0
    dealer_change: int = 0
    fax_states_forced: int = 0
    domains: dict[str, int] = field(default_factory=dict)


@cache
def _name_key(text: str) -> str:
    """search_key of a name: names repeat across a big ledger, so compute each once."""
    return search_key(text)


def _ordinal(value: object) -> int:
    assert isinstance(value, date)
    return value.toordinal()


def kaunet_id(index: int, salt: int) -> str:
    """K + 9 digits, unique: index ↦ (a·index + salt) mod 10⁹ is a bijection (a coprime)."""
    return f"K{(index * 387_420_489 + salt) % 1_000_000_000:09d}"


class CustomerMaker:
    def __init__(
        self,
        rng: random.Random,
        today: date,
        pool: list[postal.PostalRow],
        emit: Emit,
    ) -> None:
        self.rng = rng
        self.today = today
        self.today_ord = today.toordinal()
        self.window_start_ord = self.today_ord - 730  # orders cover the two years before today
        self.pool = pool
        self.emit = emit
        self.ids = CustomerCounters()
        self.kaunet_salt = rng.randrange(1_000_000_000)

    # -- one customer ---------------------------------------------------------------------

    def make(self, index: int) -> Buyer:
        rng = self.rng
        cid = index + 1
        kind = (
            CustomerKind.SOLE_PROPRIETOR if rng.random() < _SOLE_SHARE else CustomerKind.CORPORATE
        )
        business = names.business_name(rng, kind)
        place = self.pool[rng.randrange(len(self.pool))]
        building = (
            rng.choice(names.SURNAMES)[0]
            if kind is CustomerKind.CORPORATE and rng.random() < 0.35
            else ""
        )
        address = postal.street_address(rng, place, building=building)
        phone, fax = self._phone_and_fax(place.prefecture, kind)
        contact = names.person_name(rng, business.owner_surname)
        email = self._email(business, contact)
        limit = rng.choices(
            LIMIT_TIERS,
            _SOLE_LIMIT_WEIGHTS
            if kind is CustomerKind.SOLE_PROPRIETOR
            else _CORPORATE_LIMIT_WEIGHTS,
        )[0]

        first_status = self._account_status(first=True)
        joined_ord = self._joined(first_status)
        accounts_rows = self._accounts(cid, joined_ord, first_status)
        account_facts = [
            (int(r["id"]), str(r["application_status"]), _ordinal(r["applied_on"]))
            for r in accounts_rows
        ]
        end_ord = self.today_ord
        status = CustomerStatus.ACTIVE.value
        cancelled_on: date | None = None
        # FAQ カウネットの解約方法: a cancelled customer stays in the ledger with its date.
        if (
            rng.random() < _CANCELLED_SHARE or index % 97 == 41
        ) and self.today_ord - joined_ord > 90:
            end_ord = rng.randint(joined_ord + 60, self.today_ord - 1)
            status = CustomerStatus.CANCELLED.value
            cancelled_on = date.fromordinal(end_ord)
        catalogue_stopped_on: date | None = None
        # FAQ 定期のカタログ発送を止めるには: recorded after the customer asked the help line.
        if rng.random() < _CATALOGUE_STOP_SHARE or index % 61 == 23:
            catalogue_stopped_on = date.fromordinal(rng.randint(joined_ord, end_ord))

        buyer = Buyer(
            id=cid,
            kind=kind.value,
            invoice_payment=rng.choices(_INVOICE_PAYMENTS, _INVOICE_PAYMENT_WEIGHTS)[0],
            combined_billing=rng.random() < 0.65,
            limit_yen=limit,
            limit_before=None,
            first_ord=max(joined_ord, self.window_start_ord),
            last_ord=end_ord,
            heavy=rng.random() < _HEAVY_SHARE or index % 50 == 7,
        )
        for account_id, status_, applied_ord in account_facts:
            if status_ == ApplicationStatus.ACTIVE.value:
                buyer.accounts.append(Account(account_id, applied_ord))
        changed_ords = [joined_ord]
        if rng.random() < _LIMIT_CHANGE_SHARE or index % 83 == 3:
            changed_ords.append(self._limit_change(buyer, joined_ord, end_ord))
        if rng.random() < _CONTACT_CHANGE_SHARE or index % 71 == 5:
            changed_ords.append(
                self._contact_change(cid, place, phone, fax, address, joined_ord, end_ord)
            )
        if (rng.random() < _DEALER_CHANGE_SHARE or index % 25 == 11) and cancelled_on is None:
            self._dealer_change(buyer, account_facts[0][0])

        name_kana = business.kana
        kaunet_ids = [str(r["kaunet_id"]) for r in accounts_rows]
        # Same haystack as store.services.customer_writes.search_text.
        search_text = " ".join(
            [
                _name_key(business.name),
                _name_key(name_kana),
                *(search_key(p) for p in (phone, fax, email, *kaunet_ids) if p),
            ]
        )
        created_at = datetime.combine(date.fromordinal(joined_ord), time(9, 0)) + timedelta(
            minutes=rng.randrange(9 * 60)
        )
        updated_at = max(
            created_at, datetime.combine(date.fromordinal(max(changed_ords)), time(17, 30))
        )
        self.emit(
            "customers",
            {
                "id": cid,
                "name": business.name,
                "name_kana": name_kana,
                "kind": kind.value,
                # 約款 第13条/第14条: the discount matters only for a 個人事業主's fees.
                "disability_discount": kind is CustomerKind.SOLE_PROPRIETOR and rng.random() < 0.04,
                "postal_code": place.formatted_code,
                "address": address,
                "phone": phone,
                "fax": fax,
                "contact_person": contact.name,
                "email": email,
                "invoice_payment": buyer.invoice_payment,
                "combined_billing": buyer.combined_billing,
                "monthly_limit_yen": buyer.limit_yen,
                "status": status,
                "catalogue_stopped_on": catalogue_stopped_on,
                "cancelled_on": cancelled_on,
                "search_text": search_text,
                "created_at": created_at,
                "updated_at": updated_at,
            },
        )
        for row in accounts_rows:
            self.emit("kaunet_accounts", row)
        return buyer

    # -- parts ----------------------------------------------------------------------------

    def _phone_and_fax(self, prefecture: str, kind: CustomerKind) -> tuple[str, str]:
        rng = self.rng
        # A small shop may give the owner's mobile; its FAX is still a landline.
        if kind is CustomerKind.SOLE_PROPRIETOR and rng.random() < 0.15:
            return phones.mobile(rng), phones.landline(rng, prefecture)
        phone = phones.landline(rng, prefecture)
        return phone, phones.fax_for(rng, phone)

    def _email(self, business: names.BusinessName, contact: names.PersonName) -> str:
        """ASCII, on a reserved-looking fake domain; unique, as it is the My KDDI Biz login."""
        stem = business.domain_stem
        seen = self.ids.domains.get(stem, 0) + 1
        self.ids.domains[stem] = seen
        domain = f"{stem}.example.jp" if seen == 1 else f"{stem}{seen}.example.jp"
        local = self.rng.choice(("info", "office", "soumu", "keiri", contact.local_part))
        return f"{local}@{domain}"

    def _account_status(self, *, first: bool) -> str:
        # FAQ アイコンが表示されません: the three reasons an ID is not (yet) usable.
        r = self.rng.random()
        active_share = 0.94 if first else 0.80
        if r < active_share:
            return ApplicationStatus.ACTIVE.value
        rest = (1 - active_share) / 3
        if r < active_share + rest:
            return ApplicationStatus.IN_PROGRESS.value
        if r < active_share + 2 * rest:
            return ApplicationStatus.OTHER_DEALER.value
        return ApplicationStatus.NOT_ACCEPTED.value

    def _recent_ord(self, status: str) -> int:
        """When an application still stuck in `status` was made."""
        rng = self.rng
        if status == ApplicationStatus.IN_PROGRESS.value:
            return self.today_ord - rng.randint(0, 14)
        return self.today_ord - rng.randint(0, 90)

    def _joined(self, first_status: str) -> int:
        if first_status != ApplicationStatus.ACTIVE.value:
            return self._recent_ord(first_status)
        # Most of the ledger predates the two-year order window; a fifth joined within it.
        if self.rng.random() < 0.8:
            return self.today_ord - self.rng.randint(731, 3650)
        return self.today_ord - self.rng.randint(0, 730)

    def _accounts(self, cid: int, joined_ord: int, first_status: str) -> list[Row]:
        rng = self.rng
        r = rng.random()
        count = 1 if r < 0.75 else 2 if r < 0.95 else 3
        rows: list[Row] = []
        for n in range(count):
            status = first_status if n == 0 else self._account_status(first=False)
            if n == 0:
                applied = joined_ord
            elif status == ApplicationStatus.ACTIVE.value:
                # FAQ カウネット契約追加申込: an additional ID, applied for after joining.
                applied = rng.randint(joined_ord, self.today_ord)
            else:
                applied = max(joined_ord, self._recent_ord(status))
            self.ids.account += 1
            rows.append(
                {
                    "id": self.ids.account,
                    "customer_id": cid,
                    "kaunet_id": kaunet_id(self.ids.account, self.kaunet_salt),
                    "application_status": status,
                    "applied_on": date.fromordinal(applied),
                }
            )
        return rows

    def _limit_change(self, buyer: Buyer, joined_ord: int, end_ord: int) -> int:
        """FAQ 月間購入上限金額: not changed after joining — these are the logged exceptions."""
        rng = self.rng
        changed = rng.randint(min(max(joined_ord, self.window_start_ord), end_ord), end_ord)
        old = rng.choice([t for t in LIMIT_TIERS if t != buyer.limit_yen])
        reason = rng.choice(_RAISE_REASONS if buyer.limit_yen > old else _LOWER_REASONS)
        buyer.limit_before = (changed, old)
        self.ids.limit_change += 1
        self.emit(
            "limit_changes",
            {
                "id": self.ids.limit_change,
                "customer_id": buyer.id,
                "changed_on": date.fromordinal(changed),
                "old_yen": old,
                "new_yen": buyer.limit_yen,
                "reason": reason,
            },
        )
        return changed

    def _contact_change(
        self,
        cid: int,
        place: postal.PostalRow,
        phone: str,
        fax: str,
        address: str,
        joined_ord: int,
        end_ord: int,
    ) -> int:
        """A move (〒 and address) or a new number, as reported to カウネットヘルプコール (FAQ)."""
        rng = self.rng
        changed = rng.randint(min(joined_ord + 30, end_ord), end_ord)
        changes: list[tuple[str, str, str]]
        if rng.random() < 0.6:
            old_place = self.pool[rng.randrange(len(self.pool))]
            old_address = postal.street_address(rng, old_place)
            changes = [("postal_code", old_place.formatted_code, place.formatted_code)]
            changes.append(("address", old_address, address))
        else:
            old_phone = phones.landline(rng, place.prefecture)
            changes = [("phone", old_phone, phone)]
            if not phone.startswith(phones.MOBILE_PREFIXES):
                changes.append(("fax", phones.fax_for(rng, old_phone), fax))
        for field_name, old, new in changes:
            self.ids.contact_change += 1
            self.emit(
                "contact_changes",
                {
                    "id": self.ids.contact_change,
                    "customer_id": cid,
                    "changed_on": date.fromordinal(changed),
                    "field": field_name,
                    "old_value": old,
                    "new_value": new,
                },
            )
        return changed

    def _dealer_change(self, buyer: Buyer, first_account_id: int) -> None:
        """A dealer-change FAX form in one of its states (FAQ 販売店について)."""
        rng = self.rng
        today = self.today_ord
        # The first four forms of a build take the four states in turn: all always present.
        if self.ids.fax_states_forced < len(_FAX_STATES):
            state = _FAX_STATES[self.ids.fax_states_forced]
            self.ids.fax_states_forced += 1
        else:
            state = rng.choices(_FAX_STATES, _FAX_STATE_WEIGHTS)[0]
        # The form moves an ID we can sell on; a customer with none yet gets it for the first.
        moved = buyer.accounts[0] if buyer.accounts else None
        account_id = moved.id if moved else first_account_id
        returned: int | None = None
        effective: date | None = None
        seen: date | None = None
        logo: date | None = None
        closed: date | None = None
        if state is DealerChangeState.WAITING:
            sent = today - rng.randint(0, 10)
            deadline = today + rng.randint(4, 14)
        elif state is DealerChangeState.RETURNED:
            # Returned in time, KDDI has not confirmed the change yet.
            returned = today - rng.randint(0, 25)
            sent = returned - rng.randint(1, 14)
            deadline = returned + rng.randint(0, 10)  # 0: returned on the deadline day counts
        elif state is DealerChangeState.EXPIRED:
            deadline = today - rng.randint(1, 300)
            sent = deadline - rng.randint(14, 21)
            # Clerks close a missed deadline within weeks; the recent ones are still open.
            if today - deadline > 30:
                closed = date.fromordinal(deadline + rng.randint(3, 25))
        else:
            # 62+ days back: both possible months (翌月 / 翌々月) have begun by today.
            returned = today - rng.randint(62, 600)
            sent = returned - rng.randint(1, 14)
            deadline = returned + rng.randint(0, 10)
            effective = rng.choice(dealer_change_months(date.fromordinal(returned)))
            if rng.random() < 0.7:  # the customer's notification email (FAQ)
                seen = date.fromordinal(min(effective.toordinal() + rng.randint(0, 10), today))
                if rng.random() < 0.7:  # the logo at the top left after login (FAQ)
                    logo = date.fromordinal(min(seen.toordinal() + rng.randint(0, 20), today))
        if moved is not None:
            moved.other_dealer_name = rng.choice(OTHER_DEALERS)
            # Purchases before the change took effect went through the other dealer; until
            # then (waiting, returned, expired) every purchase still does.
            moved.other_dealer_until = effective.toordinal() if effective else today + 1
        self.ids.dealer_change += 1
        self.emit(
            "dealer_change_requests",
            {
                "id": self.ids.dealer_change,
                "customer_id": buyer.id,
                "kaunet_account_id": account_id,
                "fax_sent_on": date.fromordinal(sent),
                "deadline": date.fromordinal(deadline),
                "returned_on": date.fromordinal(returned) if returned is not None else None,
                "effective_month": effective,
                "notification_seen_on": seen,
                "logo_confirmed_on": logo,
                "closed_on": closed,
            },
        )
