"""The one catalog of UI strings, Chinese first and English second.

Course content is never translated; only the interface is. A test checks
that every key has both languages and that every key used in the code is
here.
"""

from __future__ import annotations

import errno
import functools

from gonghui_tui.catalog_cli import CLI
from gonghui_tui.catalog_messages import MESSAGES
from gonghui_tui.catalog_settings import SETTINGS_MESSAGES
from gonghui_tui.domain.safe_text import safe
from gonghui_tui.domain.translate import Key, Message, Translate

LANGUAGES = ("zh", "en")

# key: (Chinese, English)
CATALOG: dict[str, tuple[str, str]] = {
    # app and reader
    "app.title": ("工会干部学习伴侣", "Union Cadre Study Companion"),
    "reader.cards": ("本节卡片：{n} 张", "Cards in this section: {n}"),
    "reader.cards_under": ("，含下级共 {n} 张", ", {n} including subsections"),
    "reader.source": ("出处：{source}", "Source: {source}"),
    "reader.key_points": ("要点", "Key points"),
    "reader.ordered": ("（按顺序）", " (in order)"),
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
    "bind.focus_previous": ("上一个窗格", "Previous pane"),
    "bind.copy": ("复制选中的文字", "Copy selected text"),
    "bind.cursor_left": ("左移", "Left"),
    "bind.cursor_right": ("右移", "Right"),
    "bind.choose": ("选定", "Select"),
    "bind.submit": ("提交", "Submit"),
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
    "store.folder_create": ("无法创建数据目录 {path}：{reason}", "cannot create the data folder {path}: {reason}"),
    "store.folder_read_only": ("数据目录 {path} 不可写；请用 --data-dir 或 GONGHUI_TUI_HOME 另选一个目录",
                               "the data folder {path} is not writable; "
                               "choose another with --data-dir or GONGHUI_TUI_HOME"),
    "store.no_permission": ("无权读写进度数据库 {path}（{reason}）；文件未作任何改动，请检查它的权限",
                            "no permission to read and write the progress database {path} ({reason}); "
                            "nothing was changed: check its permissions"),
    "store.locked": ("进度数据库 {path} 被其他程序锁定；文件未作任何改动，请稍后再试",
                     "the progress database {path} is locked by another program; nothing was changed: "
                     "try again later"),
    "store.cannot_open": ("无法打开进度数据库 {path}：{reason}；文件未作任何改动",
                          "cannot open the progress database {path}: {reason}; nothing was changed"),
    "store.damaged_in_use": ("进度数据库 {path} 似乎已损坏，但另一个 gonghui-tui 正在使用它；"
                             "请关闭所有 gonghui-tui 后再启动（文件未作任何改动）",
                             "the progress database {path} looks damaged, but another gonghui-tui has it open; "
                             "close every gonghui-tui and start again (nothing was changed)"),
    "store.cannot_move": ("进度数据库 {path} 已损坏，且无法移开：{reason}",
                          "the progress database {path} is damaged and cannot be moved aside: {reason}"),
    "store.newer_schema": ("进度数据库来自更新版本的 gonghui-tui（结构版本 {version}，本版本只认识 {known}）；"
                           "请升级 gonghui-tui",
                           "the progress database is from a newer gonghui-tui (schema {version}, "
                           "this version knows {known}); upgrade gonghui-tui"),
    # drilling
    "bind.reveal": ("显示答案", "Show answer"),
    "bind.reveal_all": ("显示全部答案", "Show whole answer"),
    "bind.undo": ("撤销", "Undo"),
    "bind.bury": ("暂埋到明天", "Bury until tomorrow"),
    "bind.suspend": ("暂停此卡", "Suspend card"),
    "bind.leave": ("离开", "Leave"),
    "bind.drill": ("复习本节", "Drill section"),
    "bind.drill_all": ("复习全部", "Drill course"),
    "bind.cram": ("突击练习", "Cram section"),
    "bind.cards": ("本节卡片", "Section cards"),
    "grade.again": ("重来", "Again"),
    "grade.hard": ("困难", "Hard"),
    "grade.good": ("良好", "Good"),
    "grade.easy": ("简单", "Easy"),
    "interval.minutes": ("{n}分钟", "{n}m"),
    "interval.hours": ("{n}小时", "{n}h"),
    "interval.days": ("{n}天", "{n}d"),
    "interval.months": ("{n}个月", "{n}mo"),
    "interval.years": ("{n}年", "{n}y"),
    "drill.title_section": ("复习：{title}", "Drill: {title}"),
    "drill.title_course": ("复习：全部课程", "Drill: whole course"),
    "drill.title_cram": ("突击：{title}", "Cram: {title}"),
    "drill.cram": ("突击模式（不计入复习记录）", "Cram mode (not recorded)"),
    "drill.leech": ("【难记卡】", "[leech]"),
    "drill.type_here": ("输入答案，回车提交", "Type the answer, Enter to submit"),
    "drill.typed_answer": ("答案：{answer}", "Answer: {answer}"),
    "drill.you_typed": ("你的答案：", "You typed: "),
    "drill.nothing_typed": ("（未作答）", "(nothing)"),
    "drill.correct_answer": ("正确答案：", "Answer:    "),
    "drill.similarity": ("相似度 {percent}%", "Similarity {percent}%"),
    "drill.choose_many": ("（多选：按字母选择，回车提交）", "(several: letters pick, Enter submits)"),
    "drill.summary_title": ("本次复习完成", "Session complete"),
    "drill.summary_done": ("完成 {done} 张，其中重来 {again} 张（{rate}%）",
                           "{done} cards, {again} of them Again ({rate}%)"),
    "drill.summary_time": ("用时 {minutes} 分 {seconds} 秒", "Time spent {minutes} min {seconds} s"),
    "drill.summary_next": ("下一张到期：{when}", "Next card due: {when}"),
    "drill.summary_leave": ("按 Esc 或回车返回阅读", "Press Esc or Enter to go back to the reader"),
    "drill.undone": ("已撤销", "Undone"),
    "drill.buried": ("已暂埋到明天", "Buried until tomorrow"),
    "drill.suspended": ("已暂停此卡，可在本节卡片列表中恢复", "Suspended; unsuspend it from the section's card list"),
    "drill.nothing_due": ("现在没有要复习的卡片", "Nothing to study right now"),
    "bind.toggle_suspend": ("暂停/恢复", "Suspend/unsuspend"),
    # drill lane: card face keys, counts, choice marks, summary
    "bind.next_item": ("下一项", "Next item"),
    "bind.accept": ("采用建议评分", "Take suggested grade"),
    "bind.submit": ("提交答案", "Submit answer"),
    "bind.grade": ("评分", "Grade"),
    "bind.pick": ("选择选项", "Pick option"),
    "bind.back": ("返回阅读", "Back to reader"),
    "drill.done": ("已完成 {done}", "Done {done}"),
    "drill.left": ("剩余 {left}", "left {left}"),
    "drill.count_new": ("新卡 {n}", "New {n}"),
    "drill.count_learning": ("学习中 {n}", "Learning {n}"),
    "drill.count_review": ("待复习 {n}", "Review {n}"),
    "drill.missed": ("漏选", "missed"),
    "drill.summary_early": ("本次复习提前结束", "Session ended early"),
    "drill.summary_left": ("还剩 {left} 张未复习", "{left} cards not studied"),
    "cards.title": ("卡片：{title}", "Cards: {title}"),
    # the card browser
    "cards.loading": ("正在读取卡片…", "Reading the cards…"),
    "cards.search_placeholder": ("搜索卡片：汉字、拼音或首字母（/）", "Search cards: Chinese or pinyin (/)"),
    "cards.filter_state": ("状态：", "State: "),
    "cards.filter_kind": ("类型：", "Kind: "),
    "cards.filter_sort": ("排序：", "Sort: "),
    "cards.count": ("显示 {shown}/{total} 张", "showing {shown} of {total}"),
    "cards.state_all": ("全部", "all"),
    "cards.state_new": ("新卡", "new"),
    "cards.state_learning": ("学习中", "learning"),
    "cards.state_review": ("复习", "review"),
    "cards.state_suspended": ("已暂停", "suspended"),
    "cards.state_leech": ("难记", "leech"),
    "cards.state_buried": ("已暂埋", "buried"),
    "cards.kind_all": ("全部", "all"),
    "cards.kind_basic": ("问答", "basic"),
    "cards.kind_cloze": ("填空", "cloze"),
    "cards.kind_list": ("列举", "list"),
    "cards.kind_choice": ("选择", "choice"),
    "cards.kind_typed": ("输入", "typed"),
    "cards.sort_course": ("课程顺序", "course order"),
    "cards.sort_due": ("到期时间", "due date"),
    "cards.sort_lapses": ("遗忘次数", "lapses"),
    "cards.suspended_on": ("已暂停：{card}", "Suspended: {card}"),
    "cards.suspended_off": ("已恢复：{card}", "Unsuspended: {card}"),
    "cards.buried_on": ("已暂埋到明天：{card}", "Buried until tomorrow: {card}"),
    "cards.buried_off": ("已取消暂埋：{card}", "Unburied: {card}"),
    "cards.answer": ("答案", "Answer"),
    "bind.cards_filter": ("筛选状态", "Filter state"),
    "bind.cards_kind": ("筛选类型", "Filter kind"),
    "bind.cards_sort": ("排序", "Sort"),
    "bind.toggle_bury": ("暂埋/取消", "Bury/unbury"),
    "bind.preview": ("预览", "Preview"),
    "bind.first": ("第一张", "First"),
    "bind.last": ("最后一张", "Last"),
    "cmd.browse_cards": ("浏览全部卡片", "Browse all cards"),
    "cmd.browse_cards_help": ("搜索、筛选、排序、暂停或暂埋课程的每张卡片",
                              "Search, filter, sort, suspend or bury any card of the course"),
    "cards.kind": ("类型", "Kind"),
    "cards.front": ("内容", "Card"),
    "cards.state": ("状态", "State"),
    "cards.due": ("到期", "Due"),
    "cards.flags": ("标记", "Flags"),
    "cards.suspended": ("已暂停", "suspended"),
    "cards.buried": ("已暂埋", "buried"),
    "cards.leech": ("难记", "leech"),
    "kind.basic": ("问答", "basic"),
    "kind.cloze": ("填空", "cloze"),
    "kind.list": ("列举", "list"),
    "kind.choice": ("选择", "choice"),
    "kind.typed": ("输入", "typed"),
    "state.new": ("新卡", "new"),
    "state.learning": ("学习中", "learning"),
    "state.review": ("复习", "review"),
    "state.relearning": ("重学", "relearning"),
    "state.suspended": ("已暂停", "suspended"),
    "state.leech": ("难记", "leech"),
    "cmd.drill_course": ("复习全部课程", "Drill the whole course"),
    "cmd.drill_course_help": ("按 FSRS 计划复习所有到期和新卡片", "All due and new cards on the FSRS schedule"),
    "cmd.drill_section": ("复习本节：{title}", "Drill this section: {title}"),
    "cmd.cram_section": ("突击练习：{title}", "Cram this section: {title}"),
    "cmd.help": ("帮助", "Help"),
    "cmd.help_help": ("列出所有按键", "List every key binding"),
    "cmd.jump": ("跳转：{title}", "Go to: {title}"),
    # statistics
    "stats.title": ("学习统计：{title}", "Progress: {title}"),
    "stats.sections_read": ("已读章节", "Sections read"),
    "stats.reviews_total": ("复习总次数", "Reviews in all"),
    "stats.retention": ("近 30 天记忆保持率", "True retention, 30 days"),
    "stats.reviews_n": ("{n} 次复习", "{n} reviews"),
    "stats.streak_current": ("当前连续学习", "Current streak"),
    "stats.streak_longest": ("最长连续学习", "Longest streak"),
    "stats.days": ("{n} 天", "{n} days"),
    "stats.orphaned": ("课程中已不存在的记录", "Progress for removed ids"),
    "stats.orphaned_detail": ("卡片 {cards}，复习 {reviews}，章节 {sections}，笔记 {notes}",
                              "cards {cards}, reviews {reviews}, sections {sections}, notes {notes}"),
    "stats.cards_by_state": ("卡片状态", "Cards by state"),
    "stats.forecast": ("未来 14 天到期预测", "Due in the next 14 days"),
    "stats.day": ("日期", "Day"),
    "stats.due_cards": ("到期", "Due"),
    "stats.today": ("今天", "today"),
    "stats.in_days": ("{n} 天后", "in {n} d"),
    "stats.mastery": ("各部分掌握情况", "Mastery by part"),
    "stats.section": ("部分", "Part"),
    "stats.mature": ("已掌握（间隔≥21天）", "Mature (≥21 d)"),
    "stats.recall": ("平均记忆概率", "Mean recall now"),
    "stats.weakest": ("最弱的卡片", "Weakest cards"),
    "stats.heatmap": ("近 16 周复习热力图", "Reviews, last 16 weeks"),
    "stats.heatmap_legend": ("少", "less"),
    "stats.heatmap_more": ("多", "more"),
    "stats.heatmap_max": ("（单日最多 {n} 次）", "(busiest day: {n})"),
    "stats.reading": ("阅读进度", "Reading"),
    "stats.computing": ("正在计算…", "Computing…"),
    "stats.failed": ("无法读取学习记录：{error}", "Cannot read the study records: {error}"),
    "bind.dashboard": ("学习统计", "Dashboard"),
    "cmd.dashboard": ("学习统计", "Progress dashboard"),
    # export and import
    "md.subtitle": ("学习进度记录，由工会干部学习伴侣导出", "Progress notes exported by gonghui-tui"),
    "md.overview": ("概况", "Overview"),
    "md.exported": ("导出时间", "Exported"),
    "md.dates": ("学习日期", "Days studied"),
    "md.days": ("共 {n} 天", "{n} days"),
    "md.days_one": ("共 {n} 天", "{n} day"),
    "md.no_days": ("尚未开始", "not started yet"),
    "md.rollover": ("；每个学习日从凌晨 4 点算起", "; a study day starts at 4 a.m."),
    "md.reading": ("已读章节", "Sections read"),
    "md.cards": ("卡片", "Cards"),
    "md.reviews": ("复习次数", "Reviews"),
    "md.retention": ("近 30 天记忆保持率", "True retention, 30 days"),
    "md.streak": ("连续学习天数（当前/最长）", "Streak (current/longest)"),
    "md.by_section": ("各章节", "Section by section"),
    "md.status": ("状态", "Status"),
    "md.read": ("已读", "read"),
    "md.unread": ("未读", "not read"),
    "md.partial": ("部分已读", "partly read"),
    "md.time": ("阅读时间", "time spent"),
    "md.minutes": ("{n} 分钟", "{n} min"),
    "md.under_minute": ("不到 1 分钟", "under a minute"),
    "md.mastery": ("掌握情况（已掌握/卡片）", "Mastery (mature/cards)"),
    "md.recall": ("记忆概率", "recall"),
    "md.weak": ("薄弱卡片", "Weak card"),
    "md.note": ("我的笔记", "My note"),
    "export.written": ("已导出到 {path}", "Exported to {path}"),
    "export.exists": ("{path} 已存在；加 --force 覆盖", "{path} exists; add --force to overwrite"),
    "export.choose": ("导出：选择格式", "Export: choose a format"),
    "export.path": ("保存到", "Save to"),
    "export.name": ("姓名", "Name"),
    "export.unit": ("单位/分会", "Unit"),
    "export.optional": ("可不填", "optional"),
    "export.include_notes": ("包含我的笔记", "Include my notes"),
    "export.trainee_hint": ("姓名和单位写进导出文件，并记在设置里。Enter 导出，Esc 取消。",
                            "Name and unit go into the export and are kept in the settings. "
                            "Enter exports, Esc cancels."),
    "export.do": ("导出", "Export"),
    "export.path_missing": ("请填写保存位置", "Say where to save the file"),
    "export.fmt_md": ("Markdown 学习记录（给人看）", "Markdown progress notes (for people)"),
    "export.fmt_toml": ("TOML 全部进度（可导入）", "TOML, all progress (importable)"),
    "export.fmt_json": ("JSON 全部进度（可导入）", "JSON, all progress (importable)"),
    "export.fmt_csv": ("CSV 复习记录", "CSV review log"),
    "export.fmt_anki": ("Anki 卡片（制表符分隔文本）", "Anki cards (tab-separated text)"),
    "export.overwrite": ("{path} 已存在，覆盖吗？", "{path} exists. Overwrite it?"),
    "export.yes": ("覆盖", "Overwrite"),
    "export.no": ("取消", "Cancel"),
    "export.failed": ("导出失败：{error}", "Export failed: {error}"),
    "export.not_a_file": ("{path} 是{kind}，不是普通文件；导出只写入普通文件，--force 也不会替换它",
                          "{path} is {kind}, not a regular file; exports are written only to regular "
                          "files, even with --force"),
    "trainee.unsigned": ("未署名", "Unsigned"),
    # cohort report (issue 19)
    "cohort.title": ("班级学习报告", "Cohort report"),
    "cohort.generated": ("生成时间", "Generated"),
    "cohort.counted": ("计入 {n} 名学员", "{n} trainees counted"),
    "cohort.replaced": ("{n} 份较旧的导出已被同一学员的最新导出取代", "{n} older exports replaced by the same trainee's newest"),
    "cohort.rejected": ("未计入的文件", "Files not counted"),
    "cohort.reading": ("正在读取导出文件", "Reading exports"),
    "cohort.none": ("没有可用的导出文件", "No usable exports"),
    "cohort.roster": ("名册", "Roster"),
    "cohort.name": ("姓名", "Name"),
    "cohort.unit": ("单位", "Unit"),
    "cohort.file": ("文件", "File"),
    "cohort.read": ("已读章节", "Sections read"),
    "cohort.reviews": ("复习次数", "Reviews"),
    "cohort.retention": ("30 天保持率", "Retention 30 d"),
    "cohort.streak": ("连续天数", "Streak"),
    "cohort.last_active": ("最近学习", "Last active"),
    "cohort.mastered": ("已掌握卡片", "Cards mastered"),
    "cohort.status": ("状态", "Status"),
    "cohort.status_active": ("学习中", "active"),
    "cohort.status_not_started": ("未开始", "not started"),
    "cohort.status_stopped": ("已停 7 天以上", "stopped 7+ days"),
    "cohort.sections": ("各章节（最难的在前）", "Sections (hardest first)"),
    "cohort.section": ("章节", "Section"),
    "cohort.read_share": ("已读人数比例", "Share who read it"),
    "cohort.mastery": ("平均掌握度", "Mean mastery"),
    "cohort.read_part": ("已读本部分章节", "sections of it read"),
    "cohort.grid": ("学员 × 各部分（已读 / 掌握度）", "Trainees × parts (read / mastery)"),
    "cohort.hardest": ("最难的卡片", "Hardest cards"),
    "cohort.card": ("卡片", "Card"),
    "cohort.recall": ("平均记忆概率", "Mean recall"),
    "cohort.lapses": ("遗忘次数", "Lapses"),
    "cohort.leeches": ("顽固卡", "Leeches"),
    "cohort.struggling": ("需要帮助的学员", "Trainees who struggle"),
    "cohort.and_more": (" 等 {n} 人", " and {n} more"),
    "cohort.activity": ("班级学习活动（近 16 周每天复习次数）", "Class activity (reviews a day, last 16 weeks)"),
    "cohort.heat_span": ("{first} 至 {last}，每格一天（周一在上），颜色越深复习越多",
                         "{first} to {last}, one square a day (Monday on top), darker for more reviews"),
    "cohort.forecast": ("未来 14 天到期复习", "Reviews due in the next 14 days"),
    "cohort.day": ("日期", "Day"),
    "cohort.units": ("各单位", "By unit"),
    "cohort.trainees": ("学员数", "Trainees"),
    "cohort.not_started": ("未开始", "Not started"),
    "cohort.stopped": ("已停", "Stopped"),
    "cohort.no_unit": ("（未填单位）", "(no unit)"),
    "cohort.reason": ("原因", "Reason"),
    "cohort.no_such": ("{path}：没有这个文件或文件夹", "{path}: no such file or folder"),
    "cohort.bad_zip": ("{path}：不是可读的 zip 文件（{problem}）", "{path}: not a readable zip file ({problem})"),
    "cohort.too_big": ("{path}：{size}，不像导出文件", "{path}: {size}, too big for an export"),
    "cohort.written": ("报告已写入 {path}", "Report written to {path}"),
    "cohort.mixed": ("课程 {course}", "Course {course}"),
    "cohort.sort": ("换排序列", "Sort by next column"),
    "cohort.reverse": ("倒序", "Reverse order"),
    "cohort.tab_roster": ("名册", "Roster"),
    "cohort.tab_sections": ("章节", "Sections"),
    "cohort.tab_grid": ("网格", "Grid"),
    "cohort.tab_cards": ("难点卡片", "Hard cards"),
    "cohort.tab_activity": ("活动", "Activity"),
    "cohort.tab_units": ("单位", "Units"),
    "cohort.tab_files": ("文件", "Files"),
    "cohort.legend": ("●=全部已读 ◐=部分已读 ○=未读；百分比为平均掌握度", "●=all read ◐=partly read ○=unread; percent is mean mastery"),
    "cohort.print_hint": ("可直接打印或在手机上阅读", "Printable and readable on a phone"),
    "cohort.today": ("今天", "today"),
    "cohort.in_days": ("{n} 天后", "in {n} d"),
    "cohort.bad_lang": ("报告语言", "Report language"),
    "bind.export": ("导出", "Export"),
    "cmd.export": ("导出学习记录或卡片", "Export progress notes or cards"),
    "import.done": ("导入完成：新增复习 {reviews_added} 条，重新计算 {cards_rescheduled} 张卡片，"
                    "新增笔记 {notes_added} 条，并存笔记 {notes_kept_beside} 条，更新章节 {sections_updated} 个",
                    "Imported: {reviews_added} reviews added, {cards_rescheduled} cards rescheduled, "
                    "{notes_added} notes added, {notes_kept_beside} kept beside local ones, "
                    "{sections_updated} sections updated"),
    "bind.search": ("搜索", "Search"),
    "search.placeholder": ("搜索标题、正文、笔记和卡片（汉字或拼音，如 bgjc）",
                           "Search titles, text, notes and cards (Chinese or pinyin, e.g. bgjc)"),
    "search.count": ("找到 {n} 条 · 回车跳转 · ↓ 选择", "{n} found · Enter jumps · ↓ to choose"),
    "search.hint": ("输入汉字、拼音或拼音首字母", "Type Chinese, pinyin or pinyin initials"),
    "search.kind_title": ("标题", "title"),
    "search.kind_body": ("正文", "text"),
    "search.kind_list": ("列表", "list"),
    "search.kind_note": ("笔记", "note"),
    "search.kind_card": ("卡片", "card"),
    "cmd.placeholder": ("搜索命令或章节（可用拼音）…", "Search commands or sections (pinyin works)…"),
    "cmd.quit": ("退出", "Quit"),
    "cmd.search": ("搜索", "Search"),
    "cmd.search_help": ("按汉字或拼音搜索全文", "Find text by Chinese or pinyin"),
    "cmd.theme": ("更换主题", "Change theme"),
    "cmd.theme_placeholder": ("搜索主题…", "Search for themes…"),
    "cmd.language": ("界面语言：切换到 English", "Interface language: switch to 中文"),
    "lang.switched": ("界面语言已切换为中文", "The interface is now in English"),
    "bind.outline": ("目录", "Outline"),
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
    "cli.course_invalid": ("课程文件有误，共 {n} 处：", "The course file has {n} problems:"),
    "cli.course_invalid_one": ("课程文件有误，共 {n} 处：", "The course file has {n} problem:"),
    "cli.path_data": ("数据目录", "data dir"),
    "cli.path_config": ("配置目录", "config dir"),
    "cli.path_db": ("进度数据库", "progress database"),
    "cli.path_settings": ("设置文件", "settings file"),
    "cli.path_backups": ("备份目录", "backups"),
    "cli.path_course": ("课程文件", "course file"),
    "cli.path_cache": ("缓存目录", "cache"),
    "cli.not_a_folder": ("{path} 是文件，不是文件夹；请用 --data-dir 或 GONGHUI_TUI_HOME 指定一个文件夹",
                         "{path} is a file, not a folder; point --data-dir or GONGHUI_TUI_HOME at a folder"),
    "due.overall": ("到期 {due} 张，今日新卡还可学 {new} 张，今日已复习 {reviewed} 次",
                    "{due} due, {new} new left today, {reviewed} reviewed today"),
    "due.section": ("到期 {due}，新卡 {new}", "due {due}, new {new}"),
}

