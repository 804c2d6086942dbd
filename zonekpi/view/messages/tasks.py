"""Chinese of the messages of the task ledger (重点工作台账): its units, tasks and milestones in
a plan, its progress files, and the options of `zonekpi tasks`."""

ZH: dict[str, str] = {
    # read/tasks.py
    "the unit id '{id}' is used twice (parks are units)": "单位id'{id}'重复使用(园区也算单位)",
    "unknown unit '{name}' (units: {shown}); did you mean '{meant}'?": "没有单位'{name}'(单位: {shown}); 是否应为'{meant}'?",
    "unknown unit '{name}' (units: {shown}); declare it under units:": "没有单位'{name}'(单位: {shown}); 请先在units:下登记该单位",
    "unknown unit {owner!r} (units: {ids}); did you mean '{meant}'?": "没有单位{owner!r}(单位: {ids}); 是否应为'{meant}'?",
    "unknown unit {owner!r} (units: {ids})": "没有单位{owner!r}(单位: {ids})",
    "task id '{id}' is used twice": "任务id'{id}'重复使用",
    "the task's year {year} is before the plan's, {plan}": "任务年份{year}早于计划年份{plan}",
    "the deadline {text!r} ({due}) is not in {year}, the task's year; write year: {later} on the task if it is due in a later year": "期限{text!r}({due})不在任务所在的{year}年; 如果任务在以后年份到期, 请在任务上写year: {later}",
    "the milestone {name!r} is named twice in this task": "本任务的节点{name!r}重复出现",
    "the milestone {name!r} is due {day}, before {last!r} ({due}), the milestone before it; list milestones in order, or correct the date": "节点{name!r}的期限为{day}, 早于上一个节点{last!r}({due}); 请按先后顺序列出节点, 或更正日期",
    "the milestone {name!r} is due {day}, after the task's deadline ({due})": "节点{name!r}的期限为{day}, 晚于任务的完成期限({due})",
    # read/progress.py
    "progress files are .csv, .tsv or .xlsx (a file, not a folder)": "进展文件应为.csv、.tsv或.xlsx(文件, 而不是文件夹)",
    "unknown column '{name}'; the header is {header}": "未知的列'{name}'; 表头应为{header}",
    "unknown column '{name}'; did you mean '{meant}'?; the header is {header}": "未知的列'{name}'; 是否应为'{meant}'? 表头应为{header}",
    "unknown task '{task}'; did you mean '{meant}'?": "没有任务'{task}'; 是否应为'{meant}'?",
    "unknown task '{task}'; the plan's tasks: zonekpi tasks PLAN": "没有任务'{task}'; 计划中的任务可用zonekpi tasks PLAN查看",
    "task '{task}' has no milestone '{milestone}' (its milestones: {listed})": "任务'{task}'没有节点'{milestone}'(该任务的节点: {listed})",
    "task '{task}' has no milestone '{milestone}' (its milestones: {listed}); did you mean '{meant}'?": "任务'{task}'没有节点'{milestone}'(该任务的节点: {listed}); 是否应为'{meant}'?",
    "unknown status '{status}': write 未启动, 推进中, 已完成 or 已取消": "没有状态'{status}': 请填未启动、推进中、已完成或已取消",
    "unknown status '{status}': write 未启动, 推进中, 已完成 or 已取消; did you mean '{meant}'?": "没有状态'{status}': 请填未启动、推进中、已完成或已取消; 是否应为'{meant}'?",
    "date {text!r} is a month; a report's date is a day, like 2018-06-30": "日期{text!r}是月份; 报送日期应精确到日, 如2018-06-30",
    "percent {text!r} is not a share from 0 to 100, like 60%": "完成比例{text!r}不是0到100之间的数, 应写成60%这样",
    "percent {text!r}: {why}": "完成比例{text!r}: {why}",
    "none": "无",
    # read/textfile.py: what the progress files are called
    "progress file": "进展文件",
    # api.py
    "{file} has no tasks: write them under tasks: (docs/format.md)": "{file}中没有任务: 请写在tasks:下(见docs/format.md)",
    "--as-of {day!r} is not a day; write it like 2018-06-30": "--as-of {day!r}不是日期; 请写成2018-06-30这样",
    "--soon-days {soon} and --unreported-days {period}: days, at least 0 and 1": "--soon-days {soon}和--unreported-days {period}: 天数, 分别不少于0和1",
}
