"""Second processes (`generator.core.processes.Alongside`): a question, items as they come, one answer."""

from __future__ import annotations

import time

from generator.core.processes import Alongside

# The other end: what it was asked, and every item in the order sent, with each item's size.
ECHO_EACH = ("from generator.core.processes import answer_parent_each; "
             "answer_parent_each(lambda items, name: (name, [(item[:8], len(item)) for item in items]))")


def test_items_sent_after_the_question_reach_the_other_process_in_order_whatever_their_size():
    helper = Alongside(ECHO_EACH, ("vraag",), more=True)
    items = [f"item-{number:03d}".ljust(size, "x") for number, size in enumerate([10, 1 << 20, 3, 200_000, 65_536, 1])]
    for item in items:
        helper.send(item)  # never waits for the other process: a pipe holds 64 KiB, one item is 1 MiB
    assert helper.result() == ("vraag", [(item[:8], len(item)) for item in items])


def test_sending_does_not_wait_for_a_busy_process():
    slow = ("import time; from generator.core.processes import answer_parent_each; "
            "answer_parent_each(lambda items, pause: [time.sleep(pause) or len(item) for item in items])")
    helper = Alongside(slow, (0.2,), more=True)
    began = time.perf_counter()
    for _ in range(5):
        helper.send("x" * (1 << 20))
    assert time.perf_counter() - began < 0.5  # the five items take the other process a second
    assert helper.result() == [1 << 20] * 5


def test_a_process_that_fails_or_cannot_start_answers_none_and_the_caller_does_the_work():
    failing = Alongside("import sys; sys.exit(3)", ("vraag",), more=True)
    failing.send("an item it never reads")
    assert failing.result() is None
    half = Alongside("import sys; sys.stdout.buffer.write(b'not a pickle')", ("vraag",))
    assert half.result() is None
