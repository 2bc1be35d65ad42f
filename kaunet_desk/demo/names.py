"""Business and person names built from parts that each carry their reading.

A name is only ever assembled from (表記, フリガナ) pairs, so the フリガナ of the whole is the
concatenation of the readings and is right by construction. Only readings that are the
usual one for the spelling are listed: names with two common readings (河野 コウノ/カワノ,
中島 ナカジマ/ナカシマ, 大和 ヤマト/ダイワ…) are left out rather than guessed.

Convention (our choice): the legal form (株式会社 / 有限会社 / 合同会社) is NOT part of the
フリガナ. That is how Japanese ledgers sort 五十音順 — 「株式会社山田商事」 files under ヤ,
not under カ — and it holds for 前株 and 後株 alike.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache

import jaconv

from kaunet_desk.domain import CustomerKind

Part = tuple[str, str]  # (表記, フリガナ in full-width katakana)

# Tables packed several pairs to a line; the formatter would give each its own.
# fmt: off
SURNAMES: tuple[Part, ...] = (
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"),
    ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"),
    ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"),
    ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"), ("井上", "イノウエ"),
    ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
    ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"), ("阿部", "アベ"),
    ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("石井", "イシイ"), ("小川", "オガワ"),
    ("前田", "マエダ"), ("岡田", "オカダ"), ("長谷川", "ハセガワ"), ("藤田", "フジタ"),
    ("後藤", "ゴトウ"), ("近藤", "コンドウ"), ("村上", "ムラカミ"), ("遠藤", "エンドウ"),
    ("青木", "アオキ"), ("坂本", "サカモト"), ("福田", "フクダ"), ("太田", "オオタ"),
    ("西村", "ニシムラ"), ("藤井", "フジイ"), ("金子", "カネコ"), ("岡本", "オカモト"),
    ("藤原", "フジワラ"), ("中野", "ナカノ"), ("三浦", "ミウラ"), ("原田", "ハラダ"),
    ("中川", "ナカガワ"), ("松田", "マツダ"), ("竹内", "タケウチ"), ("小野", "オノ"),
    ("田村", "タムラ"), ("中山", "ナカヤマ"), ("和田", "ワダ"), ("石田", "イシダ"),
    ("森田", "モリタ"), ("上田", "ウエダ"), ("原", "ハラ"), ("内田", "ウチダ"),
    ("柴田", "シバタ"), ("酒井", "サカイ"), ("宮崎", "ミヤザキ"), ("横山", "ヨコヤマ"),
    ("高木", "タカギ"), ("安藤", "アンドウ"), ("宮本", "ミヤモト"), ("大野", "オオノ"),
    ("小島", "コジマ"), ("谷口", "タニグチ"), ("工藤", "クドウ"), ("今井", "イマイ"),
    ("丸山", "マルヤマ"), ("増田", "マスダ"), ("杉山", "スギヤマ"), ("村田", "ムラタ"),
    ("大塚", "オオツカ"), ("小山", "コヤマ"), ("平野", "ヒラノ"), ("藤本", "フジモト"),
    ("上野", "ウエノ"), ("野口", "ノグチ"), ("武田", "タケダ"), ("松井", "マツイ"),
    ("千葉", "チバ"), ("岩崎", "イワサキ"), ("菅原", "スガワラ"), ("木下", "キノシタ"),
    ("久保", "クボ"), ("佐野", "サノ"), ("野村", "ノムラ"), ("松尾", "マツオ"),
    ("市川", "イチカワ"), ("菊地", "キクチ"), ("杉本", "スギモト"), ("古川", "フルカワ"),
    ("大島", "オオシマ"), ("水野", "ミズノ"), ("桜井", "サクライ"), ("高野", "タカノ"),
    ("山内", "ヤマウチ"), ("西田", "ニシダ"), ("飯田", "イイダ"), ("服部", "ハットリ"),
    ("秋山", "アキヤマ"), ("北村", "キタムラ"), ("永井", "ナガイ"), ("小松", "コマツ"),
    ("島田", "シマダ"), ("山中", "ヤマナカ"), ("平田", "ヒラタ"), ("浅野", "アサノ"),
    ("大西", "オオニシ"), ("松下", "マツシタ"), ("荒木", "アラキ"), ("大久保", "オオクボ"),
    ("熊谷", "クマガイ"), ("川口", "カワグチ"), ("岩田", "イワタ"), ("辻", "ツジ"),
    ("望月", "モチヅキ"), ("星野", "ホシノ"), ("堀", "ホリ"), ("関", "セキ"),
    ("樋口", "ヒグチ"), ("本田", "ホンダ"), ("福島", "フクシマ"), ("川村", "カワムラ"),
    ("小池", "コイケ"), ("西川", "ニシカワ"), ("安田", "ヤスダ"), ("五十嵐", "イガラシ"),
    ("吉村", "ヨシムラ"), ("早川", "ハヤカワ"), ("片山", "カタヤマ"), ("新井", "アライ"),
    ("宮田", "ミヤタ"), ("田口", "タグチ"), ("土屋", "ツチヤ"), ("大橋", "オオハシ"),
)

MALE_GIVEN: tuple[Part, ...] = (
    ("太郎", "タロウ"), ("一郎", "イチロウ"), ("健一", "ケンイチ"), ("誠", "マコト"),
    ("浩", "ヒロシ"), ("大輔", "ダイスケ"), ("翔太", "ショウタ"), ("拓也", "タクヤ"),
    ("直樹", "ナオキ"), ("和也", "カズヤ"), ("達也", "タツヤ"), ("健太", "ケンタ"),
    ("隆", "タカシ"), ("修", "オサム"), ("学", "マナブ"), ("剛", "ツヨシ"),
    ("亮", "リョウ"), ("悠斗", "ユウト"), ("蓮", "レン"), ("正樹", "マサキ"),
)

FEMALE_GIVEN: tuple[Part, ...] = (
    ("花子", "ハナコ"), ("恵子", "ケイコ"), ("裕子", "ユウコ"), ("美穂", "ミホ"),
    ("由美", "ユミ"), ("真由美", "マユミ"), ("陽子", "ヨウコ"), ("直美", "ナオミ"),
    ("明美", "アケミ"), ("さくら", "サクラ"), ("美咲", "ミサキ"), ("彩", "アヤ"),
    ("麻衣", "マイ"), ("智子", "トモコ"), ("久美子", "クミコ"), ("綾香", "アヤカ"),
    ("千尋", "チヒロ"), ("香織", "カオリ"), ("幸子", "サチコ"), ("奈々", "ナナ"),
)

# The distinctive half of a company name when it is not a family name.
COMPANY_CORES: tuple[Part, ...] = (
    ("東洋", "トウヨウ"), ("中央", "チュウオウ"), ("富士", "フジ"), ("太平洋", "タイヘイヨウ"),
    ("北斗", "ホクト"), ("青葉", "アオバ"), ("若葉", "ワカバ"), ("朝日", "アサヒ"),
    ("三協", "サンキョウ"), ("共栄", "キョウエイ"), ("協和", "キョウワ"), ("昭和", "ショウワ"),
    ("大成", "タイセイ"), ("光和", "コウワ"), ("丸一", "マルイチ"), ("山一", "ヤマイチ"),
    ("新栄", "シンエイ"), ("東和", "トウワ"), ("第一", "ダイイチ"), ("関東", "カントウ"),
    ("関西", "カンサイ"), ("東海", "トウカイ"), ("北陸", "ホクリク"), ("九州", "キュウシュウ"),
    ("中部", "チュウブ"), ("東北", "トウホク"), ("みらい", "ミライ"), ("ひかり", "ヒカリ"),
    ("さくら", "サクラ"), ("あおい", "アオイ"), ("アルファ", "アルファ"),
    ("サンライズ", "サンライズ"), ("エース", "エース"), ("ネクスト", "ネクスト"),
    ("グリーン", "グリーン"), ("テクノ", "テクノ"), ("ユニオン", "ユニオン"),
    ("フロンティア", "フロンティア"), ("オーシャン", "オーシャン"), ("ライフ", "ライフ"),
)

# What the company does, as it appears after the core: 「山田」+「商事」.
COMPANY_TRADES: tuple[Part, ...] = (
    ("商事", "ショウジ"), ("工業", "コウギョウ"), ("建設", "ケンセツ"), ("産業", "サンギョウ"),
    ("電機", "デンキ"), ("電設", "デンセツ"), ("運輸", "ウンユ"), ("物流", "ブツリュウ"),
    ("不動産", "フドウサン"), ("物産", "ブッサン"), ("製作所", "セイサクショ"),
    ("印刷", "インサツ"), ("食品", "ショクヒン"), ("興業", "コウギョウ"), ("技研", "ギケン"),
    ("企画", "キカク"), ("設備", "セツビ"), ("工務店", "コウムテン"), ("化学", "カガク"),
    ("精機", "セイキ"), ("薬品", "ヤクヒン"), ("商会", "ショウカイ"), ("通商", "ツウショウ"),
    ("開発", "カイハツ"), ("住宅", "ジュウタク"), ("土木", "ドボク"), ("測量", "ソクリョウ"),
    ("設計", "セッケイ"), ("鉄工所", "テッコウショ"), ("木材", "モクザイ"), ("交通", "コウツウ"),
    ("自動車", "ジドウシャ"), ("観光", "カンコウ"), ("警備保障", "ケイビホショウ"),
    ("事務機", "ジムキ"), ("システム", "システム"), ("サービス", "サービス"),
    ("エンジニアリング", "エンジニアリング"), ("デザイン", "デザイン"), ("フーズ", "フーズ"),
    ("メディカル", "メディカル"), ("ホーム", "ホーム"),
)

# 屋号 a shop may trade under instead of the owner's family name.
SHOP_HOUSE_NAMES: tuple[Part, ...] = (
    ("三河屋", "ミカワヤ"), ("越後屋", "エチゴヤ"), ("伊勢屋", "イセヤ"), ("近江屋", "オウミヤ"),
    ("大黒屋", "ダイコクヤ"), ("福屋", "フクヤ"), ("丸十", "マルジュウ"), ("山城屋", "ヤマシロヤ"),
    ("さくら", "サクラ"), ("ひまわり", "ヒマワリ"), ("すずらん", "スズラン"), ("あさひ", "アサヒ"),
)

# 個人事業主: what follows the owner's name or the 屋号.
SHOP_TRADES: tuple[Part, ...] = (
    ("商店", "ショウテン"), ("酒店", "サケテン"), ("米店", "コメテン"), ("青果店", "セイカテン"),
    ("鮮魚店", "センギョテン"), ("精肉店", "セイニクテン"), ("工務店", "コウムテン"),
    ("塗装店", "トソウテン"), ("電器店", "デンキテン"), ("時計店", "トケイテン"),
    ("書店", "ショテン"), ("文具店", "ブングテン"), ("写真館", "シャシンカン"),
    ("整骨院", "セイコツイン"), ("接骨院", "セッコツイン"), ("歯科医院", "シカイイン"),
    ("税理士事務所", "ゼイリシジムショ"), ("行政書士事務所", "ギョウセイショシジムショ"),
    ("司法書士事務所", "シホウショシジムショ"), ("設計事務所", "セッケイジムショ"),
    ("会計事務所", "カイケイジムショ"), ("建築事務所", "ケンチクジムショ"),
    ("理容室", "リヨウシツ"), ("美容室", "ビヨウシツ"), ("薬局", "ヤッキョク"),
    ("畳店", "タタミテン"), ("印刷所", "インサツジョ"), ("呉服店", "ゴフクテン"),
    ("菓子店", "カシテン"), ("豆腐店", "トウフテン"), ("材木店", "ザイモクテン"),
    ("造園", "ゾウエン"), ("学習塾", "ガクシュウジュク"), ("自動車整備", "ジドウシャセイビ"),
)
# fmt: on

# Trades whose holder is a professional office, not a shop: their 屋号 is the owner's name.
_OFFICE_TRADES = frozenset(t for t, _ in SHOP_TRADES if t.endswith(("事務所", "医院")))

LEGAL_FORMS: tuple[str, ...] = ("株式会社", "有限会社", "合同会社")
# 株式会社 is by far the most common; 有限会社 survives from before 2006; 合同会社 is newer.
_LEGAL_FORM_WEIGHTS = (70, 22, 8)

_NOT_HOSTNAME = re.compile(r"[^a-z0-9]")


@dataclass(frozen=True, slots=True)
class BusinessName:
    name: str
    kana: str
    kind: CustomerKind
    # ASCII stem for the fake mail domain, e.g. "yamada-shoji".
    domain_stem: str
    # The owner's family name when the shop is named after them (their contact person).
    owner_surname: Part | None


@dataclass(frozen=True, slots=True)
class PersonName:
    name: str  # 「山田 太郎」: family name, a space, given name, as ledgers write it
    kana: str
    local_part: str  # "t.yamada" for mail addresses


@cache
def romaji(kana: str) -> str:
    """ASCII for a katakana reading, for mail addresses only (ヘボン式 near enough)."""
    return _NOT_HOSTNAME.sub("", jaconv.kana2alphabet(jaconv.kata2hira(kana)).lower())


def business_name(rng: random.Random, kind: CustomerKind) -> BusinessName:
    """A plausible name of a Kaunet customer of that kind, with its フリガナ."""
    if kind is CustomerKind.SOLE_PROPRIETOR:
        return _shop_name(rng)
    return _company_name(rng)


def _company_name(rng: random.Random) -> BusinessName:
    core = rng.choice(SURNAMES) if rng.random() < 0.55 else rng.choice(COMPANY_CORES)
    trade = rng.choice(COMPANY_TRADES)
    form = rng.choices(LEGAL_FORMS, _LEGAL_FORM_WEIGHTS)[0]
    body = core[0] + trade[0]
    # 前株 / 後株: both are common for 株式会社; 有限会社 and 合同会社 are mostly 前.
    before = rng.random() < (0.5 if form == "株式会社" else 0.8)
    name = form + body if before else body + form
    return BusinessName(
        name=name,
        kana=core[1] + trade[1],  # the legal form is not read (see module docstring)
        kind=CustomerKind.CORPORATE,
        domain_stem=f"{romaji(core[1])}-{romaji(trade[1])}",
        owner_surname=None,
    )


def _shop_name(rng: random.Random) -> BusinessName:
    trade = rng.choice(SHOP_TRADES)
    if trade[0] in _OFFICE_TRADES or rng.random() < 0.8:
        owner: Part | None = rng.choice(SURNAMES)
        house = owner
    else:
        owner = None
        house = rng.choice(SHOP_HOUSE_NAMES)
    return BusinessName(
        name=house[0] + trade[0],
        kana=house[1] + trade[1],
        kind=CustomerKind.SOLE_PROPRIETOR,
        domain_stem=f"{romaji(house[1])}-{romaji(trade[1])}",
        owner_surname=owner,
    )


def person_name(rng: random.Random, surname: Part | None = None) -> PersonName:
    """A contact person; `surname` keeps a shop's owner in the family (山田商店 → 山田 太郎)."""
    family = surname or rng.choice(SURNAMES)
    given = rng.choice(MALE_GIVEN if rng.random() < 0.55 else FEMALE_GIVEN)
    return PersonName(
        name=f"{family[0]} {given[0]}",
        kana=f"{family[1]} {given[1]}",
        local_part=f"{romaji(given[1])[0]}.{romaji(family[1])}",
    )
