// vanban web editor: the form and the body text become a vanban JSON
// document; the server checks it and draws its pages (/api/preview).
// Nothing is stored on the server; the page keeps the document in memory.
'use strict';

// Document types (Decree 30 Art. 7) by their Vietnamese names.
const TYPES = [
  ['bao_cao', 'Báo cáo'], ['cong_van', 'Công văn'], ['quyet_dinh', 'Quyết định'],
  ['to_trinh', 'Tờ trình'], ['ke_hoach', 'Kế hoạch'], ['thong_bao', 'Thông báo'],
  ['giay_moi', 'Giấy mời'], ['bien_ban', 'Biên bản'], ['nghi_quyet', 'Nghị quyết'],
  ['chi_thi', 'Chỉ thị'], ['quy_che', 'Quy chế'], ['quy_dinh', 'Quy định'],
  ['thong_cao', 'Thông cáo'], ['huong_dan', 'Hướng dẫn'], ['chuong_trinh', 'Chương trình'],
  ['phuong_an', 'Phương án'], ['de_an', 'Đề án'], ['du_an', 'Dự án'],
  ['hop_dong', 'Hợp đồng'], ['cong_dien', 'Công điện'], ['ban_ghi_nho', 'Bản ghi nhớ'],
  ['ban_thoa_thuan', 'Bản thỏa thuận'], ['giay_uy_quyen', 'Giấy ủy quyền'],
  ['giay_gioi_thieu', 'Giấy giới thiệu'], ['giay_nghi_phep', 'Giấy nghỉ phép'],
  ['phieu_gui', 'Phiếu gửi'], ['phieu_chuyen', 'Phiếu chuyển'], ['phieu_bao', 'Phiếu báo'],
  ['thu_cong', 'Thư công'],
];

const $ = (id) => document.getElementById(id);

// The document as loaded (a starter or an opened file): fields the form
// does not show are kept from it, never dropped.
let base = { type: 'bao_cao' };
// The body as loaded, when it has blocks the text box cannot show.
let fixedBody = null;

// ---------- Body text <-> JSON blocks ----------

const LETTERS = 'abcdđeghiklmnopqrstuvxy';
const ROMAN = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
function roman(n) {
  let s = '';
  for (const [v, r] of ROMAN) { while (n >= v) { s += r; n -= v; } }
  return s;
}
function label(kind, n) {
  switch (kind) {
    case 'I.': return roman(n);
    case '1.': return String(n);
    case 'a)': return LETTERS[(n - 1) % LETTERS.length];
    case 'Điều': return String(n);
    default: return '';
  }
}
function printed(kind, n) {
  switch (kind) {
    case 'I.': return roman(n) + '.';
    case '1.': return n + '.';
    case 'a)': return label(kind, n) + ')';
    case 'Điều': return 'Điều ' + n + '.';
    default: return '';
  }
}

// One line of the body: what it is.
function classify(line) {
  let m;
  if ((m = /^Điều\s+(\d+)\s*[.:]\s*(.*)$/u.exec(line))) return { kind: 'Điều', num: m[1], text: m[2] };
  if ((m = /^([IVXLC]+)\.\s+(.*)$/u.exec(line))) return { kind: 'I.', num: m[1], text: m[2] };
  if ((m = /^(\d+)\.\s+(.*)$/u.exec(line))) return { kind: '1.', num: m[1], text: m[2] };
  if ((m = /^([a-zđ])\)\s+(.*)$/u.exec(line))) return { kind: 'a)', num: m[1], text: m[2] };
  if ((m = /^[-–—•]\s+(.*)$/u.exec(line))) return { list: '-', text: m[1] };
  if ((m = /^\+\s+(.*)$/u.exec(line))) return { list: '+', text: m[1] };
  if (line.includes('\t')) return { row: line.split('\t').map((c) => c.trim()) };
  return { text: line };
}

