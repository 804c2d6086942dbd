"""The words of a report's page, its charts and its workbook, Chinese and English: the page's
headings, the 示例数据 notice, each chart's title, axis and legend (`view/charts.py`,
`view/taskcharts.py`), and the sheets' names and own columns (`view/workbook.py`,
`view/checkbook.py`). Part of the catalogue (`labels.w`).
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # the page's headings (render/html.py)
    "page.charts": ("图表", "Charts"),
    "page.table": ("表", "Table"),
    "page.sentences": ("说明", "Summary"),
    "page.period": ("期间", "Period"),
    "page.key": ("图例", "Key"),
    "page.made": ("由 zonekpi {version} 生成", "Made by zonekpi {version}"),
    # 示例数据, said once under every title (view/illustrative.py)
    "illustrative.banner": (
        "示例数据: 本报告所用数字为示例, 非实际统计数据",
        "Illustrative data: the figures in this report are examples, not official statistics",
    ),
    "col.period": ("期间", "Period"),  # the last columns of every CSV (view/long.py)
    "col.illustrative": ("示例数据", "Illustrative"),
    "illustrative.mark": ("示例数据", "illustrative figures"),
    "illustrative.item": ("示例数据", "Illustrative"),
    "illustrative.text": (
        "所用数字标为示例数据 (示例), 不是公布的统计数",
        "the figures used are marked illustrative, not published statistics",
    ),
    # check's charts
    "chart.completion_elapsed": (
        "完成率与序时进度 ({period})",
        "Completion against time elapsed ({period})",
    ),
    "chart.completion": ("目标完成率 ({period})", "Completion of targets ({period})"),
    "chart.completion_axis": ("完成率 (%)", "completion (%)"),
    "chart.completion_bars": ("完成率", "completion"),
    "chart.elapsed": ("序时进度", "time elapsed"),
    "chart.whole_target": ("全年目标 100%", "the year's target, 100%"),
    "chart.zone": ("全区", "zone"),
    "chart.parks_judged": ("分园区完成情况 ({period})", "Parks against their targets ({period})"),
    "chart.parks_figures": ("分园区数据 ({period})", "Figures by park ({period})"),
    # path's, rank's, compare's and incentives' charts
    "chart.path": ("{name} 路径", "{name}: path"),
    "chart.path_line": ("路径值", "path"),
    "chart.actual": ("实际", "actual"),
    "chart.target": ("目标", "target"),
    "chart.scores": ("考核总分 ({period})", "Total scores ({period})"),
    "chart.points": ("分", "points"),
    "chart.total": ("总分", "total"),
    "chart.full": ("满分", "full marks"),
    "chart.growth": ("全区增速 ({old}→{new})", "Zone growth ({old}→{new})"),
    "chart.growth_axis": ("增长 (%)", "growth (%)"),
    "chart.growth_bars": ("增速", "growth"),
    "chart.by_rule": ("按政策条款兑现 ({year})", "Payable by rule ({year})"),
    "chart.payable_axis": ("兑现金额 ({unit})", "payable ({unit})"),
    "chart.payable": ("兑现金额", "payable"),
    "chart.budget": ("预算", "budget"),
    "chart.top": ("兑现金额最多的单位 (前{n}名)", "Largest beneficiaries (top {n})"),
    "chart.beneficiaries": ("各单位兑现金额", "Payable by beneficiary"),
    # a workbook's sheets
    "sheet.summary": ("总表", "Summary"),
    "sheet.by_park": ("分园区", "By park"),
    "sheet.by_owner": ("按责任单位", "By owner"),
    "sheet.completion": ("完成与序时", "Completion"),
    "sheet.parks": ("园区对比", "Parks"),
    "sheet.notes": ("说明", "Notes"),
    "sheet.compare": ("对比", "Comparison"),
    "sheet.path": ("路径", "Path"),
    "sheet.scores": ("得分明细", "Scores"),
    "sheet.ranking": ("排名", "Ranking"),
    "sheet.claims": ("兑现明细", "Claims"),
    "sheet.beneficiaries": ("受益单位", "Beneficiaries"),
    "sheet.rules": ("政策", "Rules"),
    "sheet.ledger": ("任务台账", "Ledger"),
    "sheet.by_unit": ("各单位汇总", "By unit"),
    # … and their own columns and charts
    "book.indicator": ("指标", "Indicator"),
    "book.completion": ("完成率", "Completion"),
    "book.elapsed": ("序时进度", "time elapsed"),
    "book.target": ("目标", "target"),
    "book.completion_elapsed": ("完成率与序时进度", "Completion against time elapsed"),
    "book.park": ("园区", "Park"),
    "book.parks_side": ("各园区对比", "Parks side by side"),
    "book.item": ("项目", "Item"),
    "book.text": ("内容", "Content"),
    "book.plan": ("规划", "Plan"),
    "book.source": ("来源", "Source"),
    "book.period": ("期间", "Period"),
}
