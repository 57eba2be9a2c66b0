"""Catalogue entries for the command line: --help, argparse's own words, usage.

Part of the one catalogue (``i18n.CATALOG`` includes these). Option and
command names stay as typed (``--lang``, ``validate``); the words around them
and the placeholders (PATH, FILE) are translated. Key: (Chinese, English).
"""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    "cli.epilog": ("界面语言：--lang 优先；其次是设置文件中的 language；再次是环境变量 LC_ALL、LC_MESSAGES、LANG"
                   "（以 en 开头即为英文）；否则为中文。",
                   "Interface language: --lang first; then language in the settings file; then LC_ALL, "
                   "LC_MESSAGES or LANG (a value starting with en means English); otherwise Chinese."),
    "cli.h_version": ("显示版本号并退出", "show the version and exit"),
    "cli.h_course": ("课程文件（默认：自带的课程）", "course file (default: the bundled course)"),
    "cli.h_data_dir": ("把进度和设置保存在该目录", "keep progress and settings in DIR"),
    "cli.h_lang": ("界面语言（zh 或 en）", "interface language (zh or en)"),
    "cli.h_validate": ("检查课程文件并给出摘要", "check a course file and summarise it"),
    "cli.h_validate_path": ("课程文件（默认：自带的课程）", "course file (default: bundled)"),
    "cli.h_paths": ("显示进度、设置和备份的存放位置", "print where progress, settings and backups live"),
    "cli.h_stats": ("学习数据：阅读、卡片、记忆保持率、连续天数", "progress figures: reading, cards, retention, streak"),
    "cli.h_stats_json": ("输出 JSON（字段见 docs/stats.md）", "print JSON (keys in docs/stats.md)"),
    "cli.h_export": ("导出学习记录或卡片", "export progress notes or cards"),
    "cli.h_format": ("md（默认）、toml、json、csv（复习记录）或 anki", "md (default), toml, json, csv (review log) or anki"),
    "cli.h_output": ("保存位置；给出目录则用带日期的文件名（默认：当前目录下带日期的文件名）",
                     "where to write; a folder gets a dated name (default: a dated name here)"),
    "cli.h_force": ("覆盖已有的文件", "overwrite an existing file"),
    "cli.h_name": ("学员姓名（默认：config.toml 中的 [trainee]）", "the trainee's name (default: [trainee] in config.toml)"),
    "cli.h_unit": ("学员单位（默认：config.toml 中的 [trainee]）", "the trainee's unit (default: [trainee] in config.toml)"),
    "cli.h_no_notes": ("不导出我的笔记（默认导出）", "leave your private notes out (notes are included by default)"),
    "cli.h_import": ("把 TOML 或 JSON 导出文件合并到本机进度", "merge a TOML or JSON export into this machine's progress"),
    "cli.h_import_file": ("导出文件", "the export file"),
    "cli.h_keep_orphans": ("保留本课程中没有的卡片和章节的进度", "keep progress for cards and sections this course does not have"),
    "cli.h_cohort": ("讲师用：汇总多名学员导出文件的班级报告", "an instructor's report over many trainees' exports"),
    "cli.h_cohort_paths": ("导出文件、目录、通配符或 zip 文件", "export files, folders, globs or zip files"),
    "cli.h_cohort_format": ("写出报告，而不打开班级界面", "write a report instead of opening the cohort screen"),
    "cli.h_cohort_output": ("报告的保存位置（默认：标准输出）", "where to write the report (default: stdout)"),
    "cli.h_due": ("现在到期的卡片、今日剩余新卡、今日已复习次数", "cards due now, new cards left today, reviews done today"),
    "cli.h_due_json": ("输出 JSON，供脚本使用", "print JSON for scripts"),
    # placeholders in usage lines
    "cli.mv_path": ("路径", "PATH"),
    "cli.mv_dir": ("目录", "DIR"),
    "cli.mv_file": ("文件", "FILE"),
    "cli.mv_name": ("姓名", "NAME"),
    "cli.mv_unit": ("单位", "UNIT"),
    "cli.mv_command": ("命令", "COMMAND"),
    # argparse's own words
    "argparse.usage": ("用法：", "usage: "),
    "argparse.positionals": ("位置参数", "positional arguments"),
    "argparse.options": ("选项", "options"),
    "argparse.help": ("显示本帮助并退出", "show this help message and exit"),
    "argparse.error": ("%(prog)s：错误：%(message)s\n", "%(prog)s: error: %(message)s\n"),
    "argparse.argument": ("参数 %(argument_name)s：%(message)s", "argument %(argument_name)s: %(message)s"),
    "argparse.invalid_choice": ("无效的选择：%(value)r（可选：%(choices)s）",
                                "invalid choice: %(value)r (choose from %(choices)s)"),
    "argparse.invalid_value": ("无效的 %(type)s 值：%(value)r", "invalid %(type)s value: %(value)r"),
    "argparse.unrecognized": ("无法识别的参数：%s", "unrecognized arguments: %s"),
    "argparse.required": ("缺少必需的参数：%s", "the following arguments are required: %s"),
    "argparse.one_required": ("以下参数必须给出一个：%s", "one of the arguments %s is required"),
    "argparse.expected_one": ("需要一个值", "expected one argument"),
    "argparse.expected_most_one": ("最多需要一个值", "expected at most one argument"),
    "argparse.expected_least_one": ("至少需要一个值", "expected at least one argument"),
    "argparse.expected_n": ("需要 %s 个值", "expected %s arguments"),
    "argparse.ambiguous": ("有歧义的选项：%(option)s 可以是 %(matches)s", "ambiguous option: %(option)s could match %(matches)s"),
    "argparse.not_allowed": ("不能与参数 %s 同时使用", "not allowed with argument %s"),
    "argparse.ignored": ("忽略了多余的参数 %r", "ignored explicit argument %r"),
    "argparse.unknown_parser": ("未知命令 %(parser_name)r（可选：%(choices)s）",
                                "unknown parser %(parser_name)r (choices: %(choices)s)"),
    "argparse.cant_open": ("无法打开“%(filename)s”：%(error)s", "can't open '%(filename)s': %(error)s"),
    "argparse.unexpected": ("意外的选项：%s", "unexpected option string: %s"),
    # messages of the command line itself
    # "PROGRAM: " and "FILE: " prefixes are the same in every language, for scripts and editors
    "cli.error": ("gonghui-tui: {message}", "gonghui-tui: {message}"),
    "cli.cannot_use": ("{path}: {reason}", "{path}: {reason}"),
}

# argparse's message id (its English text) -> our key
ARGPARSE_KEYS: dict[str, str] = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "the following arguments are required: %s": "argparse.required",
    "one of the arguments %s is required": "argparse.one_required",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_most_one",
    "expected at least one argument": "argparse.expected_least_one",
    "expected %s argument": "argparse.expected_n",
    "expected %s arguments": "argparse.expected_n",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed",
    "ignored explicit argument %r": "argparse.ignored",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown_parser",
    "can't open '%(filename)s': %(error)s": "argparse.cant_open",
    "unexpected option string: %s": "argparse.unexpected",
}