// Body text → { body, numbering }.
function textToBody(text) {
  const root = [];
  const kinds = [];
  const stack = []; // { depth, node, count }
  const counts = [];
  const container = () => {
    if (!stack.length) return root;
    const top = stack[stack.length - 1].node;
    if (!top.body) top.body = [];
    return top.body;
  };
  let list = null;
  let table = null;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) { list = null; table = null; continue; }
    const c = classify(raw.includes('\t') ? raw : line);
    if (c.row) {
      list = null;
      if (!table) { table = { rows: [] }; container().push({ table }); }
      table.rows.push(c.row);
      continue;
    }
    table = null;
    if (c.list) {
      if (!list || list.marker !== c.list) {
        list = { list: [], marker: c.list };
        const block = { list: list.list };
        if (c.list === '+') block.marker = '+';
        container().push(block);
      }
      list.list.push(c.text);
      continue;
    }
    list = null;
    if (c.kind) {
      let depth = kinds.indexOf(c.kind);
      if (depth < 0) { kinds.push(c.kind); depth = kinds.length - 1; }
      while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
      counts.length = depth + 1;
      counts[depth] = (counts[depth] || 0) + 1;
      const node = { heading: c.text || c.num };
      if (label(c.kind, counts[depth]) !== c.num) node.number = c.num;
      container().push(node);
      stack.push({ depth, node });
      continue;
    }
    container().push(c.text);
  }
  for (const b of root) fixTables(b);
  return { body: root, numbering: kinds };
}

// Tables: the first row gives the column titles; short rows are padded.
function fixTables(b) {
  if (b && b.table && Array.isArray(b.table.rows)) {
    const width = Math.max(...b.table.rows.map((r) => r.length));
    const rows = b.table.rows.map((r) => r.concat(Array(width - r.length).fill('')));
    if (rows.length > 1) {
      b.table = { columns: rows[0].map((t) => ({ title: t })), rows: rows.slice(1) };
    } else {
      b.table = { rows };
    }
  }
  if (b && Array.isArray(b.body)) b.body.forEach(fixTables);
}

// JSON blocks → body text; null when a block cannot be written as text.
// The numbering of a type when the document gives none (as the typesetter's
// default_scheme: Điều / khoản / điểm for the legal types).
const LEGAL = ['quyet_dinh', 'nghi_quyet', 'quy_che', 'quy_dinh'];
function defaultNumbering(type) {
  return LEGAL.includes(type) ? ['Điều', '1.', 'a)', '-'] : ['I.', '1.', 'a)', '-'];
}

function bodyToText(body, numbering, type) {
  const kinds = Array.isArray(numbering) && numbering.length ? numbering : defaultNumbering(type);
  const out = [];
  // Text that reads back as itself: one line, no tab, trimmed.
  const oneLine = (t) => typeof t === 'string' && t !== '' && !/[\n\t]/.test(t) && t.trim() === t;
  // A paragraph that would not read back as a number, list item or table row.
  const para = (t) => { if (!oneLine(t)) return false; const c = classify(t); return !c.kind && !c.list && !c.row; };
  const walk = (blocks, depth) => {
    let n = 0;
    for (const b of blocks) {
      // After a heading, only headings: anything else would read back as
      // part of that heading's body.
      if (n > 0 && (typeof b === 'string' || b.heading === undefined)) return false;
      if (typeof b === 'string') { if (!para(b)) return false; out.push(b); continue; }
      if (b.heading !== undefined) {
        n += 1;
        const kind = kinds[depth];
        if (!kind || kind === '-' || kind === '+') return false;
        const lab = b.number !== undefined ? (kind === 'a)' ? b.number + ')' : kind === 'Điều' ? 'Điều ' + b.number + '.' : b.number + '.') : printed(kind, n);
        if (b.numbered === false || !oneLine(b.heading)) return false;
        out.push(lab + ' ' + b.heading);
        if (b.body && walk(b.body, depth + 1) === false) return false;
        continue;
      }
      if (b.list) {
        const m = b.marker === '+' ? '+' : '-';
        if (Object.keys(b).some((k) => k !== 'list' && k !== 'marker')) return false;
        for (const item of b.list) { if (!oneLine(item)) return false; out.push(m + ' ' + item); }
        out.push('');
        continue;
      }
      if (b.table) {
        const cols = b.table.columns;
        if (cols && cols.some((c) => c.width !== undefined || c.align !== undefined)) return false;
        if (b.table.header_rows) return false;
        const cell = (c) => typeof c === 'string' && !/[\n\t]/.test(c);
        if (cols && cols.every((c) => c.title && cell(c.title))) out.push(cols.map((c) => c.title).join('\t'));
        else if (cols) return false;
        if (!cols && b.table.rows.length > 1) return false; // would read back with a header row
        for (const r of b.table.rows) { if (!r.every(cell)) return false; out.push(r.join('\t')); }
        out.push('');
        continue;
      }
      return false;
    }
    return true;
  };
  return walk(body || [], 0) === false ? null : out.join('\n');
}

