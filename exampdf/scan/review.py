"""review.html: one self-contained page showing each uncertain decision (the crop of its
row, what was read) with buttons for the right answer, and each sheet whose version could
not be read (its header, a button per version); saves corrections.csv."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

from exampdf.i18n import current, t
from exampdf.scan.read import Cell, PageRead, problem
from exampdf.scan.results import NOT_OURS, cell_id, sheet_name, version_cell

_STYLE = """
body{font-family:sans-serif;margin:1.5em;max-width:60em}
.item{border:1px solid #ccc;border-radius:6px;padding:.6em;margin:.8em 0}
.item.done{border-color:#2a2;background:#f4fff4}
.item img{display:block;max-width:100%;border:1px solid #eee;margin:.3em 0}
.choices button{min-width:2.6em;margin:.15em;padding:.3em .5em;font-size:1em}
.choices button.on{background:#246;color:#fff}
.meta{color:#444}
#bar{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ddd}
.problems li{color:#a40}
.ask{border:2px solid #c80;border-radius:6px;padding:.6em;margin:.8em 0;background:#fffaf0}
.ask.done{border-color:#2a2;background:#f4fff4}
.ask img{display:block;width:100%;border:1px solid #ddd;margin:.4em 0;background:#fff}
.ask .choices button{min-width:4.5em}
.ask .choices button.none{margin-left:1.2em;color:#822}
.ask .choices button.likely{border:2px solid #2a6}
.ask .choices button small{color:#2a6;font-size:.75em}
.ask .choices button.on small{color:#cfe}
.help{color:#555;font-size:.92em}
"""

_SCRIPT = """
const items=[...document.querySelectorAll('.item,.ask')];
function chosen(it){
  if(it.dataset.kind==='id') return it.querySelector('input').value.trim();
  return [...it.querySelectorAll('button.on')].map(b=>b.dataset.v).join('');
}
function refresh(){
  const done=items.filter(it=>it.dataset.done==='1').length;
  document.getElementById('count').textContent=done+' / '+items.length;
}
for(const it of items){
  const multi=it.dataset.multi==='1';
  for(const b of it.querySelectorAll('.choices button')){
    b.addEventListener('click',()=>{
      const all=it.querySelectorAll('.choices button');
      const was=b.classList.contains('on');
      if(b.dataset.v===''||!multi) all.forEach(x=>x.classList.remove('on'));
      else it.querySelector('button[data-v=""]').classList.remove('on');
      b.classList.toggle('on', multi&&b.dataset.v!=='' ? !was : true);
      it.dataset.done='1'; it.classList.add('done'); refresh();
    });
  }
  const inp=it.querySelector('input');
  if(inp) inp.addEventListener('input',()=>{
    it.dataset.done='1'; it.classList.add('done'); refresh();
  });
}
function csv(){
  const q=s=>'"'+s.replace(/"/g,'""')+'"';
  const rows=items.filter(it=>it.dataset.done==='1').map(it=>q(it.dataset.cell)+','+q(chosen(it)));
  return 'cell,value\\n'+rows.join('\\n')+'\\n';
}
document.getElementById('save').addEventListener('click',async()=>{
  const text=csv(), status=document.getElementById('status');
  if(location.protocol.startsWith('http')){
    const r=await fetch('corrections',
      {method:'POST',body:text,headers:{'Content-Type':'text/csv'}});
    status.textContent=r.ok?await r.text():'error '+r.status;
    return;
  }
  const a=document.createElement('a');
  a.href=URL.createObjectURL(new Blob([text],{type:'text/csv'}));
  a.download='corrections.csv'; document.body.appendChild(a); a.click(); a.remove();
  status.textContent=document.getElementById('save').dataset.saved;
});
refresh();
"""


def review_html(pages: Sequence[PageRead], title: str) -> str:
    items = [_item(p, c) for p in pages for c in p.cells if c.status == "review"]
    versions_of: dict[str, set[str]] = {}  # student number -> versions its pages were read as
    for p in pages:
        if p.status == "read" and _ident(p):
            versions_of.setdefault(_ident(p), set()).add(p.version)
    asks = [
        _ask(p, versions_of.get(_ident(p), set()) | {_ident(p)})
        for p in pages
        if p.status == "ask-version"
    ]
    problems = [
        f"<li>{escape(t('review.where', file=p.file, page=p.page))}: {escape(problem(p))}</li>"
        for p in pages
        if p.status not in ("read", "ask-version")
    ]
    head = f"<h1>{escape(t('review.title', title=title, n=len(items) + len(asks)))}</h1>"
    bar = (
        f'<div id="bar"><button id="save" data-saved="{escape(t("review.downloaded"))}">'
        f"{escape(t('review.save'))}</button> {escape(t('review.decided'))} "
        '<span id="count"></span> <span id="status"></span></div>'
    )
    listed = f'<ul class="problems">{"".join(problems)}</ul>' if problems else ""
    body = head + listed + bar
    if asks:
        body += f"<h2>{escape(t('review.versions', n=len(asks)))}</h2>"
        body += f'<p class="help">{escape(t("review.versions_help"))}</p>' + "".join(asks)
    body += "".join(items)
    if not items and not asks:
        body += f"<p>{escape(t('review.none'))}</p>"
    return (
        f'<!doctype html><html lang="{current()}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}<script>{_SCRIPT}</script></body></html>\n"
    )


def _ident(p: PageRead) -> str:
    """The student number read with confidence ("" when it waits for review)."""
    return next((c.value for c in p.cells if c.key == "id" and c.status != "review"), "")


def _item(p: PageRead, c: Cell) -> str:
    key = cell_id(p, c)
    img = base64.b64encode(c.crop).decode()
    what = t("review.id") if c.key == "id" else t("review.question", n=c.key[1:])
    read = c.value or t("review.blank")
    parts = [t("review.where", file=p.file, page=p.page)]
    parts += [t("review.version", version=p.version)] if p.version else []
    meta = "・".join(escape(x) for x in [*parts, what, t("review.read", value=read)])
    if c.key == "id":
        control = f'<input inputmode="numeric" value="{escape(c.value, quote=True)}">'
    else:
        letters = [chr(ord("A") + i) for i in range(c.options)]
        on = set(c.value)
        buttons = [
            f'<button data-v="{v}" class="{"on" if v in on else ""}">{v}</button>' for v in letters
        ]
        control = "".join(buttons) + f'<button data-v="">{escape(t("review.no_answer"))}</button>'
    kind = "id" if c.key == "id" else "q"
    return (
        f'<div class="item" data-cell="{escape(key, quote=True)}" data-kind="{kind}" '
        f'data-multi="{int(c.multi)}"><div class="meta">{meta}</div>'
        f'<img alt="{escape(what)}" src="data:image/png;base64,{img}">'
        f'<div class="choices">{control}</div></div>'
    )


def _ask(p: PageRead, likely: set[str]) -> str:
    """A sheet without a version: its header as scanned and a button per version (and
    page, when the exam's sheets have more than one); first the versions its student
    number points to (the student's other pages, or a roster version named by it)."""
    sheets = sorted(
        {s for g in p.guesses for s in g.sheets},
        key=lambda s: (s[0] not in likely, len(s[0]), s[0], s[1]),
    )
    paged = any(page > 1 for _, page in sheets)
    buttons = []
    for code, page in sheets:
        label = (
            t("review.sheet_page", version=code, page=page)
            if paged
            else t("review.sheet", version=code)
        )
        hint = f" <small>{escape(t('review.likely'))}</small>" if code in likely else ""
        buttons.append(
            f'<button data-v="{escape(sheet_name(code, page), quote=True)}"'
            + (' class="likely">' if hint else ">")
            + f"{escape(label)}{hint}</button>"
        )
    buttons.append(
        f'<button class="none" data-v="{NOT_OURS}">{escape(t("review.not_ours"))}</button>'
    )
    ident = next((c.value for c in p.cells if c.key == "id"), "")
    meta = "・".join(
        escape(x)
        for x in (
            t("review.where", file=p.file, page=p.page),
            t("review.id_read", value=ident or t("review.blank")),
        )
    )
    img = base64.b64encode(p.header).decode()
    return (
        f'<div class="ask" data-cell="{escape(version_cell(p), quote=True)}" '
        f'data-kind="version" data-multi="0"><div class="meta">{meta}</div>'
        f'<img alt="{escape(t("review.header"))}" src="data:image/png;base64,{img}">'
        f'<div class="choices">{"".join(buttons)}</div></div>'
    )
