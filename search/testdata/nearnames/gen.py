#!/usr/bin/env python3
"""Generates the near-surname hard negatives of corpus.tsv/queries.tsv.

Negatives: two distinct real surnames (../../realnames/surnames.txt) one or
two letters apart, the same given name, birth year and city: a stranger who
must never be auto-confirmed. Pairs that differ only where spelling
conventions merge letters (doubled letters, е/ё/э, ь/ъ, й/и/ы, щ/ш) are left
out: those are one name. The Kazakh/Russian-form positives (kr.tsv) are
written by hand. Run: python3 gen.py (deterministic)."""
import random, re

def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

def merged(s):
    s = s.replace('ё', 'е').replace('э', 'е').replace('ъ', '').replace('ь', '')
    s = s.replace('й', 'и').replace('ы', 'и').replace('щ', 'ш')
    return re.sub(r'(.)\1', r'\1', s)

names = [l.strip() for l in open('../../realnames/surnames.txt') if l.strip() and not l.startswith('#')]
masc = sorted({n for n in names if re.fullmatch(r'[а-яё]{3,}(ов|ев|ин)', n)})
rng = random.Random(14)
by_len = {}
for n in masc:
    by_len.setdefault(len(n), []).append(n)
pairs = []
for a in masc:
    for L in (len(a) - 1, len(a), len(a) + 1):
        for b in by_len.get(L, []):
            if b <= a or lev(a, b) > 2 or merged(a) == merged(b):
                continue
            if lev(a, b) == 2 and len(a) < 7:
                continue
            pairs.append((a, b))
rng.shuffle(pairs)
pairs = pairs[:240]
male = 'Ерлан Арман Тимур Бауыржан Нурлан Асхат Дамир Руслан Сергей Андрей Алексей Марат Данияр Ержан Серик Канат Максим Даурен Азамат Олжас'.split()
female = 'Айгерим Асель Динара Гульнара Мадина Алия Жанар Елена Ольга Наталья Сауле Айжан Жулдыз Мария Анна Камила Дана Зарина Лаура Индира'.split()
cities = 'Алматы Астана Шымкент Караганда Актобе Тараз Павлодар Семей Атырау Костанай Кызылорда Уральск Петропавловск Актау Туркестан Кокшетау Талдыкорган Экибастуз'.split()
cap = lambda s: s[0].upper() + s[1:]
corpus, queries = [], []
for i, (a, b) in enumerate(pairs):
    fem = rng.random() < 0.4
    g = rng.choice(female if fem else male)
    sa, sb = (a + 'а', b + 'а') if fem else (a, b)
    if rng.random() < 0.5:
        sa, sb = sb, sa
    y, c = rng.randint(1950, 2010), rng.choice(cities)
    sex = 'F' if fem else 'M'
    corpus.append(f'h{i:03d}\t{cap(sb)} {g}\t{y}\t{c}\t{sex}')
    queries.append(f'hn{i:03d}\t{cap(sa)} {g}\t{y}\t{c}\t{sex}\t-\tnear-surname')
for i, line in enumerate(l for l in open('kr.tsv') if l.strip() and not l.startswith('#')):
    kk, ru, sex = line.rstrip('\n').split('\t')
    y, c = rng.randint(1950, 2010), rng.choice(cities)
    corpus.append(f'k{i:03d}\t{kk}\t{y}\t{c}\t{sex}')
    queries.append(f'kp{i:03d}\t{ru}\t{y}\t{c}\t{sex}\tk{i:03d}\tkazakh-russian')
with open('corpus.tsv', 'w') as f:
    f.write('id\tname\tbirth_year\tcity\tsex\n' + '\n'.join(corpus) + '\n')
with open('queries.tsv', 'w') as f:
    f.write('qid\tname\tbirth_year\tcity\tsex\texpected\tcategory\n' + '\n'.join(queries) + '\n')
print(len(pairs), 'negatives,', len(queries) - len(pairs), 'positives')
