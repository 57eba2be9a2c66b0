"""The drill screen: one card at a time on the FSRS schedule.

The rules are the domain's: ``CardFace`` says what the card shows and which
actions mean something now, ``DrillSession`` what comes next and what a
grade does. This screen maps keys to them and draws the result: ``face``
and ``finished`` are reactives, their watchers redraw, and ``check_action``
asks the face, so the footer and the help screen always list exactly the
keys that work. The grade path reads straight: key → ``action_grade`` →
``session.grade`` (scheduler, then store) → the next card.
"""

from __future__ import annotations

import random
import time
from typing import Callable, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, ContentSwitcher, Input, Static

from gonghui_tui.domain.course import Card, CardKind
from gonghui_tui.domain.face import LETTERS, Act, CardFace
from gonghui_tui.domain.session import DrillSession
from gonghui_tui import linebreak
from gonghui_tui.i18n import t
from gonghui_tui.tui.boundary import saves
from gonghui_tui.tui.format import interval_label, local_time
from gonghui_tui.tui.widgets.title_header import TitleHeader
from gonghui_tui.tui.breakpoints import BreakpointsAtStart
from gonghui_tui.tui.fewer_passes import OnePass, QuietFocus
from gonghui_tui.tui.kept_dialogs import once_mounted
from gonghui_tui.tui.translated import Translated
from gonghui_tui.tui.widgets.answer_input import AnswerInput
from gonghui_tui.tui.widgets.flashcard import render_face, shown_texts
from gonghui_tui.tui.widgets.key_footer import KeyFooter

WARM_AHEAD = 2  # cards whose line breaks are found before they are shown
GRADE_KEYS = {1: "grade.again", 2: "grade.hard", 3: "grade.good", 4: "grade.easy"}
GRADES = Binding.Group("bind.grade")
PICKS = Binding.Group("bind.pick")
# screen actions -> the face's actions they need
FACE_ACTS = {"next_item": Act.NEXT_ITEM, "reveal": Act.REVEAL, "submit": Act.SUBMIT,
             "accept": Act.ACCEPT, "grade": Act.GRADE, "bury": Act.BURY, "suspend": Act.SUSPEND}
COUNT_STYLES = (("drill.count_new", "bold blue"), ("drill.count_learning", "bold red"),
                ("drill.count_review", "bold green"))


class CardText(OnePass, Static):
    """The card: a new one is laid out once, in the frame that draws it."""


class CardBox(OnePass, VerticalScroll):
    """The card's scroll box (its scrollbar still comes and goes with the card's length)."""


