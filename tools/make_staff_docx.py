# Writes the Word files of tests/data/staff/ the way office staff make them
# (python-docx; run from that folder: python3 ../../../tools/make_staff_docx.py).
# A: công văn with a header table, typed underscores, typed numbering;
# B: kế hoạch typed with tabs, Word numbering and bullets, merged cells, a
#    typed superscript footnote; C: quyết định with the header in two text
#    boxes, căn cứ lines and a drawn line.
from docx import Document
from docx.shared import Pt
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

def base():
    d = Document()
    st = d.styles['Normal']; st.font.name = 'Times New Roman'; st.font.size = Pt(14)
    return d

def center(d, text, bold=False, italic=False, size=None):
    p = d.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text); r.bold = bold; r.italic = italic
    if size: r.font.size = Pt(size)
    return p

def cell_lines(cell, lines):
    cell.paragraphs[0].text = ''
    first = True
    for text, bold, italic in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(text); r.bold = bold; r.italic = italic

# A. Công văn: header table, typed underscores, Kính gửi on one line, typed 1. 2. and dashes, closing table
d = base()
t = d.add_table(rows=1, cols=2)
cell_lines(t.cell(0,0), [("UBND HUYỆN SƠN TỊNH", False, False), ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", True, False), ("_______", False, False), ("Số: 215/PGDĐT-TH", False, False), ("V/v tổ chức ngày hội đọc sách năm 2024", False, False)])
cell_lines(t.cell(0,1), [("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False), ("_____________________", False, False), ("Sơn Tịnh, ngày 02 tháng 4 năm 2024", False, True)])
d.add_paragraph()
p = d.add_paragraph("Kính gửi: Hiệu trưởng các trường tiểu học trên địa bàn huyện.")
p.alignment = WD_ALIGN_PARAGRAPH.CENTER
d.add_paragraph("Thực hiện Kế hoạch số 45/KH-SGDĐT ngày 15/3/2024 của Sở Giáo dục và Đào tạo về tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2024, Phòng Giáo dục và Đào tạo đề nghị các trường thực hiện một số nội dung sau:")
d.add_paragraph("1. Tổ chức ngày hội đọc sách tại trường trong tuần từ ngày 15 đến ngày 20 tháng 4 năm 2024, bảo đảm thiết thực, tiết kiệm.")
d.add_paragraph("2. Nội dung ngày hội gồm:")
d.add_paragraph("- Trưng bày sách theo chủ đề;")
d.add_paragraph("- Thi kể chuyện theo sách cho học sinh các khối lớp;")
d.add_paragraph("- Quyên góp sách cho thư viện trường.")
d.add_paragraph("3. Báo cáo kết quả về Phòng Giáo dục và Đào tạo (qua bộ phận Tiểu học) trước ngày 25 tháng 4 năm 2024.")
d.add_paragraph("Đề nghị Hiệu trưởng các trường triển khai thực hiện./.")
t = d.add_table(rows=1, cols=2)
c = t.cell(0,0); c.paragraphs[0].text = ''
r = c.paragraphs[0].add_run("Nơi nhận:"); r.bold = True; r.italic = True
for x in ["- Như trên;", "- Lãnh đạo Phòng;", "- Lưu: VT, TH."]:
    c.add_paragraph(x)
cell_lines(t.cell(0,1), [("KT. TRƯỞNG PHÒNG", True, False), ("PHÓ TRƯỞNG PHÒNG", True, False), ("", False, False), ("", False, False), ("", False, False), ("Trần Thị Mai", True, False)])
d.save("cong-van-go-tay.docx")

# B. Kế hoạch: header typed with tabs in paragraphs (no table), Word numbering (List Number / List Bullet),
#    a ruled table with merged cells, typed superscript footnote, closing typed with tabs.
d = base()
d.add_paragraph("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
d.add_paragraph("XÃ TỊNH HÀ\tĐộc lập - Tự do - Hạnh phúc")
d.add_paragraph("Số: 18/KH-UBND\tTịnh Hà, ngày 10 tháng 01 năm 2024")
d.add_paragraph()
center(d, "KẾ HOẠCH", bold=True)
center(d, "Tổng vệ sinh môi trường đón Tết Nguyên đán Giáp Thìn 2024", bold=True)
center(d, "____________")
p = d.add_paragraph(); r = p.add_run("I. MỤC ĐÍCH, YÊU CẦU"); r.bold = True
for x in ["Nâng cao ý thức giữ gìn vệ sinh môi trường của Nhân dân.", "Tạo cảnh quan sạch đẹp đón Tết."]:
    d.add_paragraph(x, style="List Bullet")
p = d.add_paragraph(); r = p.add_run("II. NỘI DUNG"); r.bold = True
p = d.add_paragraph(style="List Number"); r = p.add_run("Thời gian thực hiện"); r.bold = True
p = d.add_paragraph("Từ ngày 20 đến ngày 31 tháng 01 năm 2024, ra quân đồng loạt vào sáng Chủ nhật ngày 28 tháng 01 năm 2024")
p.add_run("1").font.superscript = True
p.add_run(".")
p = d.add_paragraph(style="List Number"); r = p.add_run("Phân công thực hiện"); r.bold = True
tb = d.add_table(rows=4, cols=3); tb.style = 'Table Grid'
hdr = ["TT", "Đơn vị", "Địa bàn"]
for i, h in enumerate(hdr):
    tb.cell(0, i).text = h
rows = [["1", "Đoàn Thanh niên", "Thôn Thọ Lộc Đông"], ["2", "Hội Phụ nữ", "Thôn Thọ Lộc Tây"], ["3", "Hội Cựu chiến binh", "Thôn Thọ Lộc Tây"]]
for ri, row in enumerate(rows, start=1):
    for ci, v in enumerate(row):
        tb.cell(ri, ci).text = v
m = tb.cell(2, 2).merge(tb.cell(3, 2)); m.text = "Thôn Thọ Lộc Tây"
d.add_paragraph("Trên đây là Kế hoạch tổng vệ sinh môi trường đón Tết Nguyên đán Giáp Thìn 2024 của UBND xã./.")
p = d.add_paragraph(); p.add_run("1").font.superscript = True; p.add_run(" Các thôn tập trung lực lượng từ 06 giờ 30 phút.")
d.add_paragraph()
d.add_paragraph("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN")
d.add_paragraph("- UBND huyện (b/c);\tCHỦ TỊCH")
d.add_paragraph("- Các thôn;")
d.add_paragraph("- Lưu: VT.")
d.add_paragraph("\tLê Văn Hùng")
d.save("ke-hoach-word-numbering.docx")

# C. Quyết định: header in two text boxes, typed Điều, căn cứ lines, a drawn line under the summary.
d = base()
def textbox(paras):
    inner = "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>{"<w:rPr><w:b/></w:rPr>" if b else ""}<w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t, b in paras)
    return parse_xml(f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:220pt;height:80pt"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
p = d.add_paragraph()
p._p.append(textbox([("ỦY BAN NHÂN DÂN", True), ("XÃ NGHĨA KỲ", True), ("Số: 07/QĐ-UBND", False)]))
p._p.append(textbox([("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True), ("Nghĩa Kỳ, ngày 08 tháng 02 năm 2024", False)]))
center(d, "QUYẾT ĐỊNH", bold=True)
center(d, "Về việc thành lập Tổ công nghệ số cộng đồng xã Nghĩa Kỳ", bold=True)
p = center(d, "")
p._p.append(parse_xml(f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:line from="150pt,0" to="250pt,0"/></w:pict></w:r>'))
center(d, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NGHĨA KỲ", bold=True)
for x in ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "Căn cứ Quyết định số 1234/QĐ-UBND ngày 15/11/2023 của UBND huyện;", "Theo đề nghị của công chức Văn hóa - Xã hội."]:
    p = d.add_paragraph(); r = p.add_run(x); r.italic = True
center(d, "QUYẾT ĐỊNH:", bold=True)
p = d.add_paragraph(); r = p.add_run("Điều 1. "); r.bold = True; p.add_run("Thành lập Tổ công nghệ số cộng đồng xã Nghĩa Kỳ gồm các ông (bà) có tên sau:")
d.add_paragraph("1. Ông Nguyễn Văn Tâm, Phó Chủ tịch UBND xã, Tổ trưởng;")
d.add_paragraph("2. Bà Lê Thị Hoa, công chức Văn hóa - Xã hội, Tổ phó;")
d.add_paragraph("3. Đoàn viên thanh niên các thôn, thành viên.")
p = d.add_paragraph(); r = p.add_run("Điều 2. "); r.bold = True; p.add_run("Tổ công nghệ số cộng đồng hướng dẫn Nhân dân sử dụng dịch vụ công trực tuyến.")
p = d.add_paragraph(); r = p.add_run("Điều 3. "); r.bold = True; p.add_run("Quyết định này có hiệu lực kể từ ngày ký./.")
t = d.add_table(rows=1, cols=2)
c = t.cell(0,0); c.paragraphs[0].text = ''
r = c.paragraphs[0].add_run("Nơi nhận:"); r.bold = True
for x in ["- Như Điều 3;", "- UBND huyện;", "- Lưu: VT."]:
    c.add_paragraph(x)
cell_lines(t.cell(0,1), [("TM. ỦY BAN NHÂN DÂN", True, False), ("CHỦ TỊCH", True, False), ("", False, False), ("", False, False), ("Phạm Minh Đức", True, False)])
d.save("quyet-dinh-textbox.docx")