// ---------- Form <-> document ----------

const lines = (id) => $(id).value.split('\n').map((s) => s.trim()).filter(Boolean);
const val = (id) => $(id).value.trim();

// "15/3/2024" → "2024-03-15"; anything else is passed on as typed, for the
// server to judge.
function isoDate(s) {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return s;
}
function viDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
  return m ? `${+m[3]}/${+m[2]}/${m[1]}` : (s || '');
}

function setOrDelete(o, k, v) {
  if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) delete o[k]; else o[k] = v;
}

function buildDoc() {
  const d = JSON.parse(JSON.stringify(base));
  d.type = $('f-type').value || d.type || 'bao_cao';
  d.issuer = Object.assign({}, d.issuer || {});
  setOrDelete(d.issuer, 'parent', val('f-parent'));
  d.issuer.name = val('f-name');
  d.issuer.abbr = val('f-abbr');
  const num = val('f-number');
  if (/^\d+$/.test(num)) d.number = Number(num); else setOrDelete(d, 'number', num);
  d.place = val('f-place');
  setOrDelete(d, 'date', isoDate(val('f-date')));
  setOrDelete(d, 'title', val('f-title'));
  setOrDelete(d, 'to', lines('f-to'));
  setOrDelete(d, 'bases', lines('f-bases'));
  if (fixedBody) {
    d.body = fixedBody;
  } else {
    const { body, numbering } = textToBody($('f-body').value);
    d.body = body;
    setOrDelete(d, 'numbering', numbering);
  }
  const many = Array.isArray(d.signature);
  const sig = Object.assign({}, many ? d.signature[0] : d.signature || {});
  setOrDelete(sig, 'on_behalf_of', val('f-sig-tm'));
  const mode = $('f-sig-mode').value;
  if (mode) sig.for = { mode, title: val('f-sig-for') }; else delete sig.for;
  setOrDelete(sig, 'title', val('f-sig-title'));
  sig.name = val('f-sig-name');
  if (many) d.signature[0] = sig; else d.signature = sig;
  setOrDelete(d, 'recipients', lines('f-recipients'));
  setOrDelete(d, 'archive', lines('f-archive'));
  return d;
}

