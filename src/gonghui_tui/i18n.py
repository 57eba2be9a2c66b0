"""The one catalog of UI strings, Chinese first and English second.

Course content is never translated; only the interface is. A test checks
that every key has both languages and that every key used in the code is
here.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")

# key: (Chinese, English)
CATALOG: dict[str, tuple[str, str]] = {
    # app and reader
    "app.title": ("工会干部学习伴侣", "Union Cadre Study Companion"),
    "reader.cards": ("本节卡片：{n} 张", "Cards in this section: {n}"),
    "reader.cards_under": ("，含下级共 {n} 张", ", {n} including subsections"),
    "reader.source": ("出处：{source}", "Source: {source}"),
    "reader.key_points": ("要点", "Key points"),
    "reader.ordered": ("（按顺序）", "(in order)"),
    "reader.gap": ("原文缺漏", "Gap in the source"),
    "reader.supplement": ("补充", "Supplement"),
    "reader.info": ("说明", "Note"),
    "reader.note_source": ("来源：{source}", "From: {source}"),
    "reader.course_info": ("课程信息", "About the course"),
    "reader.meta_trainer": ("讲师：{v}", "Trainer: {v}"),
    "reader.meta_duration": ("时长：{v}", "Duration: {v}"),
    "reader.meta_methods": ("方式：{v}", "Methods: {v}"),
    "reader.meta_date": ("来源日期：{v}", "Source date: {v}"),
    "reader.meta_sections": ("共 {sections} 节，{cards} 张卡片", "{sections} sections, {cards} cards"),
    "reader.link_blocked": ("课程中的链接不会自动打开：{href}", "Links in the course are not opened: {href}"),
    # bindings
    "bind.quit": ("退出", "Quit"),
    "bind.help": ("帮助", "Help"),
    "bind.close": ("关闭", "Close"),
    "bind.cursor_down": ("下移", "Down"),
    "bind.cursor_up": ("上移", "Up"),
    "bind.toggle": ("展开/收起", "Expand/collapse"),
    "bind.focus_next": ("切换窗格", "Next pane"),
    "bind.palette": ("命令面板", "Command palette"),
    "bind.select": ("展开/收起", "Expand/collapse"),
    "bind.parent": ("收起/到上级", "Collapse/to parent"),
    "bind.expand": ("展开", "Expand"),
    "bind.scroll_home": ("到开头", "To top"),
    "bind.scroll_end": ("到末尾", "To bottom"),
    "bind.page_up": ("上一页", "Page up"),
    "bind.page_down": ("下一页", "Page down"),
    "bind.page_left": ("左翻页", "Page left"),
    "bind.page_right": ("右翻页", "Page right"),
    "bind.scroll_up": ("向上滚动", "Scroll up"),
    "bind.scroll_down": ("向下滚动", "Scroll down"),
    "bind.scroll_left": ("向左滚动", "Scroll left"),
    "bind.scroll_right": ("向右滚动", "Scroll right"),
    "bind.next_ancestor": ("到上级的下一节", "Next section of parent"),
    "bind.prev_sibling": ("上一个同级", "Previous sibling"),
    "bind.next_sibling": ("下一个同级", "Next sibling"),
    "bind.toggle_all": ("全部展开/收起", "Expand/collapse all"),
    "bind.toggle_read": ("已读/未读", "Read/unread"),
    "bind.note": ("笔记", "Note"),
    "bind.save": ("保存", "Save"),
    "bind.save_close": ("保存并关闭", "Save and close"),
    # reading progress and notes
    "reader.progress": ("已读 {read}/{total} 节", "Read {read}/{total} sections"),
    "reader.marked_read": ("已标记为已读：{title}", "Marked as read: {title}"),
    "reader.marked_unread": ("已标记为未读：{title}", "Marked as unread: {title}"),
    "reader.my_note": ("我的笔记", "My note"),
    "reader.time_spent": ("阅读时间：{minutes} 分钟", "Time spent: {minutes} min"),
    "reader.no_section": ("请先在左侧选择一节", "Choose a section in the outline first"),
    "note.title": ("笔记：{title}", "Note: {title}"),
    "note.hint": ("输入时自动保存 · Esc 保存并关闭", "Saved as you type · Esc saves and closes"),
    "note.saved": ("已保存 · Esc 关闭", "Saved · Esc closes"),
    # start-up messages
    "startup.moved_aside": ("进度数据库已损坏，已移到 {path}，并新建了数据库。",
                            "The progress database was damaged; it was moved to {path} and a new one started."),
    "startup.settings_problem": ("设置文件有误：{problem}", "Problem in the settings file: {problem}"),
    "startup.backup_failed": ("今日备份失败：{error}", "Today's backup failed: {error}"),
    "store.save_failed": ("保存失败：{error}", "Could not save: {error}"),
    # help screen
    "help.title": ("帮助：按键一览", "Help: key bindings"),
    "help.key": ("按键", "Key"),
    "help.action": ("功能", "Action"),
    "help.close_hint": ("按 Esc 或 ? 关闭", "Press Esc or ? to close"),
    # command line
    "cli.description": ("工会干部学习伴侣：在终端里学习课程、复习卡片。",
                        "A terminal study companion for the trade-union cadre course."),
    "cli.validate_ok": ("{file}：课程有效，{sections} 节，{cards} 张卡片（{kinds}）",
                        "{file}: valid course, {sections} sections, {cards} cards ({kinds})"),
    "cli.course_invalid": ("课程文件有误，共 {n} 处：", "The course file has {n} problem(s):"),
    "cli.path_data": ("数据目录", "data dir"),
    "cli.path_config": ("配置目录", "config dir"),
    "cli.path_db": ("进度数据库", "progress database"),
    "cli.path_settings": ("设置文件", "settings file"),
    "cli.path_backups": ("备份目录", "backups"),
    "cli.path_course": ("课程文件", "course file"),
}

_current = "zh"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def t(key: str, **values: object) -> str:
    """The string for ``key`` in the current language, formatted with ``values``."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry[LANGUAGES.index(_current)]
    return text.format(**values) if values else text