CATALOG.update(MESSAGES)
CATALOG.update(SETTINGS_MESSAGES)
CATALOG.update(CLI)

_current = "zh"  # the interface's language; read by the UI and CLI only, never by domain code

# errno name -> catalogue key: the operating system's own words are English.
_OS_REASONS = {"ENOENT": "os.enoent", "EACCES": "os.eacces", "EPERM": "os.eacces", "EISDIR": "os.eisdir",
               "ENOTDIR": "os.enotdir", "ENOSPC": "os.enospc", "EROFS": "os.erofs", "EEXIST": "os.eexist"}


def other_language() -> str:
    return LANGUAGES[(LANGUAGES.index(_current) + 1) % len(LANGUAGES)]


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    return _current


def _text(key: str, index: int, values: dict[str, object]) -> str:
    if values.get("n") == 1 and f"{key}_one" in CATALOG:  # "1 day", "2 days"
        key = f"{key}_one"
    entry = CATALOG.get(key)
    if entry is None:
        return key
    text = entry[index]
    if not values:
        return text
    return text.format(**{name: _shown(_value(v, index)) for name, v in values.items()})


def _shown(value: object) -> object:
    """Values are titles, paths, errors, keys: untrusted, so their controls are made visible."""
    return value if isinstance(value, (int, float)) else safe(value)


