// Chronicle web page: plain JavaScript, no library, no build step.
// Reads the request from the URL (shareable), calls /api/v1/timeline and /api/v1/stats,
// draws the timeline and an SVG chart of article volume with the chosen dates marked.
"use strict";

(function () {
  const API = "/api/v1";
  const FIELDS = ["query", "from", "to", "dates", "keywords", "sentences"];
  const SVG_NS = "http://www.w3.org/2000/svg";

  const $ = (id) => document.getElementById(id);
  const form = $("search");
  const statusEl = $("status");
  const results = $("results");
  const timelineEl = $("timeline");
  const chartBox = $("chart-svg");
  const submit = $("submit");
  const share = $("share");
  const dialog = $("article-dialog");

  let stats = null;
  let statsPromise = null;
  let requestSeq = 0;
  let panelSeq = 0;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  function setStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.classList.toggle("error", !!isError);
  }

  // --- dates -------------------------------------------------------------------------
  function parseDay(s) {
    const [y, m, d] = s.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  }
  const DAY = 86400000;
  function dayString(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }
  function longDate(s) {
    return new Date(parseDay(s)).toLocaleDateString("en-GB", {
      timeZone: "UTC", weekday: "short", day: "numeric", month: "long", year: "numeric",
    });
  }
  function shortDate(s) {
    return new Date(parseDay(s)).toLocaleDateString("en-GB", {
      timeZone: "UTC", day: "numeric", month: "short", year: "numeric",
    });
  }

  // --- outlets -----------------------------------------------------------------------
  function hostOf(url) {
    try {
      return new URL(url).hostname.replace(/^www\./, "");
    } catch (_) {
      return null;
    }
  }
  function outletOf(source) {
    return source.source || (source.url && hostOf(source.url)) || "unnamed outlet";
  }
  function safeUrl(url) {
    if (!url) return null;
    try {
      const u = new URL(url, location.href);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (_) {
      return null;
    }
  }

  // --- URL state ---------------------------------------------------------------------
  function paramsFromForm() {
    const params = new URLSearchParams();
    for (const name of FIELDS) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }
  function fillForm(params) {
    for (const name of FIELDS) form.elements[name].value = params.get(name) || "";
    if (params.get("keywords") || params.get("sentences")) form.querySelector("details").open = true;
  }

  // --- API ---------------------------------------------------------------------------
  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
      throw new Error(message);
    }
    return body;
  }

  function loadStats() {
    if (!statsPromise) {
      statsPromise = getJson(`${API}/stats`).then((s) => {
        stats = s;
        const outlets = s.sources.length;
        const span = s.first && s.last ? ` · ${shortDate(s.first)} – ${shortDate(s.last)}` : "";
        $("stats").textContent =
          `${s.articles.toLocaleString("en")} articles · ${outlets} outlet${outlets === 1 ? "" : "s"}${span}`;
        return s;
      }).catch((e) => {
        statsPromise = null;
        $("stats").textContent = "";
        throw e;
      });
    }
    return statsPromise;
  }

  // --- chart -------------------------------------------------------------------------
  function drawChart(timeline) {
    chartBox.replaceChildren();
    // The topic's own coverage; the whole corpus's only from a server that predates it.
    const volume = timeline.volume || (stats && stats.volume) || [];
    const from = timeline.window.from;
    const to = timeline.window.to;
    if (!from || !to || volume.length === 0) {
      $("chart").hidden = true;
      return;
    }
    $("chart").hidden = false;
    const start = parseDay(from);
    const end = parseDay(to);
    const spanDays = Math.round((end - start) / DAY) + 1;
    // Bin size: days for short spans, weeks, then 30-day months.
    const bin = spanDays <= 120 ? 1 : spanDays <= 730 ? 7 : 30;
    const bins = Math.max(1, Math.ceil(spanDays / bin));
    const counts = new Array(bins).fill(0);
    for (const v of volume) {
      const t = parseDay(v.date);
      if (t < start || t > end) continue;
      counts[Math.floor((t - start) / DAY / bin)] += v.articles;
    }
    const max = Math.max(1, ...counts);
    const W = 800, H = 150, left = 30, right = 10, top = 16, bottom = 24;
    const plotW = W - left - right, plotH = H - top - bottom;
    const x = (ms) => left + ((ms - start) / DAY / spanDays) * plotW;
    const total = counts.reduce((a, b) => a + b, 0);
    const marked = timeline.dates.map((d) => d.date);
    const titleId = "chart-title", descId = "chart-desc";
    const root = svg("svg", {
      viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${titleId} ${descId}`,
      preserveAspectRatio: "none",
    });
    root.append(svg("title", { id: titleId, text: "Volume of the timeline's articles over time" }));
    root.append(svg("desc", {
      id: descId,
      text: `${total} of the timeline's articles published from ${from} to ${to}, ${bin === 1 ? "per day" : bin === 7 ? "per week" : "per 30 days"}, ` +
        `highest ${max}. Marked dates: ${marked.join(", ") || "none"}.`,
    }));
    root.append(svg("line", { class: "baseline", x1: left, x2: W - right, y1: H - bottom, y2: H - bottom }));
    const barW = Math.max(1, (plotW / bins) * 0.85);
    counts.forEach((c, i) => {
      if (!c) return;
      const h = (c / max) * plotH;
      const bx = left + (i / bins) * plotW;
      const label = bin === 1 ? dayString(start + i * DAY) : `${dayString(start + i * bin * DAY)} +${bin} days`;
      root.append(svg("rect", { class: "bar", x: bx.toFixed(1), y: (H - bottom - h).toFixed(1), width: barW.toFixed(1), height: h.toFixed(1) },
        svg("title", { text: `${label}: ${c} article${c === 1 ? "" : "s"}` })));
    });
    for (const d of timeline.dates) {
      const mx = x(parseDay(d.date) + DAY / 2).toFixed(1);
      const link = svg("a", { class: "marker", href: `#d-${d.date}`, "aria-label": `Go to ${d.date}` },
        svg("title", { text: `${d.date}: ${d.reports} report${d.reports === 1 ? "" : "s"}` }),
        svg("line", { x1: mx, x2: mx, y1: top - 4, y2: H - bottom }),
        svg("circle", { cx: mx, cy: top - 6, r: 5 }));
      root.append(link);
    }
    root.append(svg("text", { class: "axis", x: left, y: H - 6, text: from }));
    root.append(svg("text", { class: "axis", x: W - right, y: H - 6, "text-anchor": "end", text: to }));
    root.append(svg("text", { class: "axis", x: left - 6, y: top + 4, "text-anchor": "end", text: String(max) }));
    chartBox.append(root);
    $("chart-caption").textContent =
      `Articles published ${bin === 1 ? "per day" : bin === 7 ? "per week" : "per 30 days"} in the window (all articles held); ` +
      `the ${marked.length} chosen date${marked.length === 1 ? " is" : "s are"} marked.`;
  }

  // --- timeline ----------------------------------------------------------------------
  function chipsFor(sources) {
    const byOutlet = new Map();
    for (const s of sources) {
      const name = outletOf(s);
      if (!byOutlet.has(name)) byOutlet.set(name, []);
      byOutlet.get(name).push(s);
    }
    const list = el("ul", { class: "chips", "aria-label": "Outlets carrying this sentence" });
    for (const [name, items] of byOutlet) {
      const text = items.length > 1 ? `${name} ×${items.length}` : name;
      const url = safeUrl(items[0].url);
      const chip = url
        ? el("a", { class: "chip", href: url, rel: "noopener noreferrer", target: "_blank", title: items[0].title || name }, text)
        : el("span", { class: "chip", title: items[0].title || name }, text);
      list.append(el("li", {}, chip));
    }
    return list;
  }

  function reportsPanel(sentence, id) {
    const panel = el("div", { class: "reports-panel", id, hidden: true });
    const n = sentence.sources.length;
    panel.append(el("h4", {}, `${n} report${n === 1 ? "" : "s"} carry this sentence or a near-duplicate`));
    const list = el("ul");
    for (const s of sentence.sources) {
      const url = safeUrl(s.url);
      const title = s.title || s.article;
      const item = el("li");
      item.append(url
        ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, title)
        : el("span", {}, title));
      item.append(" ", el("span", { class: "meta" }, `— ${outletOf(s)}, ${s.published}`), " ");
      const read = el("button", { type: "button", class: "link-button", "aria-label": `Read ${title}` }, "Read");
      read.addEventListener("click", () => openArticle(s.article, read));
      item.append(read);
      list.append(item);
    }
    panel.append(list);
    return panel;
  }

  function drawTimeline(timeline) {
    timelineEl.replaceChildren();
    for (const entry of timeline.dates) {
      const li = el("li", { class: "entry", id: `d-${entry.date}`, "data-date": entry.date });
      const head = el("div", { class: "entry-head" },
        el("h3", {}, el("time", { datetime: entry.date }, longDate(entry.date))),
        el("span", { class: "reports" }, `${entry.reports} report${entry.reports === 1 ? "" : "s"}`));
      li.append(head);
      const sentences = el("ul", { class: "sentences" });
      for (const sentence of entry.sentences) {
        const panelId = `reports-${++panelSeq}`;
        const card = el("li", { class: "sentence-card" });
        const n = sentence.sources.length;
        // dir="auto": an Arabic sentence reads right to left inside the page's layout.
        const button = el("button", { type: "button", class: "sentence", "aria-expanded": "false", "aria-controls": panelId },
          el("span", { dir: "auto" }, sentence.text),
          el("span", { class: "hint" }, `Show the ${n} report${n === 1 ? "" : "s"} behind it`));
        const panel = reportsPanel(sentence, panelId);
        button.addEventListener("click", () => {
          const open = button.getAttribute("aria-expanded") !== "true";
          button.setAttribute("aria-expanded", String(open));
          panel.hidden = !open;
          button.querySelector(".hint").textContent = open
            ? "Hide the reports"
            : `Show the ${n} report${n === 1 ? "" : "s"} behind it`;
        });
        card.append(button, chipsFor(sentence.sources), panel);
        sentences.append(card);
      }
      li.append(sentences);
      timelineEl.append(li);
    }
  }

  async function openArticle(id, opener) {
    $("article-title").textContent = "Loading…";
    $("article-meta").textContent = "";
    $("article-text").replaceChildren();
    dialog.showModal();
    try {
      const a = await getJson(`${API}/articles/${encodeURIComponent(id)}`);
      $("article-title").textContent = a.title || a.id;
      const url = safeUrl(a.url);
      const meta = $("article-meta");
      meta.append(`${a.source || (url && hostOf(url)) || "unnamed outlet"} · ${longDate(a.published)}`);
      if (url) meta.append(" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original"));
      for (const para of a.text.split(/\n\s*\n|\n/)) {
        if (para.trim()) $("article-text").append(el("p", { dir: "auto" }, para.trim()));
      }
    } catch (e) {
      $("article-title").textContent = "Cannot load the article";
      $("article-meta").textContent = e.message;
    }
    dialog.addEventListener("close", () => opener && opener.focus(), { once: true });
  }
  $("article-close").addEventListener("click", () => dialog.close());

  // --- flow --------------------------------------------------------------------------
  async function build(params, moveFocus) {
    const seq = ++requestSeq;
    submit.disabled = true;
    setStatus("Building the timeline…");
    try {
      const [timeline] = await Promise.all([
        getJson(`${API}/timeline?${params}`),
        loadStats().catch(() => null),
      ]);
      if (seq !== requestSeq) return;
      results.hidden = false;
      drawChart(timeline);
      drawTimeline(timeline);
      const n = timeline.dates.length;
      setStatus(n === 0
        ? "No dates found: no article matches this topic in this window."
        : `${n} date${n === 1 ? "" : "s"} from ${timeline.articles} article${timeline.articles === 1 ? "" : "s"}` +
          (timeline.matched_articles
            ? ` (the most relevant of about ${timeline.matched_articles.toLocaleString("en")} matching; narrow the topic or the window to cover them all)`
            : "") +
          (timeline.window.from ? `, ${timeline.window.from} to ${timeline.window.to}.` : "."));
      share.hidden = false;
      if (moveFocus) results.focus();
    } catch (e) {
      if (seq !== requestSeq) return;
      setStatus(`Error: ${e.message}`, true);
    } finally {
      if (seq === requestSeq) submit.disabled = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = paramsFromForm();
    const query = params.toString();
    history.pushState(null, "", query ? `?${query}` : "?all");
    build(params, true);
  });

  share.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus("Link copied.");
    } catch (_) {
      setStatus(`Link: ${location.href}`);
    }
  });

  function fromLocation() {
    const params = new URLSearchParams(location.search);
    fillForm(params);
    const relevant = new URLSearchParams();
    for (const name of FIELDS) if (params.get(name)) relevant.set(name, params.get(name));
    if ([...relevant.keys()].length > 0 || params.has("all")) {
      build(relevant, false);
    } else {
      results.hidden = true;
      setStatus("Enter a topic (or nothing, for everything) and build a timeline.");
      loadStats().catch((e) => setStatus(`Error: ${e.message}`, true));
    }
  }

  window.addEventListener("popstate", fromLocation);
  fromLocation();
})();
