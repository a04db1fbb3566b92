"""Chinese word segmentation with jieba, tuned to the district's own vocabulary.

jieba builds its prefix dictionary (about 0.5–0.7 s) on first use. `load_dictionary()` runs
once per process from SiteConfig.ready(), so no resident's request ever pays for it.
"""

import logging
import re
import threading

import jieba

# Place and programme names residents search for, which jieba's general dictionary would
# split (民主村 -> 民主 / 村). A high frequency keeps each one a single word.
DISTRICT_WORDS = (
    "九龙坡",
    "九龙坡区",
    "民主村",
    "民主村片区",
    "杨家坪",
    "石桥铺",
    "黄桷坪",
    "谢家湾",
    "石坪桥",
    "华岩",
    "陈家坪",
    "西彭",
    "铜罐驿",
    "陶家",
    "西三镇",
    "坡坎崖",
    "民生实事",
    "美术公园",
    "重庆美术公园",
    "红育坡",
    "石杨路",
    "黄正街",
    "龙吟路",
    "美术半岛",
    "渝州交易城",
    "国美支路",
    "万象城",
    "九龙半岛",
    "九龙新商圈",
    "杨家坪商圈",
    "石桥铺商圈",
    "天宝公园",
    "爱情公园",
    "中梁山",
    "花博园",
    "凌江园",
    "巴国城",
    "九龙滩",
    "涂鸦街",
    "四老",
    "老旧小区",
    "老旧商区",
    "老旧厂区",
    "老旧街区",
    "城市更新",
    "山城绿道",
    "山城花境",
    "小游园",
    "马路办公",
    "示范街",
    "开街",
    "托位",
    "长者",
)
WORD_FREQUENCY = 2_000_000

_lock = threading.Lock()
_loaded = False
WORD = re.compile(r"\w", re.UNICODE)
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def load_dictionary():
    """Build jieba's dictionary and add the district's words; safe to call again."""
    global _loaded
    if _loaded:
        return
    with _lock:
        if _loaded:
            return
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        for word in DISTRICT_WORDS:
            jieba.add_word(word, freq=WORD_FREQUENCY)
        _loaded = True


def is_loaded():
    return _loaded and jieba.dt.initialized


def _clean(tokens):
    seen = []
    for token in tokens:
        token = token.strip().lower()
        if token and WORD.search(token) and token not in seen:
            seen.append(token)
    return seen


def index_tokens(text):
    """Every token a search can land on: jieba's words and sub-words, plus each run of
    Chinese characters cut into single characters and pairs, so one- and two-character
    queries find words jieba kept whole (村 in 民主村)."""
    load_dictionary()
    text = text or ""
    tokens = [*jieba.cut(text), *jieba.cut_for_search(text)]
    tokens.extend(word for word in DISTRICT_WORDS if word in text)
    for run in CJK_RUN.findall(text):
        tokens.extend(run)
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return _clean(tokens)


def query_terms(query, limit=8):
    """The words of what a resident typed, as jieba reads them (precise mode)."""
    load_dictionary()
    return _clean(jieba.cut((query or "")[:100]))[:limit]


def bigram_terms(query, limit=12):
    """A looser reading for when the precise words find nothing: overlapping pairs."""
    terms = []
    for run in CJK_RUN.findall(query or ""):
        terms.extend([run] if len(run) < 3 else [run[i : i + 2] for i in range(len(run) - 1)])
    terms.extend(w for w in re.findall(r"[a-z0-9]+", (query or "").lower()))
    return _clean(terms)[:limit]


def as_field(tokens):
    """Tokens stored space-padded, so `contains=" 词 "` matches whole tokens only."""
    return f" {' '.join(tokens)} " if tokens else ""
