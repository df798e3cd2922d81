"""Writes the multi-table CRM pipeline example of docs/training.md: deals.csv (one row per closed
deal) and the tables it refers to, accounts.csv, products.csv and sales_teams.csv. Synthetic and
seeded: `python3 make_example.py` in this folder writes the same files every time.

Whether a deal is won depends on the account's sector and size, the client's past revenue (a
bucket code), the product series and its price, the agent's office and skill, and the competitor,
partly together: the expensive GTK series sells to large accounts only, the MG series to software
and telecom, and a competitor matters less to a client who has bought before.
Like a real export it has flaws to report: some deals name a product as "GTXPro" where the
product table says "GTX Pro", some deals have no account, and close_value gives the outcome away.
"""
import csv
import math
import random
from datetime import date, timedelta

random.seed(20261201)

SECTORS = {"software": 0.7, "finance": 0.3, "medical": 0.1, "telecom": 0.0, "retail": -0.5,
           "marketing": -0.3, "entertainment": -0.6}
COUNTRIES = ["United States", "Germany", "United Kingdom", "France", "Japan", "Brazil"]
PRODUCTS = [("GTX Basic", "GTX", 550), ("GTX Pro", "GTX", 4821), ("GTX Plus Pro", "GTX", 5482),
            ("MG Special", "MG", 55), ("MG Advanced", "MG", 3393), ("GTK 500", "GTK", 26768),
            ("GTX Plus Basic", "GTX", 1096)]
SERIES = {"GTX": 0.0, "MG": 0.4, "GTK": -0.6}
OFFICES = {"West": 0.35, "Central": 0.0, "East": -0.3}
COMPETITORS = {"None": 0.6, "Acme": -0.4, "Globex": -0.1, "Initech": -0.2}
SYLLABLES = ["ka", "lo", "ri", "ten", "vor", "sa", "min", "tu", "bel", "dex", "on", "ar"]


def name(words=2):
    return " ".join("".join(random.choice(SYLLABLES) for _ in range(2)).capitalize()
                    for _ in range(words))


def write(file, header, rows):
    with open(file, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


accounts = []
seen = set()
while len(accounts) < 80:
    account = name() + " " + random.choice(["Inc", "Ltd", "GmbH", "Group", "Corp"])
    if account in seen:
        continue
    seen.add(account)
    employees = int(math.exp(random.uniform(math.log(20), math.log(20000))))
    revenue = round(employees * random.uniform(0.05, 0.4), 1)
    accounts.append([account, random.choice(list(SECTORS)), random.randint(1975, 2019), revenue,
                     employees, random.choice(COUNTRIES), ""])
for subsidiary in random.sample(range(80), 8):
    accounts[subsidiary][6] = accounts[(subsidiary + 7) % 80][0]
write("accounts.csv", ["account", "sector", "year_established", "revenue", "employees",
                       "office_location", "subsidiary_of"], accounts)

write("products.csv", ["product", "series", "sales_price"], [list(p) for p in PRODUCTS])

agents = []
for i in range(20):
    agents.append([name(2), "Manager " + "ABCDEF"[i % 6], random.choice(list(OFFICES)),
                   random.gauss(0, 0.35)])
write("sales_teams.csv", ["sales_agent", "manager", "regional_office"], [a[:3] for a in agents])

deals = []
start = date(2023, 1, 2)
for i in range(2000):
    account = random.choice(accounts)
    product = random.choice(PRODUCTS)
    agent = random.choice(agents)
    band = min(4, max(0, int(random.gauss(1.6, 1.3))))
    competitor = "None" if random.random() < 0.125 else random.choice(["Acme", "Globex", "Initech"])
    large = account[4] >= 2000
    logit = (-0.3 + SECTORS[account[1]] + 0.35 * math.log10(account[4] / 200)
             + 0.45 * (band - 1.5) + SERIES[product[1]] - 0.25 * math.log10(product[2] / 1000)
             + OFFICES[agent[2]] + agent[3]
             + COMPETITORS[competitor] * (0.4 if band >= 3 else 1.3)
             + (2.5 if large else -2.5) * (product[1] == "GTK")
             + (1.2 if account[1] in ("software", "telecom") else -0.6) * (product[1] == "MG"))
    won = random.random() < 1 / (1 + math.exp(-logit))
    engaged = start + timedelta(days=int(i * 540 / 2000) + random.randint(0, 3))
    closed = engaged + timedelta(days=random.randint(5, 140))
    value = int(product[2] * random.uniform(0.8, 1.1)) if won else 0
    product_name = "GTXPro" if product[0] == "GTX Pro" and random.random() < 0.5 else product[0]
    account_name = "" if random.random() < 0.05 else account[0]
    deals.append([f"OPP-{i + 1:05d}", agent[0], product_name, account_name,
                  "Won" if won else "Lost", engaged.isoformat(), closed.isoformat(), value, band,
                  competitor])
write("deals.csv", ["opportunity_id", "sales_agent", "product", "account", "deal_stage",
                    "engage_date", "close_date", "close_value", "prior_revenue_band",
                    "competitor"], deals)
