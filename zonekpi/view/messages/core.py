"""Chinese of the messages of the API's checks of a command's input and of the core."""

ZH: dict[str, str] = {
    # api.py
    "{text!r} is not a year to date; targets are for the year, so the check runs on 1–N月: write {ytd}": "{text!r}不是截至某月的累计期间; 目标按全年设定, 检查按1–N月累计进行: 请写{ytd}",
    "{text!r} is not in --year {year}": "{text!r}不在--year {year}之内",
    "unknown park '{park}' (parks: {known})": "没有园区'{park}'(园区: {known})",
    "elapsed {elapsed!r} is not months, days or seasonal": "elapsed {elapsed!r}不是months、days或seasonal之一",
    "has no target and no figure for {year}; its years: {listed} (check --year)": "没有{year}年的目标, 也没有{year}年的数据; 它有的年份: {listed}(请检查--year)",
    "'{was}' (now '{now}')": "'{was}'(现为'{now}')",
    "the figures of {named} are in {before}, and {at} measures '{now}' in {after}: {why}; give it a unit of the same kind in both plans, or another id": "{named}的数据以{before}计, 而{at}中'{now}'以{after}计: {why}; 请在两个计划中用同一类单位, 或改用另一个id",
    "is for {new}, not after {file}'s {old}": "是{new}年的计划, 不晚于{file}的{old}年",
    "has no assessment scheme; add a 'scoring:' block with items and weights (docs/format.md, Scoring 考核计分)": "没有考核方案; 请添加'scoring:'部分, 写明考核项目和权重(见docs/format.md, Scoring 考核计分)",
    "its scoring scheme is for {plan}, not {year}; rank the plan of {year}, or leave out --year": "它的考核方案是{plan}年的, 不是{year}年的; 请对{year}年的计划排名, 或去掉--year",
    "has no incentive rules; add an 'incentives:' block with its rules (docs/format.md, Incentives 政策兑现)": "没有奖补规则; 请添加'incentives:'部分, 写明规则(见docs/format.md, Incentives 政策兑现)",
    "its rules are of {plan}; --year {year} is before them": "它的规则是{plan}年的; --year {year}早于规则",
    "--year {year} is far past the plan's {plan}; check the year": "--year {year}远晚于计划的{plan}年; 请检查年份",
    "no indicator '{indicator}'; did you mean '{meant}'?": "没有指标'{indicator}'; 是否应为'{meant}'?",
    "no indicator '{indicator}' (indicators: {ids})": "没有指标'{indicator}'(指标: {ids})",
    # core/figures.py
    "{indicator} ({park}) {period}: the figures for parts of it disagree ({lines}); it is left without a figure": "{indicator}({park}) {period}: 各分段数据相互矛盾({lines}); 该期间按无数据处理",
    "{indicator} {period}: the figures for parts of it disagree ({lines}); it is left without a figure": "{indicator} {period}: 各分段数据相互矛盾({lines}); 该期间按无数据处理",
}
