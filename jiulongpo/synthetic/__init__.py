"""Clearly synthetic data at district scale and beyond, for benchmarks and load tests only.

Every row carries SYNTHETIC_SOURCE in its source field and 【合成】 in its name, so nobody can
take it for the district's data; `make run` never loads it.
"""

import random
from datetime import date, timedelta

SYNTHETIC_SOURCE = "合成测试数据（manage.py seed_synthetic 生成，非真实信息）"
MARK = "【合成】"
BATCH = 2000

# Words that make names searchable and varied; none of them is a real place or project.
PLACES = [
    "东坡",
    "西岭",
    "南湾",
    "北苑",
    "青石",
    "红砖",
    "梧桐",
    "桂花",
    "银杏",
    "柳岸",
    "枫林",
    "竹园",
]
THINGS = ["小区", "老街", "厂房", "商场", "巷子", "步道", "广场", "菜市场", "社区食堂", "停车场"]
WORKS = ["外立面整治", "管网改造", "加装电梯", "绿化提升", "消防改造", "无障碍改造", "屋面防水"]


def synthetic_rng(seed=2022):
    return random.Random(seed)


def spread_dates(rng, start=date(2015, 1, 1), days=365 * 10):
    return start + timedelta(days=rng.randrange(days))


def counts_for(projects):
    """The rest of the data set in proportion to the number of projects (10,000 → the spec)."""
    return {
        "projects": projects,
        "updates": projects * 10,
        "photos": projects * 3,
        "parks": max(1, projects // 20),
        "indicators": max(1, projects // 50),
        "years": 20,
        "task_years": 10,
    }
