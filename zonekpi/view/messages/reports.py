"""Chinese of the messages of the report files: --charts, the HTML report and its plotting
library, the tidy CSV (--format long) and the formats an --output file may hold."""

ZH: dict[str, str] = {
    # chartfiles.py
    "no font with Chinese characters was found to draw the PNG charts; install one and try again (Debian/Ubuntu: sudo apt install fonts-noto-cjk; Windows has Microsoft YaHei)": "没有找到含中文字形的字体, 无法画PNG图表; 请安装一种后再试(Debian/Ubuntu: sudo apt install fonts-noto-cjk; Windows自带微软雅黑Microsoft YaHei)",
    "--charts {folder}: not a folder; give the name of a folder": "--charts {folder}: 不是文件夹; 请给出一个文件夹的名字",
    "--charts '': give the name of a folder to write the charts in": "--charts '': 请给出写入图表的文件夹名",
    "--charts {folder}: {target} is one of the input files ({source}); choose another folder": "--charts {folder}: {target}是输入文件之一({source}); 请换一个文件夹",
    "--charts {folder}: cannot create the folder: {why}": "--charts {folder}: 无法创建文件夹: {why}",
    "{target}: not a plain file; --charts writes only regular files": "{target}: 不是普通文件; --charts只写普通文件",
    # render/charts.py
    "HTML reports and charts need {name}, which is not installed: {wanted}": "HTML报告和图表需要{name}, 但它没有安装: {wanted}",
    # render/delimited.py
    "--format long is the tidy CSV of check; use --format csv here": "--format long是check专用的长表CSV; 这里请用--format csv",
    # formats.py
    "--format {fmt} is a file, not for a terminal: write it with -o FILE.{fmt}": "--format {fmt}输出的是文件, 不能显示在终端上: 请用-o FILE.{fmt}写出",
    "{first} or {then}": "{first}或{then}",
}
