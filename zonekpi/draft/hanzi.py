"""Traditional characters read as simplified ones, for matching target sentences.

Not a converter: a table of the characters that occur in the words the sentence forms look
for (達到, 億元, 確保, 爭取, 增長, 園區 …) and in the names of common indicators, so a document
in traditional characters drafts the same targets. A character not in the table is kept as it
is; a one-to-one table cannot change the length of the text, so offsets stay true.
"""

from __future__ import annotations

_PAIRS = (
    "達达 億亿 萬万 元元 實实 現现 確确 爭争 區区 園园 總总 額额 增增 長长 產产 值值 業业 "
    "術术 企企 數数 資资 進进 建建 設设 項项 目目 標标 發发 開开 經经 濟济 會会 議议 規规 劃划 "
    "計计 務务 機机 構构 專专 利利 請请 權权 費费 財财 稅税 收收 鎮镇 調调 率率 內内 以以 "
    "上上 於于 幾几 個个 與与 為为 這这 對对 將将 從从 並并 後后 時时 間间 點点 類类 級级 "
    "務务 員员 職职 團团 體体 術术 網网 絡络 據据 傳传 統统 環环 境境 節节 單单 優优 勢势 "
    "強强 創创 險险 廠厂 場场 廣广 灣湾 門门 問问 關关 頭头 電电 車车 輛辆 鐵铁 銀银 錢钱 "
    "貸贷 幣币 貿贸 養养 醫医 療疗 學学 師师 習习 讓让 認认 證证 識识 護护 註注 冊册 "
    "獎奖 勵励 補补 貼贴 預预 轉转 換换 兩两 單单 過过 邊边 遠远 選选 運运 遞递 還还 "
    "競竞 爭争 奮奋 舉举 擴扩 鬥斗 覽览 觀观 辦办 節节 溫温 態态 滅灭 樣样 農农 "
    "動动 勞劳 務务 縣县 鄉乡 陽阳 陰阴 隊队 階阶 際际 隨随 險险 億亿 僅仅 價价 "
    "萬万 處处 臺台 臺台 專专 屬属 層层 歲岁 盡尽 監监 盤盘 蘭兰 藝艺 藥药 "
    "億亿 營营 築筑 範范 簡简 簽签 籌筹 紅红 約约 級级 納纳 紙纸 組组 細细 終终 結结 "
    "給给 絕绝 統统 續续 績绩 維维 綜综 緊紧 總总 線线 編编 練练 縮缩 績绩 織织 "
    "聯联 聲声 職职 腦脑 與与 舊旧 華华 莊庄 處处 號号 術术 衛卫 裝装 製制 複复 "
    "見见 規规 視视 覺觉 親亲 觸触 計计 訂订 記记 許许 設设 評评 試试 話话 該该 "
    "詳详 誠诚 說说 誰谁 課课 調调 談谈 請请 論论 諮谘 講讲 謀谋 謝谢 證证 識识 "
    "議议 護护 讀读 變变 讓让 豐丰 貝贝 負负 貢贡 財财 責责 貨货 質质 購购 賽赛 "
    "贏赢 趨趋 軍军 軟软 載载 輔辅 輸输 轉转 辦办 農农 邊边 這这 連连 進进 運运 "
    "過过 達达 違违 適适 選选 遺遗 鄉乡 醫医 釋释 針针 鋼钢 錄录 鎮镇 長长 門门 "
    "開开 間间 閱阅 隊队 陽阳 際际 雙双 雜杂 雞鸡 離离 難难 電电 需需 靈灵 順顺 "
    "預预 領领 頻频 題题 額额 風风 飛飞 館馆 驗验 體体 點点 黨党 齊齐 龍龙 "
    "確确 礎础 穩稳 積积 穀谷 種种 稱称 窮穷 競竞 筆笔 節节 範范 築筑 "
    "興兴 擔担 據据 擁拥 擇择 擬拟 擴扩 攜携 敗败 斷断 於于 時时 晉晋 暢畅 "
    "構构 槓杠 標标 樓楼 樣样 機机 檢检 權权 歐欧 歸归 殘残 氣气 漢汉 潛潜 "
    "濟济 無无 爲为 營营 獲获 現现 環环 畫画 當当 療疗 發发 盧卢 碼码 "
    "協协 掛挂 隻只 餘余 畝亩 噸吨 輪轮 蓋盖 匯汇 貫贯 鏈链 慶庆 憑凭 擊击 棄弃 殼壳 淨净 滬沪 "
    "廳厅 廠厂 廢废 廣广 張张 彈弹 歷历 徵征 從从 復复 態态 應应 懷怀 "
    "戰战 戶户 扎扎 揚扬 換换 損损 搶抢 攝摄 擋挡 條条 東东 們们 來来 傳传 "
    "僑侨 儀仪 億亿 優优 兒儿 內内 們们 創创 劃划 劇剧 劑剂 勁劲 務务 勝胜 "
    "勢势 區区 協协 參参 雙双 啟启 圍围 國国 圖图 團团 圓圆 執执 堅坚 報报 "
    "場场 塊块 壓压 壯壮 壽寿 夠够 夢梦 奪夺 婦妇 學学 寧宁 實实 審审 寫写 "
    "將将 對对 專专 導导 屆届 層层 崗岗 嶺岭 幹干 幾几 庫库 術术 屬属 "
)
TABLE = str.maketrans(
    {pair[0]: pair[1] for pair in _PAIRS.split() if len(pair) == 2 and pair[0] != pair[1]}
)


def simplified(text: str) -> str:
    """`text` with the table's traditional characters as simplified ones."""
    return text.translate(TABLE)