class DrillScreen(QuietFocus, BreakpointsAtStart, Translated, Screen[None]):
    DEFAULT_CSS = """
    DrillScreen #drill { height: 1fr; padding: 0 1; }
    DrillScreen #drill-switcher, DrillScreen #drill-card-view { height: 1fr; }
    DrillScreen #drill-status { color: $text-muted; }
    DrillScreen #drill-path { padding-bottom: 1; }
    DrillScreen #drill-card-box { height: 1fr; border: round $primary 50%; padding: 0 1; }
    DrillScreen #drill-input { margin: 1 0 0 0; }
    DrillScreen #drill-grades { height: auto; margin-top: 1; }
    DrillScreen #drill-grades Button { width: 1fr; min-width: 8; margin: 0 1 0 0; }
    DrillScreen #drill-grades Button.suggested { text-style: bold reverse; }
    DrillScreen #drill-grades Button.grade { height: 1; border: none; min-width: 8; text-wrap: nowrap; text-overflow: ellipsis; }
    DrillScreen #drill-summary { height: 1fr; padding: 1 2; border: round $success; }
    DrillScreen.-short #drill-path { padding-bottom: 0; }
    DrillScreen.-short #drill-grades { margin-top: 0; }
    """
    # One key may mean several things; the first binding whose action is allowed now wins.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "next_item", "bind.next_item", id="drill.next_item"),
        Binding("space", "reveal", "bind.reveal", id="drill.reveal"),
        Binding("space", "accept", "bind.accept", id="drill.accept"),
        Binding("space", "back", "bind.back", show=False, id="drill.back_space"),
        Binding("enter", "submit", "bind.submit", id="drill.submit"),
        Binding("enter", "reveal", "bind.reveal_all", id="drill.reveal_all"),
        Binding("enter", "accept", "bind.accept", id="drill.accept_enter"),
        Binding("enter", "back", "bind.back", show=False, id="drill.back_enter"),
        *(Binding(str(r), f"grade({r})", key, group=GRADES, id=f"drill.grade{r}")
          for r, key in GRADE_KEYS.items()),
        # The footer shows the letters once ("abc… 选择选项"); help lists each one.
        *(Binding(letter, f"pick({pos})", "bind.pick", group=PICKS, id=f"drill.pick_{letter}",
                  show=pos == 0, key_display="abc…" if pos == 0 else None)
          for pos, letter in enumerate(LETTERS)),
        Binding("b", "bury", "bind.bury", id="drill.bury"),
        Binding("exclamation_mark", "suspend", "bind.suspend", id="drill.suspend"),
        Binding("u", "undo", "bind.undo", id="drill.undo"),
        Binding("escape", "leave", "bind.leave", id="drill.leave"),
        Binding("escape", "back", "bind.back", id="drill.back"),
    ]

    # The watchers redraw the widgets that change; the screen itself has nothing
    # to repaint (a reactive's default repaint redrew every widget on each key).
    face: reactive[CardFace | None] = reactive(None, repaint=False, bindings=True, init=False)
    finished: reactive[bool] = reactive(False, repaint=False, bindings=True, init=False)

    session: DrillSession  # set once the drill has started (not before the first frame)

    def __init__(self, make_session: Callable[[], DrillSession] | None = None, title: str = "",
                 seed: int | None = None) -> None:
        super().__init__()
        self.make_session = make_session
        self._unstarted = False  # refilled, and the refill not yet shown
        self.drill_title = title
        self.rng = random.Random(seed)
        self.shown_at = time.monotonic()

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with Vertical(id="drill"):
            yield Static(id="drill-status")
            with ContentSwitcher(initial="drill-card-view", id="drill-switcher"):
                with Vertical(id="drill-card-view"):
                    yield Static(id="drill-path")
                    with CardBox(id="drill-card-box"):
                        yield CardText(id="drill-card")
                    yield AnswerInput(id="drill-input", placeholder=t("drill.type_here"))
                    with Horizontal(id="drill-grades"):
                        for rating in GRADE_KEYS:
                            yield Button("", id=f"grade-{rating}", classes=f"grade grade-{rating}")
                yield Static(id="drill-summary")
        yield KeyFooter()

    @property
    def begun(self) -> bool:
        """Whether this opening's session is made (it is, from just after the first frame)."""
        return "session" in self.__dict__

    def refill(self, make_session: Callable[[], DrillSession], title: str, seed: int | None = None) -> None:
        """Start a drill as a new drill screen would (the app keeps this screen between
        openings: tui/kept_dialogs.py). ``make_session`` builds today's queue: at
        20,000 cards that takes 20-35 ms, so it runs once the screen is up."""
        self.make_session, self.drill_title, self.rng = make_session, title, random.Random(seed)
        self.__dict__.pop("session", None)  # the last drill's
        self._unstarted = True
        once_mounted(self, self._start)

    def _start(self) -> None:
        if not self._unstarted:
            return  # started already, by a key (before_key)
        self._unstarted = False
        self.sub_title = self.drill_title
        # The last drill's face goes without a redraw; the first card's is drawn anew
        # even if it is the same card at the same step.
        self.set_reactive(DrillScreen.face, None)
        self.finished = False
        self.query_one("#drill-status", Static).update(Text(t("cards.loading"), style="dim italic"))
        self.query_one("#drill-path", Static).update("")
        self.query_one("#drill-card", Static).update("")
        self.query_one("#drill-grades").display = False
        self.query_one("#drill-input", AnswerInput).display = False
        self.query_one("#drill-card-box", CardBox).scroll_home(animate=False, immediate=True)
        self.call_after_refresh(self._begin)

    def before_key(self) -> None:
        """Called by the app before it handles a key: a key typed before the first card
        is shown (D then Enter at once) makes the drill begin now, and then acts on
        its first card."""
        if not self.begun:
            self._begin()

    @saves
    def _begin(self) -> None:
        if self.make_session is None or not self.is_current or self.begun:
            return  # left before it began, or begun by a key
        if self._unstarted:
            if not self.is_mounted:
                return  # made just now: it starts once mounted
            self._start()
        self.session = self.make_session()
        if self.session.left == 0 and self.session.next() is None:
            self.dismiss(None)
            self.app.notify(t("drill.nothing_due"), timeout=3, markup=False)
            return
        self._show_next()
        if self.focused is None:  # what a new screen's auto-focus gave: arrows scroll the card
            self.set_focus(self.query_one("#drill-card-box", CardBox))
        self.refresh_bindings()

    # -- what is shown ------------------------------------------------------------------
    def _show_next(self) -> None:
        card = self.session.next()
        if card is None:
            self.finished = True
            return
        self.finished = False
        self.shown_at = time.monotonic()
        typed = card.kind is CardKind.TYPED
        box = self.query_one("#drill-input", AnswerInput)
        box.display = typed
        box.reset()
        # The card, counts and path first: the focus change's events then queue
        # behind their updates, and the first frame shows them all.
        self.face = CardFace.for_card(card, self.rng)
        # Focus now, not queued: keys typed at once must land in the box.
        self.set_focus(box if typed else None)
        self.call_after_refresh(self._warm_next)

    def _warm_next(self) -> None:
        """Find where the next cards' lines may break while this one is read: the first
        frame of a card whose text this machine had never shown asked uniseg about
        each new piece (1-3 ms each) before it could lay the card out."""
        course = self.session.course
        for card_id in self.session.queue[:WARM_AHEAD]:
            card = course.card(card_id)
            if card is not None:
                for text in [*shown_texts(card), self._path(card)]:
                    linebreak.breakables(text)

    def _path(self, card: Card) -> str:
        return " › ".join(s.title for s in self.session.course.path(card.section))

    def watch_face(self, face: CardFace | None) -> None:
        if face is None:
            return
        card = face.card
        self._show("#drill-path", Text(self._path(card), style="dim"))
        self._show_status()
        self.query_one("#drill-card", Static).update(render_face(face))
        grades = self.query_one("#drill-grades")
        grades.display = face.revealed
        if face.revealed:
            # What was typed now shows in the card (你的答案 / 正确答案): the box goes,
            # and the focus with it. Hidden rather than disabled: disabling restyled
            # the box (a third of a typed card's reveal), and a hidden box takes no
            # focus. At 40x12 the box also took the rows the card's result needed.
            self.set_focus(None)
            self.query_one("#drill-input", Input).display = False
            intervals = self.session.intervals() if not self.session.cram else {}
            for rating, key in GRADE_KEYS.items():
                label = f"{rating} {t(key)}"
                if rating in intervals:
                    label += f" {interval_label(intervals[rating])}"
                button = self.query_one(f"#grade-{rating}", Button)
                button.label = label
                button.set_class(rating == face.default_grade, "suggested")

    def _show_status(self) -> None:
        status = Text(t("drill.done", done=self.session.done))
        if self.session.cram:
            status.append("  " + t("drill.left", left=self.session.left))
            status.append("  " + t("drill.cram"), style="bold magenta")
        else:
            counts = self.session.counts()
            for (key, style), n in zip(COUNT_STYLES, (counts.new, counts.learning, counts.review)):
                status.append("  ")
                status.append(t(key, n=n), style=style if n else "dim")
        face = self.face
        if not self.finished and face is not None and self.session.record(face.card.id).leech:
            status.append("  " + t("drill.leech"), style="bold red")
        self._show("#drill-status", status)

    def _show(self, selector: str, text: Text) -> None:
        """Show ``text`` in a line of the screen, unless it shows that already: each
        update lays the screen out again (on Enter neither the path nor the counts change)."""
        line = self.query_one(selector, Static)
        shown = line.content
        if not (isinstance(shown, Text) and (shown.plain, shown.style, shown.spans) == (text.plain, text.style, text.spans)):
            line.update(text)

    def watch_finished(self, finished: bool) -> None:
        self.query_one(ContentSwitcher).current = "drill-summary" if finished else "drill-card-view"
        if finished:
            self.set_focus(None)
            self._show_status()
            self.query_one("#drill-summary", Static).update(self._summary_text())

    def _summary_text(self) -> Text:
        summary = self.session.summary()
        left = self.session.left
        lines = Text(t("drill.summary_early" if left else "drill.summary_title") + "\n\n", style="bold")
        rate = round(100 * summary.again / summary.done) if summary.done else 0
        lines.append(t("drill.summary_done", done=summary.done, again=summary.again, rate=rate) + "\n")
        if left:
            lines.append(t("drill.summary_left", left=left) + "\n")
        lines.append(t("drill.summary_time", minutes=int(summary.seconds // 60),
                       seconds=int(summary.seconds % 60)) + "\n")
        if summary.next_due is not None:
            lines.append(t("drill.summary_next", when=local_time(summary.next_due)) + "\n")
        lines.append("\n" + t("drill.summary_leave"), style="dim")
        return lines

    # -- which keys work now ---------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.begun:
            return action == "leave"  # the drill has not begun
        if action == "undo":
            return self.session.can_undo()
        if self.finished:
            return action == "back"
        face = self.face
        if face is None:
            return action == "leave"
        if action == "pick":
            return face.can_pick(int(parameters[0]))  # type: ignore[call-overload]
        if action in FACE_ACTS:
            return FACE_ACTS[action] in face.actions
        return action != "back"

    # -- keys: each steps the face or the session -------------------------------------------
    def action_next_item(self) -> None:
        self.face = self.face.next_item()

    def action_reveal(self) -> None:
        self.face = self.face.reveal()

    def action_pick(self, position: int) -> None:
        self.face = self.face.pick(position)

    def action_submit(self) -> None:
        # Enter may reach the screen before the input has focus: submit all the same.
        self.face = self.face.submit(self.query_one("#drill-input", Input).value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.face is not None:
            self.face = self.face.submit(event.value)

    async def on_answer_input_key_after_answer(self, message: AnswerInput.KeyAfterAnswer) -> None:
        """Keys typed right behind Enter, in order: a digit grades, Enter/Space accept."""
        if message.key in ("1", "2", "3", "4"):
            await self.run_action(f"grade({message.key})")
        elif message.key in ("enter", "space"):
            await self.run_action("accept")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("grade-"):
            self.action_grade(int(event.button.id.removeprefix("grade-")))

    def action_accept(self) -> None:
        self.action_grade(self.face.default_grade)

    @saves
    def action_grade(self, rating: int) -> None:
        self.session.grade(rating, int((time.monotonic() - self.shown_at) * 1000))
        self._show_next()

    @saves
    def action_undo(self) -> None:
        self.session.undo()
        self._show_next()
        self.notify(t("drill.undone"), timeout=2, markup=False)

    @saves
    def action_bury(self) -> None:
        self.session.bury()
        self.notify(t("drill.buried"), timeout=2, markup=False)
        self._show_next()

    @saves
    def action_suspend(self) -> None:
        self.session.suspend()
        self.notify(t("drill.suspended"), timeout=2, markup=False)
        self._show_next()

    def action_leave(self) -> None:
        """Leave a drill: the summary first if anything was done, then Esc returns."""
        if self.begun and self.session.done:
            self.finished = True
        else:
            self.dismiss(None)

    def action_back(self) -> None:
        self.dismiss(None)
