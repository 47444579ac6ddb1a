#!/usr/bin/env python3
"""Build the test documents of tests/data/formats/ from the sample texts.

Each chosen sample of tests/data/samples/ (its first line the title, the
rest the body) becomes:

- web pages in three CMS styles, with real page clutter (navigation,
  breadcrumbs, sidebars, share bars, scripts, styles, footers): an old
  table-layout CMS in GB2312 with a metadata table (``*.a.html``), an HTML5
  CMS in UTF-8 (``*.b.html``), a ``zoom``-box CMS in UTF-8 declared by
  http-equiv (``*.c.shtml``);
- a .docx with the numbering in the text (``*.literal.docx``) and one whose
  headings are numbered by Word's automatic numbering (``*.auto.docx``,
  numbering.xml: chineseCounting 一、, （一）, decimal 1., (1));
- a .docx numbered by its heading styles (``*.styled.docx``: the styles
  carry the list, the paragraphs only name their style, as Word writes a
  numbered "Heading 1"), and one with no numbers at all (``*.plain.docx``:
  outer headings in heading styles, inner ones bold runs);
- a page with no numbers in its headings (``*.d.html``: ``<h2>``, ``<h3>``,
  then paragraphs wholly in ``<b>``);
- a PDF with a Chinese text layer (``*.pdf``: reportlab, the STSong-Light CID
  font, hard line breaks and page numbers ``- 1 -`` as a PDF has them).

Plus the hostile files of tests/hostile (zip bomb .docx, 100 000 nested
divs are built in the test itself), a PDF with a broken cross-reference
table, a .pdf that is a web page, and a PDF of page images only.

Run from the repository root: python3 scripts/make-format-docs.py
(``--no-pdf`` writes the pages and Word files only).
Needs: pip install reportlab. The output is committed, so tests need no
generator.
"""

import html
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests/data/samples"
OUT = ROOT / "tests/data/formats"
CHOSEN = ["01", "04", "14", "16", "17", "19"]

TITLE = re.compile(r"年.*(总结|报告|计划|思路|安排)")

LEVELS = [
    (re.compile(r"^[一二三四五六七八九十]+、"), 0),
    (re.compile(r"^[(（][一二三四五六七八九十]+[)）]"), 1),
    (re.compile(r"^[0-9]+[.．、](?![0-9])"), 2),
    (re.compile(r"^[(（][0-9]+[)）]"), 3),
]


def sample_lines(prefix):
    path = next(SAMPLES.glob(prefix + "_*.txt"))
    lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines()]
    lines = [l for l in lines if l]
    # The title is the first line naming a report; lines above it (an
    # index-metadata block) are the page's, kept only where a page has them.
    at = next(i for i, l in enumerate(lines) if TITLE.search(l))
    return lines[:at], lines[at], lines[at + 1 :]


NAV = """<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/xxgk">信息公开</a></li><li><a href="/hdjl">互动交流</a></li><li><a href="/bsfw">办事服务</a></li></ul></div>"""
SIDEBAR = """<div class="sidebar"><h3>热点新闻</h3><ul><li><a href="/a1">全县召开安全生产工作会议部署下一阶段工作</a></li>
<li><a href="/a2">县领导调研乡村振兴重点项目建设情况</a></li><li><a href="/a3">关于开展营商环境满意度调查的通知</a></li></ul></div>"""
SHARE = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a> 【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div>"""
FOOTER_TEXT = "主办单位：县人民政府办公室 承办：县大数据中心 备案号：某ICP备12345678号 网站标识码：1234567890"
SCRIPT = """<script type="text/javascript">var _hmt = _hmt || []; document.write('<p>统计代码，不是正文。</p>');</script>
<style>.content p { text-indent: 2em; } /* 正文样式 */</style>"""


def paragraphs_html(body, bold_headings):
    out = []
    for line in body:
        text = html.escape(line)
        level = next((lv for rx, lv in LEVELS if rx.match(line)), None)
        if level == 0 and bold_headings:
            out.append(f"<p><strong>{text}</strong></p>")
        elif level == 0:
            out.append(f"<h2>{text}</h2>")
        else:
            out.append(f'<p style="text-indent:2em">\n{text}\n</p>')
    return "\n".join(out)


RUN_IN = re.compile(r"^(.{2,40}?[。！？])(.+)$")


def unnumbered_html(body):
    """Headings without their numbers: <h2>, <h3>, then bold paragraphs; a
    run-in heading (its sentence, then the text) as a bold lead-in."""
    out = []
    for line in body:
        level = next(((rx, lv) for rx, lv in LEVELS if rx.match(line)), None)
        if level is None:
            out.append(f"<p>{html.escape(line)}</p>")
            continue
        rx, lv = level
        bare = rx.sub("", line, count=1)
        run_in = RUN_IN.match(bare)
        if run_in:
            head, rest = (html.escape(t) for t in run_in.groups())
            out.append(f"<p><b>{head}</b>{rest}</p>")
        elif lv < 2:
            out.append(f"<h{lv + 2}>{html.escape(bare)}</h{lv + 2}>")
        else:
            out.append(f"<p><b>{html.escape(bare)}</b></p>")
    return "\n".join(out)


def page_d(title, body):
    """An HTML5 CMS whose headings carry no numbers: <h2>, <h3>, bold."""
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{html.escape(title)} - 某某区人民政府</title>{SCRIPT}</head>
<body><header>{NAV}</header>
<div class="container"><div class="article"><h1>{html.escape(title)}</h1>
<div class="article-body">{unnumbered_html(body)}</div>{SHARE}</div>
<div class="side">{SIDEBAR}</div></div>
<footer><p>{FOOTER_TEXT}</p></footer></body></html>"""


