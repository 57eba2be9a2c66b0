"""Catalogue entries for the settings screen and the one-time question for
the trainee's name. Part of the one catalogue (``i18n.CATALOG`` includes
these). Key: (Chinese, English).
"""

from __future__ import annotations

SETTINGS_MESSAGES: dict[str, tuple[str, str]] = {
    "bind.settings": ("设置", "Settings"),
    "cmd.settings": ("设置", "Settings"),
    "cmd.settings_help": ("每日卡片数、记忆保持率、主题、语言、姓名", "Cards a day, retention, theme, language, name"),
    "settings.title": ("设置", "Settings"),
    "settings.hint": ("Enter 或 Ctrl+S 保存，Esc 取消。", "Enter or Ctrl+S saves, Esc cancels."),
    "settings.new_cards_per_day": ("每天新卡片数", "New cards a day"),
    "settings.new_cards_per_day_hint": ("每天最多开始学多少张没学过的卡片（0–9999）。",
                                        "How many unseen cards a day may start (0–9999)."),
    "settings.max_reviews_per_day": ("每天最多复习", "Most reviews a day"),
    "settings.max_reviews_per_day_hint": ("每天最多复习多少张到期卡片（0–99999）。",
                                          "How many due cards a day at most (0–99999)."),
    "settings.desired_retention": ("目标记忆率", "Desired retention"),
    "settings.desired_retention_hint": (
        "复习时希望仍记得的比例（70%–99%）。调高：复习更多、遗忘更少；调低：复习更少、遗忘更多。",
        "How likely you recall a card when it comes up (70%–99%). "
        "Higher: more reviews, less forgetting; lower: fewer reviews, more forgetting."),
    "settings.read_dwell_seconds": ("阅读停留（秒）", "Read after (s)"),
    "settings.read_dwell_seconds_hint": ("在一节停留多少秒后算作已读（0–3600）；按 r 随时标记。",
                                         "Seconds on a section before it counts as read (0–3600); r marks it."),
    "settings.theme": ("主题", "Theme"),
    "settings.language": ("界面语言", "Language"),
    "settings.trainee_name": ("姓名", "Name"),
    "settings.trainee_unit": ("单位/分会", "Unit"),
    "settings.trainee_hint": ("姓名和单位写进导出文件，讲师据此分辨是谁的进度；可不填。",
                              "Name and unit go into exports so your instructor knows whose they are."),
    "settings.save": ("保存", "Save"),
    "settings.cancel": ("取消", "Cancel"),
    "settings.saved": ("设置已保存", "Settings saved"),
    "settings.save_failed": ("设置未能写入 {path}：{error}；本次仍按新设置运行",
                             "Could not write the settings to {path}: {error}; they apply to this run"),
    "settings.invalid_int": ("{label}须是 {low} 到 {high} 之间的整数", "{label} must be a whole number from {low} to {high}"),
    "settings.invalid_float": ("{label}须是 {low} 到 {high} 之间的数", "{label} must be a number from {low} to {high}"),
    "settings.invalid_retention": ("{label}须在 {low}% 到 {high}% 之间，例如 90%",
                                   "{label} must be from {low}% to {high}%, for example 90%"),
    "settings.lang_zh": ("中文", "中文 (Chinese)"),
    "settings.lang_en": ("English（英文）", "English"),
    # asked once, before the first export
    "ask.title": ("导出前：您的姓名和单位", "Before exporting: your name and unit"),
    "ask.body": ("讲师会收到许多学员的导出文件，填上姓名和单位才分得清是谁的。只问这一次，以后可在设置（,）里修改。",
                 "Your instructor receives many trainees' exports; your name and unit tell yours apart. "
                 "Asked only this once; change it later in Settings (,)."),
    "ask.ok": ("确定", "OK"),
    "ask.skip": ("跳过", "Skip"),
}
