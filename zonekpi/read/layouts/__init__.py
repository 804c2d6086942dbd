"""Figure tables as offices send them: the long table, and the layouts of a 统计月报.

Every table (a CSV, TSV or a workbook's sheets) comes here from `figfile.read_figure_file`. Its
layout is recognised from its header row, the first row with an indicator column (指标, 指标名称,
indicator…); the rows above it are titles, which may state the period (2018年1-10月, 期间:
2018-10), the park (填报单位: 高新区) or the unit (单位: 亿元). Then:

- **a long table** (a period column: indicator, park, period, value…, or 指标, 园区, 期间, 数值…)
  is read by `figrows.table_figures` as it always was, its Chinese headings, names, aliases,
  statuses and measures (增速) turned into the ids and words that reader knows;
- **indicators down** — figure columns relative to the report's period (本月, 1-N月累计, 去年同期,
  同比增长(%), 上年全年: a 统计月报), or periods across (1月 … 12月, 1-10月, 2018-10, 2017年);
- **parks across** (高新区, 经开区, …, 合计), for the report's period;
- **a workbook of park sheets**: every sheet named for a park (or 全区/合计 for the zone) holds
  that park's figures, indicators down.

The figures of a layout are written out as the rows of a long table (`_Out`) and read by the same
reader, so that every rule and message about a value, a unit or a period is the one a long table
gives. What only a layout can get wrong is found here, as a person reading the table would:
a cell that is not a number, a percentage in a column of levels, a 同比 that disagrees with
本期 ÷ 去年同期, a month larger than its year to date, a year to date that falls. Each is one
line naming the file (and sheet), the row, the cell (A1) and what to do; what cannot be read is a
problem (exit 2), what can is a warning. Blank rows, footnotes (注, 说明…) and rows without
figures (headings of groups) are read past; an empty indicator cell under a filled one, beside a
park, is the merged cell it was.
"""

from .table import read_table

__all__ = ["read_table"]
