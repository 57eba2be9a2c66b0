"""Exporting from the app: the trainee's name asked once before the very first
export, the export dialog (kept, tui/kept_dialogs.py), the overwrite question,
the write, and the toast that names the file."""

from __future__ import annotations

from dataclasses import replace

from gonghui_tui.domain.translate import Key
from gonghui_tui.i18n import language, t, translator
from gonghui_tui.tui.boundary import SAVE_ERRORS


class ExportFlow:
    """Mixin for GonghuiApp: uses its settings, store, reader and kept dialogs."""

    def action_export(self) -> None:
        """The export dialog; before the very first export, the trainee's name is asked once."""
        from gonghui_tui.tui.screens.trainee_ask import TraineeAskScreen

        if self.settings.trainee_asked or self.settings.trainee_name:
            self._open_export()
            return

        def answered(trainee) -> None:
            name, unit = trainee or (self.settings.trainee_name, self.settings.trainee_unit)
            self._save_settings(replace(self.settings, trainee_name=name, trainee_unit=unit, trainee_asked=True))
            self._open_export()

        self.push_screen(TraineeAskScreen(), answered)

    def _open_export(self) -> None:
        from gonghui_tui.tui.screens.dialogs import ConfirmScreen
        from gonghui_tui.tui.screens.export_dialog import ExportRequest

        reader = self.reader()
        if reader is not None:
            reader.flush_reading_time()  # the section on screen counts in the export

        def chosen(request: ExportRequest | None) -> None:
            if request is None:
                return
            name, unit = request.trainee.name, request.trainee.unit
            if (name, unit) != (self.settings.trainee_name, self.settings.trainee_unit):
                self._save_settings(replace(self.settings, trainee_name=name, trainee_unit=unit))
            if request.target.exists():
                self.push_screen(ConfirmScreen(t("export.overwrite", path=request.target)),
                                 lambda yes: self._write_export(request) if yes else None)
            else:
                self._write_export(request)

        self.show_kept("export", chosen)

    def _write_export(self, request) -> None:
        from gonghui_tui.exporting import ExportNotAFile, export
        from gonghui_tui.tui.format import break_path

        target = request.target
        try:
            export(request.fmt, target, self.course, self.store, self.now(), self.settings, force=True,
                   tz=self.tz, include_notes=request.include_notes, trainee=request.trainee,
                   t=translator(language()))
        except ExportNotAFile as exc:
            self.notify(t("export.not_a_file", path=target, kind=Key(f"filekind.{exc.kind}")),
                        severity="error", timeout=10, markup=False)
            return
        except SAVE_ERRORS as exc:
            self.notify(t("export.failed", error=exc), severity="error", timeout=10, markup=False)
            return
        # The toast is at most 60 cells or 90% of the screen (app.tcss), less its padding
        # and edge; the path is broken only after a "/" so no name is cut in two.
        width = min(60, self.size.width * 9 // 10) - 4
        self.notify(t("export.written", path="\n" + break_path(str(target), width)), timeout=15,
                    markup=False)