def page_a(title, body, meta):
    """An old table-layout CMS, GB2312, metadata table, TRS_Editor box."""
    rows = "".join(
        f"<tr><td class=\"label\">{k}：</td><td>{html.escape(v)}</td></tr>" for k, v in meta
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{html.escape(title)}_某某县人民政府</title>{SCRIPT}</head>
<body><table width="1000"><tr><td>{NAV}</td></tr>
<tr><td class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 工作报告</td></tr>
<tr><td><table class="xxgk"><tbody>{rows}</tbody></table></td></tr>
<tr><td><div class="title">{html.escape(title)}</div>
<div class="TRS_Editor">{paragraphs_html(body, True)}</div>
{SHARE}</td><td width="240">{SIDEBAR}</td></tr></table>
<div class="bottom">{FOOTER_TEXT}</div></body></html>"""


def page_b(title, body):
    """An HTML5 CMS, UTF-8 <meta charset>, og:title, article-content box."""
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta property="og:title" content="{html.escape(title)}">
<title>{html.escape(title)} - 某某市人民政府门户网站</title>{SCRIPT}</head>
<body><header><div class="logo">某某市人民政府</div>{NAV}</header>
<nav class="breadcrumb"><a href="/">首页</a> / <a href="/zwgk">政务公开</a> / 正文</nav>
<main><article><h1>{html.escape(title)}</h1>
<div class="info">来源：某某镇人民政府 发布时间：2023-02-01 浏览次数：1234</div>
<div class="article-content">{paragraphs_html(body, False)}</div>
{SHARE}<div class="comment"><h4>网友评论</h4><p>暂无评论，欢迎留言。</p></div></article>
<aside>{SIDEBAR}</aside></main>
<footer><p>{FOOTER_TEXT}</p><p>版权所有 © 某某市人民政府</p></footer>
<script>window.analytics && analytics.track("page");</script></body></html>"""


def page_c(title, body):
    """A zoom-box CMS, UTF-8 by http-equiv, divs only, a related list."""
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{html.escape(title)}</title>{SCRIPT}</head>
<body><div id="top">{NAV}</div><div class="location">您现在的位置：首页 &gt;&gt; 工作动态</div>
<div class="main-wrap"><div class="left">{SIDEBAR}</div>
<div class="right"><div class="detail-title"><h1>{html.escape(title)}</h1></div>
<div class="detail-info">发布日期：2022-01-20 字号：[ <a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</div>
<div id="zoom">{paragraphs_html(body, False)}</div>
<div class="related"><h4>相关文章</h4><ul><li><a href="/r1">某某镇召开2022年经济工作会议</a></li><li><a href="/r2">某某镇开展人居环境整治行动</a></li></ul></div>
{SHARE}</div></div><div id="footer">{FOOTER_TEXT}</div></body></html>"""


def docx(path, title, body, mode, above=()):
    """mode: "literal" (numbers in the text), "auto" (the paragraphs name
    the list), "styled" (the heading styles carry the list, Chinese Word's
    style ids 1, 2, …), "plain" (no numbers: heading styles, then bold)."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def para(text, style=None, num=None, bold=None, lead=None):
        ppr = ""
        if style or num is not None:
            ppr = "<w:pPr>"
            if style:
                ppr += f'<w:pStyle w:val="{style}"/>'
            if num is not None:
                ppr += f'<w:numPr><w:ilvl w:val="{num}"/><w:numId w:val="1"/></w:numPr>'
            ppr += "</w:pPr>"
        if bold is None:
            bold = bool(style) and mode in ("literal", "auto")
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        runs = f'<w:r>{rpr}<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'
        if lead:
            runs = f'<w:r><w:rPr><w:b/></w:rPr><w:t>{html.escape(lead, quote=False)}</w:t></w:r>' + runs
        return f"<w:p>{ppr}{runs}</w:p>"

    parts = [para(line) for line in above] + [para(title, "Title")]
    for line in body:
        level = next(((rx, lv) for rx, lv in LEVELS if rx.match(line)), None)
        if level is None:
            parts.append(para(line))
            continue
        rx, lv = level
        bare = rx.sub("", line, count=1)
        if mode == "auto":
            parts.append(para(bare, f"Heading{lv + 1}", lv))
        elif mode == "styled":
            parts.append(para(bare, str(lv + 1)))
        elif mode == "plain":
            run_in = RUN_IN.match(bare)
            if run_in:
                parts.append(para(run_in.group(2), lead=run_in.group(1)))
            else:
                parts.append(para(bare, str(lv + 1)) if lv < 2 else para(bare, bold=True))
        else:
            parts.append(para(line, f"Heading{lv + 1}"))
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ns}><w:body>{"".join(parts)}<w:sectPr/></w:body></w:document>'
    lvls = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]
    linked = mode == "styled"
    abstract = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:pStyle w:val="{i + 1}"/>' if linked else "")
        + f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(lvls)
    )
    # Chinese Word's built-in heading styles: ids 1, 2…, names "heading N",
    # bold, an outline level; in "styled" also the list (the level comes
    # from the numbering's pStyle link, as Word writes it).
    style_defs = "".join(
        f'<w:style w:type="paragraph" w:styleId="{i + 1}"><w:name w:val="heading {i + 1}"/>'
        f'<w:basedOn w:val="a"/><w:pPr>'
        + ('<w:numPr><w:numId w:val="1"/></w:numPr>' if linked else "")
        + f'<w:outlineLvl w:val="{i}"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        for i in range(4)
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {ns}>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>'
        f"{style_defs}</w:styles>"
    )
    numbering = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {ns}><w:abstractNum w:abstractNumId="0">{abstract}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    content_types = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'
    rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    doc_rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", rels),
            ("word/_rels/document.xml.rels", doc_rels),
            ("word/document.xml", document),
            ("word/numbering.xml", numbering),
        ] + ([("word/styles.xml", styles)] if mode in ("styled", "plain") else []):
            z.writestr(zipfile.ZipInfo(name, (2023, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def pdf(path, title, body, repeat=1, above=()):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    text = ParagraphStyle("t", fontName="STSong-Light", fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24)
    head = ParagraphStyle("h", parent=text, fontSize=18, leading=28, alignment=1, firstLineIndent=0)

    def page_number(canvas, doc):
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    story = [Paragraph(html.escape(line), text) for line in above]
    story.append(Paragraph(html.escape(title), head))
    for _ in range(repeat):
        story += [Paragraph(html.escape(line), text) for line in body]
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="", author="", creator="", producer="")
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for i, prefix in enumerate(CHOSEN):
        above, title, body = sample_lines(prefix)
        meta = [("索引号", f"11330000/2023-0{i}{i}1"), ("发布机构", "某某县人民政府"), ("成文日期", "2023-01-1%d" % i), ("标题", title)]
        (OUT / f"{prefix}.a.html").write_bytes(page_a(title, body, meta).encode("gb18030"))
        (OUT / f"{prefix}.b.html").write_text(page_b(title, body), encoding="utf-8")
        (OUT / f"{prefix}.c.shtml").write_text(page_c(title, body), encoding="utf-8")
        (OUT / f"{prefix}.d.html").write_text(page_d(title, body), encoding="utf-8")
        for mode in ["literal", "auto", "styled", "plain"]:
            docx(OUT / f"{prefix}.{mode}.docx", title, body, mode, above=above)
        if "--no-pdf" not in sys.argv:
            pdf(OUT / f"{prefix}.pdf", title, body, above=above)
    if "--no-pdf" in sys.argv:
        return 0
    # For benches/import.rs: a 200-page PDF (the first sample, repeated).
    bench = ROOT / "tests/data/formats-bench"
    bench.mkdir(parents=True, exist_ok=True)
    above, title, body = sample_lines("01")
    pdf(bench / "200-pages.pdf", title, body, repeat=300)
    hostile = ROOT / "tests/data/hostile"
    hostile.mkdir(parents=True, exist_ok=True)
    _, title, body = sample_lines("01")
    pdf(hostile / "broken-xref.pdf", title, body[:3])
    data = bytearray((hostile / "broken-xref.pdf").read_bytes())
    at = data.rfind(b"startxref")
    data[at:] = b"startxref\n999999\n%%EOF\n"
    xref = data.find(b"\nxref")
    if xref > 0:
        data[xref + 1 : xref + 40] = b"X" * 39
    (hostile / "broken-xref.pdf").write_bytes(bytes(data))
    (hostile / "page-named.pdf").write_text(page_c(title, body[:3]), encoding="utf-8")
    # A PDF whose page is a drawing, with no text at all: a scan, as far as
    # a text extractor can tell.
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(hostile / "no-text-layer.pdf"), invariant=1)
    for y in range(100, 700, 20):
        c.line(50, y, 500, y + 10)
    c.showPage()
    c.save()
    print("written to", OUT, "and", hostile)


if __name__ == "__main__":
    sys.exit(main())
