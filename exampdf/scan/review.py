"""review.html: one self-contained page showing each uncertain decision (the crop of its
row, what was read) with buttons for the right answer; saves corrections.csv."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

from exampdf.scan.read import PageRead
from exampdf.scan.results import cell_id

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
"""

_SCRIPT = """
const items=[...document.querySelectorAll('.item')];
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
  status.textContent='corrections.csv を保存しました: exampdf scan --corrections corrections.csv';
});
refresh();
"""


def review_html(pages: Sequence[PageRead], title: str) -> str:
    items = [_item(p, c) for p in pages for c in p.cells if c.status == "review"]
    problems = [
        f"<li>{escape(p.file)} {p.page}ページ: {escape(p.detail or p.status)}</li>"
        for p in pages
        if p.status != "read"
    ]
    head = f"<h1>{escape(title)}: 確認が必要な読み取り {len(items)} 件</h1>"
    bar = (
        '<div id="bar"><button id="save">訂正を保存 (corrections.csv)</button> '
        '決定済み <span id="count"></span> <span id="status"></span></div>'
    )
    listed = f'<ul class="problems">{"".join(problems)}</ul>' if problems else ""
    body = head + listed + bar + "".join(items)
    if not items:
        body += "<p>確認が必要な読み取りはありません。</p>"
    return (
        '<!doctype html><html lang="ja"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body>{body}<script>{_SCRIPT}</script></body></html>\n"
    )


def _item(p: PageRead, c: object) -> str:
    from exampdf.scan.read import Cell

    assert isinstance(c, Cell)
    key = cell_id(p, c)
    img = base64.b64encode(c.crop).decode()
    what = "学籍番号" if c.key == "id" else f"問{c.key[1:]}"
    read = escape(c.value or "（空欄）")
    meta = f"{escape(p.file)} {p.page}ページ・{escape(p.version)}版・{what}・読み取り: {read}"
    if c.key == "id":
        control = f'<input inputmode="numeric" value="{escape(c.value, quote=True)}">'
    else:
        letters = [chr(ord("A") + i) for i in range(c.options)]
        on = set(c.value)
        buttons = [
            f'<button data-v="{v}" class="{"on" if v in on else ""}">{v}</button>' for v in letters
        ]
        control = "".join(buttons) + '<button data-v="">無回答</button>'
    kind = "id" if c.key == "id" else "q"
    return (
        f'<div class="item" data-cell="{escape(key, quote=True)}" data-kind="{kind}" '
        f'data-multi="{int(c.multi)}"><div class="meta">{meta}</div>'
        f'<img alt="{escape(what)}" src="data:image/png;base64,{img}">'
        f'<div class="choices">{control}</div></div>'
    )
