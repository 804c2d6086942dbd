"""Chinese of the messages of the command line: its usage errors (click's too), notes and
warnings, and the end of a run (a file that cannot be written, a bug)."""

ZH: dict[str, str] = {
    # cli.py
    "Invalid value for --period: {why}": "--period的值无效: {why}",
    "--excel applies to --format csv, tsv or long": "--excel只用于--format csv、tsv或long",
    "--by-park shows every park; leave out --park, or --by-park": "--by-park显示全部园区; 请去掉--park或--by-park",
    "give one of --report, --incentives or --tasks": "--report、--incentives和--tasks只能给出其中一个",
    "--by picks one table; --format {fmt} gives them all": "--by选择一张表; --format {fmt}给出全部表",
    "note: {year} is settled under the rules of the {plan} plan": "注意: {year}年按{plan}年计划的规则兑现",
    # view/outputs.py
    "warning: {text}": "警告: {text}",
    "{file} has figures for {year}: --by-park shows them": "{file}有{year}年的数据: 用--by-park查看",
    # plumbing.py
    "{message} (see: {command} --help)": "{message}(参见: {command} --help)",
    "could not write the output: {why}": "无法写出结果: {why}",
    "could not write the output {path}: {why}": "无法写出结果文件{path}: {why}",
    "internal error ({what}); please report it with the command you ran": "内部错误({what}); 请连同所运行的命令一起报告",
    "--output {output} is one of the input files; choose another file name": "--output {output}是输入文件之一; 请换一个文件名",
    "--output {output} is one of the input files ({source}, the same file); choose another file name": "--output {output}是输入文件之一({source}, 同一个文件); 请换一个文件名",
    "{path}: not a plain file; --output writes only regular files": "{path}: 不是普通文件; --output只写普通文件",
    "{path}: the folder {folder} does not exist; create it first": "{path}: 文件夹{folder}不存在; 请先创建",
    # formats.py
    "cannot write a {ext} file yet; write a workbook for Excel and WPS with -o {xlsx}, or a page to print with -o {html}": "暂不能写{ext}文件; 可用-o {xlsx}写出供Excel和WPS打开的工作簿, 或用-o {html}写出可打印的网页报告",
    "--format {fmt} and --output {output} disagree: a {ext} file holds {allowed}; leave out --format, or name the file for {fmt}": "--format {fmt}与--output {output}不一致: {ext}文件应为{allowed}格式; 请去掉--format, 或按{fmt}格式命名文件",
    # view/usage.py: click's usage errors
    "No such option: {name}": "没有选项{name}",
    "No such option: {name} Did you mean {meant}?": "没有选项{name}; 是否应为{meant}?",
    "No such option: {name} (Possible options: {options})": "没有选项{name}(可能的选项: {options})",
    "Missing argument {hint}.": "缺少参数{hint}",
    "Missing option {hint}.": "缺少选项{hint}",
    "Invalid value for {hint}: {why}": "{hint}的值无效: {why}",
    "Option '{name}' requires an argument.": "选项'{name}'需要一个值",
    "Got unexpected extra argument ({args})": "多出了参数({args})",
    "Got unexpected extra arguments ({args})": "多出了参数({args})",
    "No such command '{name}'.": "没有命令'{name}'",
    "Missing command.": "缺少命令",
    "{value} is not a valid integer.": "{value}不是有效的整数",
    "{path} does not exist.": "{path}不存在",
    "{path} is a directory.": "{path}是文件夹",
    "{path} is a file, not a folder.": "{path}是文件, 不是文件夹",
    "{value!r} is not one of {choices}.": "{value!r}不是{choices}之一",
}