def _value(value: object, index: int) -> object:
    if isinstance(value, Key):
        return _text(value, index, {})
    if isinstance(value, Message):
        return _text(value.key, index, dict(value.values))
    if isinstance(value, OSError):
        return os_reason(value, LANGUAGES[index])
    return value


def os_reason(exc: OSError, lang: str | None = None) -> str:
    """Why a file could not be used, in the user's language (the OS speaks English)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    key = _OS_REASONS.get(name)
    if key is not None:
        return translator(lang or _current)(key)
    return str(exc.strerror or exc)


def short_label(text: str) -> str:
    """The short form of a label in the current language (``<key>_short``), or the label itself."""
    return _short_forms(LANGUAGES.index(_current)).get(text, text)


@functools.cache
def _short_forms(index: int) -> dict[str, str]:
    return {entry[index]: CATALOG[f"{key}_short"][index]
            for key, entry in CATALOG.items() if f"{key}_short" in CATALOG}


def translator(lang: str) -> Translate:
    """A ``Translate`` bound to one language, for domain code that writes text for people."""
    index = LANGUAGES.index(lang)

    def tr(key: str, /, **values: object) -> str:
        return _text(key, index, values)

    return tr


def t(key: str, **values: object) -> str:
    """The string for ``key`` in the interface's language, formatted with ``values``."""
    return _text(key, LANGUAGES.index(_current), values)
