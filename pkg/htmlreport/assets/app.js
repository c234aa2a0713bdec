// The entries table and the entry details of a promo report. The rows are
// parsed once; an entry's details are parsed only when it is opened, from
// its own line of the details block, so a large campaign opens quickly.
(function () {
  "use strict";
  var metaEl = document.getElementById("promo-meta");
  if (!metaEl) return;
  var meta = JSON.parse(metaEl.textContent), codes = meta.codes, verdicts = meta.verdicts, chunkSize = meta.chunk;
  var rows = [];
  document.querySelectorAll("script.promo-rows").forEach(function (el) {
    rows.push.apply(rows, JSON.parse(el.textContent));
  });
  performance.mark("promo:rows-parsed");
  var packed = document.querySelectorAll("script.promo-details");
  var cache = new Map(), texts = null, loading = null;
  var PAGE = 100;
  var state = { verdict: "", code: -1, author: "", q: "", key: -1, dir: 1, page: 0 };
  var view = [];
  var $ = function (id) { return document.getElementById(id); };
  var tbody = document.querySelector("#entries-table tbody");

  // inflate gives the detail lines of chunk k: base64, then gzip, both
  // undone in the page; the last few chunks are kept.
  function inflate(k) {
    if (cache.has(k)) return cache.get(k);
    var bin = atob(packed[k].textContent), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var p = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text()
      .then(function (t) { return t.split("\n"); });
    cache.set(k, p);
    if (cache.size > 4) cache.delete(cache.keys().next().value);
    return p;
  }

  function plain(segs) {
    return segs ? segs.map(function (s) { return typeof s === "string" ? s : s.slice(1).join(""); }).join("") : "";
  }

  // loadTexts reads every post's text, lower-cased, for the text search.
  function loadTexts() {
    if (loading) return loading;
    var all = new Array(rows.length), p = Promise.resolve();
    for (var k = 0; k * chunkSize < rows.length; k++) {
      p = p.then(inflate.bind(null, k)).then(function (k, lines) {
        lines.forEach(function (l, j) { all[k * chunkSize + j] = plain(JSON.parse(l)[0]).toLowerCase(); });
      }.bind(null, k));
    }
    loading = p.then(function () { texts = all; });
    return loading;
  }

  function matches(i) {
    var r = rows[i];
    if (state.verdict && verdicts[r[3]] !== state.verdict) return false;
    if (state.code >= 0 && r[4].indexOf(state.code) < 0) return false;
    if (state.author && r[1].toLowerCase().indexOf(state.author) < 0) return false;
    if (state.q) {
      if (r[0].toLowerCase().indexOf(state.q) >= 0 || r[1].toLowerCase().indexOf(state.q) >= 0) return true;
      return texts !== null && texts[i].indexOf(state.q) >= 0;
    }
    return true;
  }

  function compare(a, b) {
    var x = rows[a][state.key], y = rows[b][state.key];
    if (state.key === 7) { x = x || Infinity; y = y || Infinity; }
    var c = typeof x === "number" ? x - y : (x < y ? -1 : x > y ? 1 : 0);
    return c * state.dir || a - b;
  }

  function update() {
    view = [];
    for (var i = 0; i < rows.length; i++) if (matches(i)) view.push(i);
    if (state.key >= 0) view.sort(compare);
    state.page = Math.min(state.page, Math.max(0, Math.ceil(view.length / PAGE) - 1));
    draw();
  }

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }

  function draw() {
    var from = state.page * PAGE, to = Math.min(view.length, from + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = from; k < to; k++) {
      var i = view[k], r = rows[i];
      var tr = document.createElement("tr");
      tr.dataset.index = i;
      var td = document.createElement("td");
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = r[0];
      b.dataset.id = r[0];
      b.setAttribute("aria-haspopup", "dialog");
      td.appendChild(b);
      tr.appendChild(td);
      cell(tr, r[1]);
      cell(tr, verdicts[r[3]], "verdict-" + verdicts[r[3]]);
      var rc = cell(tr, "", "codes");
      r[4].forEach(function (c, k) {
        if (k) rc.appendChild(document.createTextNode(" "));
        rc.appendChild(el("code", codes[c]));
      });
      cell(tr, r[5], "n");
      cell(tr, r[3] === 0 ? r[6].toFixed(2) : "", "n");
      cell(tr, r[7] || "", "n");
      cell(tr, r[8], "n");
      cell(tr, r[2]);
      frag.appendChild(tr);
    }
    tbody.replaceChildren(frag);
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    $("entries-status").textContent = view.length === 0 ? "No entry matches." :
      "Showing " + (from + 1) + "–" + to + " of " + view.length + " entries" + (view.length < rows.length ? " (of " + rows.length + ")" : "") + ".";
    $("page").textContent = "page " + (state.page + 1) + " of " + pages;
    $("prev").disabled = state.page === 0;
    $("next").disabled = state.page >= pages - 1;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function segments(parent, segs) {
    segs.forEach(function (s) {
      if (typeof s === "string") { parent.appendChild(document.createTextNode(s)); return; }
      var m = el("mark", null, s[0]);
      m.appendChild(document.createTextNode(s[1]));
      if (s[0] === "near") {
        m.appendChild(el("b", s[2], "diff"));
        m.appendChild(document.createTextNode(s[3]));
        m.title = "near-miss of a required tag";
      }
      parent.appendChild(m);
    });
  }

  function table(caption, head, body) {
    var t = el("table");
    t.appendChild(el("caption", caption));
    var tr = el("tr");
    head.forEach(function (h) { var th = el("th", h); th.scope = "col"; tr.appendChild(th); });
    t.appendChild(el("thead")).appendChild(tr);
    var tb = el("tbody");
    body.forEach(function (cells) {
      var row = el("tr");
      cells.forEach(function (c) { row.appendChild(c instanceof Node ? c : el("td", c)); });
      tb.appendChild(row);
    });
    t.appendChild(tb);
    var wrap = el("div", null, "scroll");
    wrap.appendChild(t);
    return wrap;
  }

  function open(i) {
    inflate(Math.floor(i / chunkSize)).then(function (lines) { show(i, JSON.parse(lines[i % chunkSize])); });
  }

  function show(i, d) {
    var r = rows[i];
    $("detail-title").textContent = r[0] + " by " + (r[1] || "(no author)");
    var body = $("detail-body");
    body.replaceChildren();
    var facts = r[2] + " · " + verdicts[r[3]] + (r[4].length ? ": " + r[4].map(function (c) { return codes[c]; }).join(", ") : "");
    if (r[7]) facts += " · rank " + r[7] + (r[8] ? ", reward " + r[8] : "");
    if (d[4] || r[3] === 0) facts += " · score " + d[3].toFixed(2);
    body.appendChild(el("p", facts));
    body.appendChild(el("h3", "Post"));
    if (d[0]) {
      var legend = el("p", null, "legend");
      [["tag", "required tag"], ["tag-other", "other tag"], ["url", "link (not counted)"], ["mention", "mention (not counted)"], ["near", "near-miss of a tag"]]
        .forEach(function (l) { legend.appendChild(el("mark", l[1], l[0])); });
      body.appendChild(legend);
      var p = el("p", null, "post");
      segments(p, d[0]);
      body.appendChild(p);
    } else {
      body.appendChild(el("p", "The post could not be read."));
    }
    body.appendChild(el("h3", "Checks"));
    body.appendChild(table("Each check with what was measured and the limit", ["", "check", "measured", "limit", "detail"],
      d[1].map(function (c) {
        var code = el("td");
        code.appendChild(el("code", c[0]));
        return [el("td", c[1] ? "ok" : "FAIL", c[1] ? "pass" : "fail"), code, c[2], c[3], c[4]];
      })));
    if (d[2].length) {
      body.appendChild(el("h3", "Score components"));
      body.appendChild(table("Each component with its weight and inputs", ["component", "value", "weight", "inputs"],
        d[2].map(function (c) { return [c[0], c[1].toFixed(4), String(c[2]), c[3]]; })));
    }
    var dlg = $("detail");
    if (!dlg.open) dlg.showModal();
    $("detail-close").focus();
  }

  tbody.addEventListener("click", function (ev) {
    var b = ev.target.closest("button[data-id]");
    if (b) open(+b.closest("tr").dataset.index);
  });
  $("detail-close").addEventListener("click", function () { $("detail").close(); });
  document.querySelectorAll("#entries-table th[data-key] button").forEach(function (b) {
    b.addEventListener("click", function () {
      var th = b.parentNode, key = +th.dataset.key;
      state.dir = state.key === key ? -state.dir : 1;
      state.key = key;
      document.querySelectorAll("#entries-table th[data-key]").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      update();
    });
  });
  var timer = 0;
  function onFilter() {
    state.verdict = $("f-verdict").value;
    state.code = codes.indexOf($("f-code").value);
    state.author = $("f-author").value.trim().toLowerCase();
    state.q = $("f-q").value.trim().toLowerCase();
    state.page = 0;
    if (state.q && !texts) {
      $("entries-status").textContent = "Searching the post texts…";
      loadTexts().then(update);
      return;
    }
    update();
  }
  ["f-verdict", "f-code"].forEach(function (id) { $(id).addEventListener("change", onFilter); });
  ["f-author", "f-q"].forEach(function (id) {
    $(id).addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(onFilter, 150); });
  });
  $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); onFilter(); });
  $("prev").addEventListener("click", function () { state.page--; draw(); });
  $("next").addEventListener("click", function () { state.page++; draw(); });
  update();
  performance.mark("promo:ready");
  document.documentElement.dataset.ready = "true";
})();
