#!/usr/bin/env python3
"""Writes queries with an edit in the first letter of one name word (deleted,
replaced or one letter added in front: Ыкова for Быкова, Venisov for
Denisov, Ktursynov for Tursynov), one query per word of every corpus row,
with a category column per kind of edit.

  python3 firstletter.py CORPUS.tsv > queries.tsv
  tuys eval -corpus CORPUS.tsv -queries queries.tsv -distractors 100000
"""
import random, sys

rng = random.Random(3)
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')][1:]
cyrillic, latin = 'абвгдежзиклмнопрстуфхш', 'abdegiklmnoprstuvz'
print('qid\tname\tbirth_year\tcity\tsex\texpected\tcategory')
for i, r in enumerate(rows):
    words = r[1].split()
    for j, w in enumerate(words):
        letters = latin if w[-1].lower() in latin + 'cfhjqwxy' else cyrillic
        kind = rng.choice(['del', 'sub', 'ins'])
        if kind == 'del':
            nw = w[1:].capitalize()
        elif kind == 'sub':
            nw = (rng.choice(letters) + w[1:]).capitalize()
        else:
            nw = (rng.choice(letters) + w.lower()).capitalize()
        ws = list(words)
        ws[j] = nw
        print(f'f{i:02d}{j}\t{" ".join(ws)}\t{r[2]}\t{r[3]}\t{r[4]}\t{r[0]}\tfirst-letter-{kind}')
