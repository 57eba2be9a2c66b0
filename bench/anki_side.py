"""Anki's own backend doing what (c) measures for us: answer a card and fetch
the next one, in a collection with 20,000 cards and a long review log.

Anki takes "today" from the system clock, so the history is written as
revlog rows with plain sqlite3 into the closed collection file, and every
card is made due now.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from pathlib import Path

from anki.collection import AddNoteRequest, Collection  # ImportError: skipped by run.py
from anki.cards import Card  # noqa: I001  (after anki.collection: anki's modules import each other)
from anki.scheduler.v3 import CardAnswer


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def anki_grading(folder: Path, cards: int, reviews: int, grades: int) -> dict:
    path = str(folder / "anki" / "collection.anki2")
    (folder / "anki").mkdir()
    col = Collection(path)
    col.set_config("fsrs", True)
    deck = col.decks.id("bench")
    model = col.models.by_name("Basic")
    requests = []
    for i in range(cards):
        note = col.new_note(model)
        note["Front"], note["Back"] = f"问题{i}", f"答案{i}"
        requests.append(AddNoteRequest(note=note, deck_id=deck))
    col.add_notes(requests)
    config = col.decks.config_dict_for_deck_id(deck)
    config["rev"]["perDay"] = 9_999  # Anki's largest (a bigger value is silently ignored: 200 stays)
    col.decks.update_config(config)
    col.close()

    rng = random.Random(1)
    conn = sqlite3.connect(path)
    card_ids = [row[0] for row in conn.execute("SELECT id FROM cards")]
    now_ms = int(time.time() * 1000)
    start = now_ms - 366 * 86_400_000  # the history ends a day ago: today's limits stay untouched
    rows = [(start + i * (365 * 86_400_000 // reviews), card_ids[i % len(card_ids)], -1, rng.choice((1, 3, 3, 4)),
             10, 5, 2500, rng.randint(2000, 20000), 1) for i in range(reviews)]
    conn.executemany("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    # every card a review card, due today, so the queue never runs dry
    conn.execute("UPDATE cards SET type = 2, queue = 2, ivl = 10, due = 0, reps = 5")
    conn.commit()
    conn.close()

    col = Collection(path)
    col.decks.select(deck)  # the queue is built for the current deck
    times = []
    for i in range(grades + 1):
        begin = time.perf_counter()
        queued = col.sched.get_queued_cards()
        if not queued.cards:
            break
        qc = queued.cards[0]
        card = Card(col, backend_card=qc.card)
        card.start_timer()
        rating = CardAnswer.GOOD if i % 4 else CardAnswer.AGAIN
        answer = col.sched.build_answer(card=card, states=qc.states, rating=rating)
        col.sched.answer_card(answer)
        if i:  # the first fetch builds the queue; time answer + next fetch from then on
            times.append((time.perf_counter() - begin) * 1000)
    col.close()
    return {"p50_ms": statistics.median(times), "p99_ms": _percentile(times, 99), "grades": len(times),
            "reviews_stored": reviews}
