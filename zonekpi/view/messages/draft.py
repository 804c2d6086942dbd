"""Chinese of the messages of `zonekpi draft`: the document it reads, and the plan it drafts."""

ZH: dict[str, str] = {
    # draft/document.py
    "is {size:,} bytes; a document to draft from is at most 5 MB (save the plan's text alone)": "有{size:,}字节; 用于起草的文档最大5 MB(请只保存计划正文)",
    "is a PDF; zonekpi draft reads text, Markdown, HTML and .docx: copy the text out (pdftotext -layout FILE.pdf FILE.txt, or Save as Text), or OCR a scanned PDF first": "是PDF文件; zonekpi draft读取文本、Markdown、HTML和.docx: 请先把文字复制出来(pdftotext -layout FILE.pdf FILE.txt, 或另存为文本), 扫描的PDF请先做文字识别(OCR)",
    "is empty; give the document's text (.txt, .md, .html or .docx)": "是空文件; 请给出文档正文(.txt、.md、.html或.docx)",
    "is not a text file (it holds NUL bytes); give the document as text, .html or .docx": "不是文本文件(含有NUL字节); 请以文本、.html或.docx给出文档",
    "holds no Chinese text to draft from; give the document's text": "没有可供起草的中文文字; 请给出文档正文",
    "is a .docx; install python-docx (pip install python-docx) or save it as text": "是.docx文件; 请安装python-docx(pip install python-docx), 或另存为文本",
    "is not a Word .docx file zonekpi can read; save it as .docx or as text": "不是zonekpi能读取的Word .docx文件; 请重新另存为.docx或文本",
    "holds no text (a scanned document?); give the document's text": "没有文字(是扫描件吗?); 请给出文档正文",
    "holds {chars:,} characters of text; a document to draft from is at most {most:,} (a work plan is 5,000–30,000): save the plan's text alone": "有{chars:,}个字符; 用于起草的文档最多{most:,}个字符(一份工作计划约5,000–30,000字): 请只保存计划正文",
    "its part {part} unpacks to {size:,} bytes; a .docx to draft from unpacks to at most {mb} MB a part: save the plan's text alone": "其中的{part}解压后有{size:,}字节; 用于起草的.docx每部分解压后最大{mb} MB: 请只保存计划正文",
    # draft/build.py: a sentence too long to read in bounded time
    "a sentence of {chars:,} characters; a sentence to draft from is at most {most:,} (a plan's longest is a few hundred): is this the plan's text?": "这一句有{chars:,}个字符; 用于起草的一句话最多{most:,}个字符(计划中最长的句子不过几百字): 这是计划的正文吗?",
    # read/textfile.py: what a document to draft from is called
    "document": "文档",
    # draft/build.py
    "names no year in its first lines; give the plan's year with --year": "开头几行没有写年份; 请用--year给出计划年份",
    # cli_draft.py
    "--year {year}: give the plan's year, such as 2018": "--year {year}: 请给出计划年份, 如2018",
    "--output {output} exists; add --force to replace it": "--output {output}已存在; 如要替换, 请加--force",
    "states no numeric target (达到, 不少于, 增长…) to draft from; give the plan's own document": "没有可供起草的数量目标(达到、不少于、增长…); 请给出计划本身的文档",
    "{output}: {count} targets of {indicators} indicators and {tasks} tasks drafted": "{output}: 已起草{indicators}个指标的{count}项目标、重点工作{tasks}项",
}