function loadDoc(d) {
  base = d;
  const t = TYPES.some(([k]) => k === d.type) ? d.type : '';
  $('f-type').value = t;
  const i = d.issuer || {};
  $('f-parent').value = i.parent || '';
  $('f-name').value = i.name || '';
  $('f-abbr').value = i.abbr || '';
  $('f-number').value = d.number === undefined || d.number === null ? '' : String(d.number);
  $('f-place').value = d.place || '';
  $('f-date').value = viDate(d.date);
  $('f-title').value = d.title || '';
  $('f-to').value = (d.to || []).join('\n');
  $('f-bases').value = (d.bases || []).join('\n');
  const text = bodyToText(d.body, d.numbering, d.type);
  const body = $('f-body');
  if (text === null) {
    fixedBody = d.body;
    body.value = 'Nội dung của tệp có cấu trúc mà ô này chưa biểu diễn được; nội dung được giữ nguyên như trong tệp.';
    body.readOnly = true;
  } else {
    fixedBody = null;
    body.value = text;
    body.readOnly = false;
  }
  const s = (Array.isArray(d.signature) ? d.signature[0] : d.signature) || {};
  $('f-sig-tm').value = s.on_behalf_of || '';
  $('f-sig-mode').value = (s.for && s.for.mode) || '';
  $('f-sig-for').value = (s.for && s.for.title) || '';
  $('f-sig-title').value = s.title || '';
  $('f-sig-name').value = s.name || '';
  $('f-recipients').value = (d.recipients || []).join('\n');
  $('f-archive').value = (d.archive || []).join('\n');
  schedule();
}

// ---------- Errors next to their fields ----------

// JSON path prefix → form field (longest first).
const FIELDS = [
  ['signature.for.title', 'f-sig-for'], ['signature.for', 'f-sig-mode'],
  ['signature.on_behalf_of', 'f-sig-tm'], ['signature.title', 'f-sig-title'],
  ['signature.name', 'f-sig-name'], ['signature', 'f-sig-name'],
  ['issuer.parent', 'f-parent'], ['issuer.name', 'f-name'], ['issuer.abbr', 'f-abbr'],
  ['issuer', 'f-name'], ['number', 'f-number'], ['symbol', 'f-abbr'], ['place', 'f-place'],
  ['date', 'f-date'], ['title', 'f-title'], ['to', 'f-to'], ['bases', 'f-bases'],
  ['body', 'f-body'], ['numbering', 'f-body'], ['recipients', 'f-recipients'],
  ['archive', 'f-archive'], ['type', 'f-type'],
];
function fieldFor(path) {
  const p = (path || '').replace(/^signature\[\d+\]/, 'signature');
  for (const [prefix, id] of FIELDS) {
    if (p === prefix || p.startsWith(prefix + '.') || p.startsWith(prefix + '[')) return id;
  }
  return null;
}

function clearErrors() {
  for (const el of document.querySelectorAll('.err')) { el.textContent = ''; }
  for (const el of document.querySelectorAll('[aria-invalid]')) { el.removeAttribute('aria-invalid'); }
}

function showError(err) {
  clearErrors();
  const items = (err && err.errors) || [];
  if (!items.length) { $('err-general').textContent = (err && err.message) || 'Lỗi không xác định.'; return; }
  for (const e of items) {
    const id = fieldFor(e.path);
    const box = id ? $('err-' + id.slice(2)) : null;
    const text = e.message + (e.hint ? ' ' + e.hint : '');
    if (box) {
      box.textContent = box.textContent ? box.textContent + ' ' + text : text;
      $(id).setAttribute('aria-invalid', 'true');
      $(id).setAttribute('aria-describedby', box.id);
    } else {
      const g = $('err-general');
      g.textContent = (g.textContent ? g.textContent + ' ' : '') + (e.path ? e.path + ': ' : '') + text;
    }
  }
}

// ---------- Server calls ----------

function status(text) { $('status').textContent = text; }

// The page is Vietnamese: its messages are asked for in Vietnamese whatever
// the browser's Accept-Language says.
function withLang(path) {
  return path + (path.includes('?') ? '&' : '?') + 'lang=' + (document.documentElement.lang || 'vi');
}

async function post(path, body, type) {
  const res = await fetch(withLang(path), { method: 'POST', headers: { 'Content-Type': type || 'application/json' }, body });
  return res;
}

async function errorOf(res) {
  try { const j = await res.json(); return j.error || { message: 'Lỗi ' + res.status }; } catch (_) { return { message: 'Lỗi ' + res.status }; }
}

let seq = 0;
let timer = null;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(refresh, 300);
}

