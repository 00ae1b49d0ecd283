// polc 审核页: the form writes a case file's YAML; 结算 and 各地区对比 post
// that YAML to the API and show the reviewer Markdown rendered as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
let catalog = null;      // GET /v1/regions
let goldens = [];        // GET /v1/cases
let loaded = null;       // {file, text} of the golden case in the editor

function labelOf(vocab, id) {
  const e = (catalog.vocabularies[vocab] || []).find((x) => x.id === id);
  return e ? e.label : id;
}

function option(value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

function region() {
  return catalog.regions.find((r) => r.id === $("region").value);
}

function fill(select, ids, vocab) {
  const keep = select.value;
  select.replaceChildren(...ids.map((id) => option(id, vocab ? labelOf(vocab, id) + "（" + id + "）" : id)));
  if (ids.includes(keep)) select.value = keep;
}

function kinds() {
  const r = region();
  return r.claim_kinds && r.claim_kinds.length ? r.claim_kinds : catalog.vocabularies.claim_kind.map((e) => e.id);
}

function levels() {
  const r = region();
  return r.hospital_levels && r.hospital_levels.length ? r.hospital_levels : catalog.vocabularies.hospital_level.map((e) => e.id);
}

function regionChanged() {
  const r = region();
  const d = r.document;
  $("document").textContent = (d.title || "") + (d.number ? "（" + d.number + "）" : "") + "　适用年度：" + r.years.join("、");
  fill($("f-year"), r.years.map(String));
  $("f-year").value = String(r.years[r.years.length - 1]);
  const box = $("f-categories");
  box.replaceChildren();
  const cap = document.createElement("span");
  cap.textContent = "人员类别：";
  box.append(cap);
  for (const id of r.categories) {
    const l = document.createElement("label");
    const c = document.createElement("input");
    c.type = "checkbox";
    c.value = id;
    c.name = "category";
    c.checked = id === "ordinary";
    l.append(c, " " + labelOf("category", id));
    box.append(l);
  }
  const g = $("golden");
  g.replaceChildren(option("", "— 自己填写 —"), ...goldens.filter((c) => c.region === r.id).map((c) => option(c.name, c.name + "：" + c.title)));
  for (const row of $("f-claims").tBodies[0].rows) fillRow(row);
  if ($("f-claims").tBodies[0].rows.length === 0) addClaim();
  writeYAML();
}

function cellInput(type, cls, value) {
  const i = document.createElement("input");
  i.type = type;
  if (cls) i.className = cls;
  if (type === "checkbox") i.checked = value; else i.value = value;
  return i;
}

function fillRow(row) {
  fill(row.querySelector("select.kind"), kinds(), "claim_kind");
  fill(row.querySelector("select.level"), levels(), "hospital_level");
}

function addClaim() {
  const body = $("f-claims").tBodies[0];
  const n = body.rows.length + 1;
  const row = body.insertRow();
  const year = $("f-year").value || "2024";
  const kind = document.createElement("select"); kind.className = "kind";
  const level = document.createElement("select"); level.className = "level";
  const del = document.createElement("button");
  del.type = "button"; del.textContent = "删除";
  del.onclick = () => { row.remove(); writeYAML(); };
  const cells = [cellInput("text", "id", "c" + n), cellInput("date", "date", year + "-0" + Math.min(n + 2, 9) + "-01"), kind, level,
    cellInput("checkbox", "referred", true), cellInput("text", "total", "50000"), cellInput("text", "ooc", "0"), cellInput("text", "basic", ""), del];
  for (const c of cells) row.insertCell().append(c);
  fillRow(row);
  if (levels().includes("2")) level.value = "2";
  writeYAML();
}

// scalar writes a form value into YAML: a plain number or id as it is (the
// case reader takes numbers by their text), anything else quoted, so the
// server reports it at its line instead of the page guessing.
function scalar(v) {
  return /^[0-9A-Za-z_.-]+$/.test(v) ? v : JSON.stringify(v);
}

function formYAML() {
  const r = region();
  const cats = [...document.querySelectorAll("#f-categories input:checked")].map((c) => c.value);
  const lines = [
    "region: " + r.id,
    "title: " + JSON.stringify($("f-title").value),
    "year: " + scalar($("f-year").value),
    "person:",
    "  categories: [" + cats.join(", ") + "]",
    "  age: " + scalar($("f-age").value),
    "  residence: " + scalar($("f-residence").value),
    "enrollment: {tier: " + scalar($("f-tier").value) + "}",
  ];
  const rows = [...$("f-claims").tBodies[0].rows];
  if (rows.length === 0) {
    lines.push("claims: []");
  } else {
    lines.push("claims:");
    for (const row of rows) {
      const v = (cls) => row.querySelector("." + cls).value.trim();
      let c = "  - {id: " + scalar(v("id")) + ", date: " + scalar(v("date")) + ", kind: " + scalar(v("kind")) +
        ", hospital_level: " + scalar(v("level")) + ", referred: " + row.querySelector(".referred").checked +
        ", total: " + scalar(v("total")) + ", out_of_catalog: " + scalar(v("ooc") || "0");
      if (v("basic") !== "") c += ", basic_paid: " + scalar(v("basic"));
      lines.push(c + "}");
    }
  }
  const extra = $("f-extra").value.trim();
  return lines.join("\n") + "\n" + (extra ? extra + "\n" : "");
}

function writeYAML() {
  $("yaml").value = formYAML();
  loaded = null;
  $("golden").value = "";
}

async function loadGolden() {
  const name = $("golden").value;
  if (!name) { writeYAML(); return; }
  const c = goldens.find((x) => x.region === region().id && x.name === name);
  const resp = await fetch("/v1/cases/" + encodeURIComponent(c.region) + "/" + encodeURIComponent(c.name));
  const text = await resp.text();
  $("yaml").value = text;
  loaded = { file: c.file, text };
  $("status").textContent = "已载入示例病例 " + c.file;
}

function showErrors(errors) {
  const box = $("errors");
  const ul = document.createElement("ul");
  for (const e of errors) {
    const li = document.createElement("li");
    const p = e.pos || {};
    const at = p.file ? p.file + (p.line ? ":" + p.line + (p.col ? ":" + p.col : "") : "") + ": " : "";
    li.textContent = at + e.message + " [" + e.stage + "]";
    ul.append(li);
  }
  const h = document.createElement("strong");
  h.textContent = "病例有误，未结算：";
  box.replaceChildren(h, ul);
  box.hidden = false;
}

async function submit(path) {
  const text = $("yaml").value;
  let url = path + "?format=html";
  // A golden case posted as it was loaded keeps its name, so the result
  // reads as its golden does.
  if (loaded && loaded.text === text) url += "&name=" + encodeURIComponent(loaded.file);
  $("status").textContent = "计算中……";
  const resp = await fetch(url, { method: "POST", headers: { "Content-Type": "application/yaml" }, body: text });
  $("errors").hidden = true;
  if (resp.ok) {
    $("result").innerHTML = await resp.text();
    $("status").textContent = (path.endsWith("compare") ? "已比较" : "已结算") + "（" + new Date().toLocaleTimeString("zh-CN") + "）";
    $("result").dataset.done = String(Number($("result").dataset.done || 0) + 1);
    return;
  }
  let body;
  try { body = await resp.json(); } catch (e) { body = { errors: [{ message: "HTTP " + resp.status, stage: "request" }] }; }
  showErrors(body.errors || []);
  $("status").textContent = "HTTP " + resp.status;
  $("result").dataset.done = String(Number($("result").dataset.done || 0) + 1);
}

async function start() {
  const [rs, cs] = await Promise.all([fetch("/v1/regions"), fetch("/v1/cases")]);
  catalog = await rs.json();
  goldens = (await cs.json()).cases;
  $("region").replaceChildren(...catalog.regions.map((r) => option(r.id, (r.area || r.id) + "（" + r.id + "）")));
  fill($("f-residence"), catalog.vocabularies.residence.map((e) => e.id), "residence");
  fill($("f-tier"), catalog.vocabularies.enrollment_tier.map((e) => e.id), "enrollment_tier");
  $("region").onchange = regionChanged;
  $("golden").onchange = loadGolden;
  $("f-year").addEventListener("change", () => {
    // Claims dated in another year would be refused: move them to this one.
    for (const d of document.querySelectorAll("#f-claims .date")) d.value = $("f-year").value + d.value.slice(4);
  });
  $("form").addEventListener("input", writeYAML);
  $("form").addEventListener("change", writeYAML);
  $("add-claim").onclick = addClaim;
  $("settle").onclick = () => submit("/v1/settle");
  $("compare").onclick = () => submit("/v1/compare");
  regionChanged();
  $("status").textContent = "共 " + catalog.regions.length + " 个地区、" + goldens.length + " 个示例病例";
  document.body.dataset.ready = "1";
}

start().catch((e) => { $("status").textContent = "读取失败：" + e; });