async function refresh() {
  const mine = ++seq;
  status('Đang cập nhật trang…');
  let res;
  try {
    res = await post('/api/preview', JSON.stringify(buildDoc()));
  } catch (_) {
    status('Không kết nối được máy chủ vanban.');
    return;
  }
  if (mine !== seq) return;
  if (!res.ok) {
    const err = await errorOf(res);
    if (mine !== seq) return;
    showError(err);
    $('pages').classList.add('stale');
    status('Có lỗi cần sửa (xem thông báo màu đỏ cạnh từng mục). Trang xem trước chưa cập nhật.');
    return;
  }
  const j = await res.json();
  if (mine !== seq) return;
  clearErrors();
  const pages = $('pages');
  pages.classList.remove('stale');
  pages.innerHTML = j.pages.join('');
  status(`Văn bản có ${j.pageCount} trang.`);
}

function download(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function stem() {
  const t = TYPES.find(([k]) => k === buildDoc().type);
  const s = (t ? t[1] : 'van ban').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

async function render(format) {
  status('Đang tạo tệp ' + format.toUpperCase() + '…');
  const res = await post('/api/render?format=' + format, JSON.stringify(buildDoc()));
  if (!res.ok) { showError(await errorOf(res)); status('Chưa tạo được tệp: có lỗi cần sửa.'); return; }
  download(await res.blob(), stem() + '.' + format);
  status('Đã tạo tệp ' + format.toUpperCase() + '.');
}

async function chooseType() {
  const type = $('f-type').value;
  if (!type) return;
  const res = await fetch(withLang('/api/starter/' + type));
  if (res.ok) { loadDoc(await res.json()); return; }
  base = Object.assign({}, base, { type });
  schedule();
}

async function openFile(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) {
    const text = await file.text();
    const res = await post('/api/check', text);
    if (!res.ok) {
      const err = await errorOf(res);
      if (err.code === 'json_syntax') { showError({ message: 'Tệp ' + file.name + ': ' + err.message + ' ' + (err.errors || []).map((e) => e.message + ' ' + (e.hint || '')).join(' ') }); return; }
    }
    loadDoc(JSON.parse(text));
    status('Đã mở ' + file.name + '.');
    return;
  }
  const docx = name.endsWith('.docx');
  await importText(docx ? file : await file.text(), docx);
}

async function importText(body, docx) {
  const type = docx ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'text/plain';
  const res = await post('/api/import', body, type);
  if (res.ok) {
    const j = await res.json();
    loadDoc(j.document);
    const head = (j.summary || '').split('\n')[0];
    status((head ? head + '. ' : '') + 'Hãy kiểm tra lại từng mục.');
    return;
  }
  const err = await errorOf(res);
  showError(err);
}

// ---------- Wiring ----------

function init() {
  const sel = $('f-type');
  const none = document.createElement('option');
  none.value = '';
  none.textContent = '— Chọn loại văn bản —';
  sel.appendChild(none);
  for (const [k, name] of TYPES) {
    const o = document.createElement('option');
    o.value = k;
    o.textContent = name;
    sel.appendChild(o);
  }
  sel.value = '';
  sel.addEventListener('change', chooseType);
  $('form').addEventListener('input', (e) => { if (e.target.id !== 'f-paste') schedule(); });
  $('form').addEventListener('submit', (e) => e.preventDefault());
  $('f-sig-mode').addEventListener('change', schedule);
  $('b-pdf').addEventListener('click', () => render('pdf'));
  $('b-docx').addEventListener('click', () => render('docx'));
  $('b-json').addEventListener('click', () => {
    download(new Blob([JSON.stringify(buildDoc(), null, 2) + '\n'], { type: 'application/json' }), stem() + '.json');
  });
  $('f-open').addEventListener('change', (e) => { const f = e.target.files[0]; if (f) openFile(f); e.target.value = ''; });
  $('b-paste').addEventListener('click', () => importText($('f-paste').value, false));
}

document.addEventListener('DOMContentLoaded', init);
