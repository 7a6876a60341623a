// 教育阳光服务 web chat. The server's message log is the single source of truth: every bubble on the page comes
// from GET /api/chat/messages (deduplicated by id); a message being sent shows as a faded bubble until the log has it.
// All user and bot text goes in with textContent, never innerHTML.
(function () {
  "use strict";

  var API = "/api/chat";
  var HEADERS = { "X-Requested-With": "sunshine-chat" };
  var MAX_TEXT = 2000;
  var MAX_IMAGE = 5 * 1024 * 1024;
  var IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];
  var GAP_FOR_TIME = 5 * 60 * 1000;
  // Shown before the first message; the values are the main menu's (Conversations/Engine/Menu.cs).
  var WELCOME = {
    text: "您好！这里是教育阳光服务，可以解答收费政策，也可以受理咨询、求助、投诉、举报和建议。\n\n请点下面的按钮，或者直接把问题发给我，比如“学校让买练习册是必须的吗”。",
    choices: [["政策咨询", "menu:faq"], ["我要咨询", "menu:consult"], ["我要求助", "menu:help"], ["我要投诉", "menu:complain"],
      ["我要举报", "menu:report"], ["我要建议", "menu:suggest"], ["查询进度", "menu:track"]]
  };

  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var box = document.getElementById("text");
  var fileInput = document.getElementById("file");
  var toastEl = document.getElementById("toast");

  var cursor = 0;
  var seen = {};           // message id -> true
  var lines = [];          // rendered log lines, in order: {id, direction, choices, node}
  var lastAt = null;       // time of the last rendered line, for the time separators
  var queue = Promise.resolve();
  var inFlight = 0;
  var failed = null;       // {key, clientId}: resend the same thing after a network error with the same id

  // ---------- rendering ----------

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function nearBottom() { return log.scrollHeight - log.scrollTop - log.clientHeight < 120; }
  function toBottom() { log.scrollTop = log.scrollHeight; }

  function timeLabel(date) {
    var now = new Date();
    var hm = pad(date.getHours()) + ":" + pad(date.getMinutes());
    var day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
    var today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    var days = Math.round((today - day) / 86400000);
    if (days === 0) return hm;
    if (days === 1) return "昨天 " + hm;
    if (date.getFullYear() === now.getFullYear()) return (date.getMonth() + 1) + "月" + date.getDate() + "日 " + hm;
    return date.getFullYear() + "年" + (date.getMonth() + 1) + "月" + date.getDate() + "日 " + hm;
  }
  function pad(n) { return n < 10 ? "0" + n : "" + n; }

  function maybeTime(at) {
    var date = at ? new Date(at) : new Date();
    if (isNaN(date)) return;
    if (lastAt === null || date - lastAt > GAP_FOR_TIME) {
      log.appendChild(el("div", "time", timeLabel(date)));
    }
    lastAt = date;
  }

  function safeUrl(url) {
    if (typeof url !== "string") return null;
    if (/^\/(?!\/)/.test(url)) return url;
    return /^https?:\/\//i.test(url) ? url : null;
  }

  // One row: avatar + bubble. source: "parent" | "bot" | "staff" | "system".
  function row(mine, source) {
    var node = el("div", "msg" + (mine ? " mine" : "") + (source === "staff" ? " staff" : ""));
    var avatar = el("div", "avatar");
    avatar.setAttribute("aria-hidden", "true");
    node.appendChild(avatar);
    var body = el("div", "body");
    node.appendChild(body);
    return { node: node, body: body };
  }

  function bubbleFor(line) {
    var url = safeUrl(line.imageUrl);
    if (line.kind === "image" && url) {
      var b = el("div", "bubble image");
      var img = el("img");
      img.src = url;
      img.alt = line.direction === "in" ? "我发送的图片" : "图片";
      img.addEventListener("load", function () { if (nearBottom()) toBottom(); });
      b.appendChild(img);
      return b;
    }
    var bubble = el("div", "bubble");
    if (line.kind === "link" && url) {
      var a = el("a", "link-card", line.text || url);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      bubble.appendChild(a);
    } else {
      bubble.textContent = line.text || "";
    }
    return bubble;
  }

  function render(line) {
    if (seen[line.id]) return;
    seen[line.id] = true;
    var mine = line.direction === "in";
    maybeTime(line.at);
    var r = row(mine, line.source);
    if (line.source === "staff") r.body.appendChild(el("span", "tag", "工作人员答复"));
    r.body.appendChild(bubbleFor(line));
    // Above the faded bubble and the typing dots, which stay last.
    var anchor = pendingNode && pendingNode.parentNode ? pendingNode : typingNode && typingNode.parentNode ? typingNode : null;
    log.insertBefore(r.node, anchor);
    lines.push({ id: line.id, direction: line.direction, choices: line.choices || [], body: r.body });
  }

  // Quick replies go under the newest bot message that offers them, as long as the parent has not answered since.
  function hideChoices() {
    var old = log.querySelectorAll(".choices");
    for (var i = 0; i < old.length; i++) old[i].remove();
  }

  function refreshChoices() {
    hideChoices();
    for (var j = lines.length - 1; j >= 0; j--) {
      var line = lines[j];
      if (line.direction === "in") return;
      if (line.choices.length) { line.body.appendChild(choiceButtons(line.choices)); return; }
    }
  }

  function choiceButtons(choices) {
    var wrap = el("div", "choices");
    wrap.setAttribute("role", "group");
    wrap.setAttribute("aria-label", "可选回复");
    choices.forEach(function (c) {
      var btn = el("button", "choice", c.label);
      btn.type = "button";
      btn.addEventListener("click", function () {
        var all = wrap.querySelectorAll("button");
        for (var k = 0; k < all.length; k++) all[k].disabled = true;
        send({ choice: c.value, label: c.label }, c.label);
      });
      wrap.appendChild(btn);
    });
    return wrap;
  }

  function ingest(messages) {
    if (!messages || !messages.length) return;
    var stick = nearBottom();
    var added = false;
    messages.forEach(function (m) {
      if (m.id > cursor) cursor = m.id;
      if (!seen[m.id]) { render(m); added = true; }
    });
    if (added) {
      if (messages.some(function (m) { return m.direction === "in"; })) clearPending();
      refreshChoices();
      if (stick || messages.some(function (m) { return m.direction === "in"; })) toBottom();
    }
  }

  // Not in the log: a greeting with the menu for a parent who has not written yet (it goes on reload once they have).
  function showWelcome() {
    maybeTime(null);
    var r = row(false, "bot");
    r.body.appendChild(el("div", "bubble", WELCOME.text));
    log.appendChild(r.node);
    lines.push({ id: 0, direction: "out", body: r.body, choices: WELCOME.choices.map(function (c) { return { label: c[0], value: c[1] }; }) });
    refreshChoices();
  }

  // ---------- pending bubble and typing indicator ----------

  var pendingNode = null;
  var typingNode = null;

  function showPending(text, imageUrl) {
    clearPending();
    var r = row(true, "parent");
    r.node.classList.add("pending");
    if (imageUrl) {
      var b = el("div", "bubble image");
      var img = el("img");
      img.src = imageUrl;
      img.alt = "正在发送的图片";
      b.appendChild(img);
      r.body.appendChild(b);
    } else {
      r.body.appendChild(el("div", "bubble", text));
    }
    log.appendChild(r.node);
    pendingNode = r.node;
    toBottom();
  }

  function clearPending() {
    if (pendingNode) { pendingNode.remove(); pendingNode = null; }
  }

  function setTyping(on) {
    if (on && !typingNode) {
      var r = row(false, "bot");
      r.node.classList.add("typing");
      r.node.setAttribute("aria-label", "对方正在输入");
      var b = el("div", "bubble");
      for (var i = 0; i < 3; i++) b.appendChild(el("span", "dot"));
      r.body.appendChild(b);
      typingNode = r.node;
    }
    if (on) { log.appendChild(typingNode); toBottom(); }
    else if (typingNode) { typingNode.remove(); }
  }

  // ---------- network ----------

  function newId() {
    var bytes = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function ApiError(status, title) { this.status = status; this.title = title; }

  function call(url, options) {
    return fetch(url, options).catch(function () { throw new ApiError(0, null); }).then(function (res) {
      return res.json().catch(function () { return null; }).then(function (body) {
        if (!res.ok) throw new ApiError(res.status, body && body.title);
        return body;
      });
    });
  }

  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  // A POST retried after a network error keeps its clientId, so the server answers it once.
  function postWithRetry(makeRequest) {
    var attempt = 0;
    function go() {
      return makeRequest().catch(function (e) {
        if (e.status === 0 && ++attempt <= 2) return sleep(800 * attempt).then(go);
        throw e;
      });
    }
    return go();
  }

  function fetchNew(wait) {
    return call(API + "/messages?after=" + cursor + "&wait=" + wait, { credentials: "same-origin", cache: "no-store" })
      .then(function (data) { ingest(data.messages); return data.messages.length; });
  }

  function explain(e, image) {
    if (e.status === 0) return image ? "网络不太稳定，图片没发出去，请稍后再试。" : "网络不太稳定，没有发出去，请稍后再试。";
    if (e.status === 413) return "图片太大了，请上传 5MB 以内的图片。";
    if (e.status === 429) return e.title || "您发得太快了，请稍等一会儿再发。";
    if (e.status >= 500) return "服务暂时有点忙，请稍后再试。";
    return e.title || "没有发送成功，请稍后再试。";
  }

  // payload: {text} or {choice, label}; shown: what the faded bubble says.
  function send(payload, shown) {
    var key = JSON.stringify(payload);
    var clientId = failed && failed.key === key ? failed.clientId : newId();
    payload.clientId = clientId;
    hideChoices();
    showPending(shown);
    return enqueue(function () {
      return postWithRetry(function () {
        return call(API + "/send", {
          method: "POST", credentials: "same-origin",
          headers: { "X-Requested-With": HEADERS["X-Requested-With"], "Content-Type": "application/json" },
          body: JSON.stringify(payload)
        });
      }).then(function () {
        failed = null;
        return fetchNew(0).catch(function () { }); // sent: if this read fails, the long poll brings the lines
      }, function (e) {
        failed = e.status === 0 ? { key: key, clientId: clientId } : null;
        clearPending();
        if (payload.text != null && !box.value) { box.value = payload.text; autosize(); }
        refreshChoices();
        toast(explain(e, false));
        throw e;
      });
    });
  }

  function upload(file) {
    if (IMAGE_TYPES.indexOf(file.type) < 0) { toast("只能上传 JPG、PNG 或 WebP 格式的图片。"); return; }
    if (file.size > MAX_IMAGE) { toast("图片太大了，请上传 5MB 以内的图片。"); return; }
    var preview = URL.createObjectURL(file);
    var clientId = newId();
    hideChoices();
    showPending(null, preview);
    enqueue(function () {
      return postWithRetry(function () {
        var data = new FormData();
        data.append("file", file);
        data.append("clientId", clientId);
        return call(API + "/upload", { method: "POST", credentials: "same-origin", headers: HEADERS, body: data });
      }).then(function () {
        return fetchNew(0).catch(function () { });
      }, function (e) {
        clearPending();
        refreshChoices();
        toast(explain(e, true));
      }).then(function () { URL.revokeObjectURL(preview); });
    });
  }

  function enqueue(job) {
    toastEl.hidden = true; // an old error does not belong to this message
    inFlight++;
    setTyping(true);
    var run = queue.then(job);
    queue = run.catch(function () { }).then(function () {
      if (--inFlight === 0) setTyping(false);
    });
    return run.catch(function () { });
  }

  // Long poll for everything else: staff replies, revisit surveys, messages from another tab.
  function poll() {
    var delay = 0;
    function loop() {
      fetchNew(25).then(function () { delay = 0; }, function () { delay = Math.min(30000, delay ? delay * 2 : 2000); })
        .then(function () { setTimeout(loop, delay); });
    }
    loop();
  }

  function loadHistory() {
    return fetchNew(0).then(function (n) { return n >= 200 ? loadHistory() : null; });
  }

  // ---------- toast ----------

  var toastTimer = null;
  function toast(text) {
    toastEl.textContent = text;
    toastEl.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toastEl.hidden = true; }, 3500);
  }

  // ---------- composer ----------

  function autosize() {
    box.style.height = "40px";
    box.style.height = Math.min(box.scrollHeight, 120) + "px";
  }

  function submitText() {
    var text = box.value.trim();
    if (!text) { box.focus(); return; }
    if (text.length > MAX_TEXT) { toast("消息太长了，一次最多2000个字，请分几次发送。"); return; }
    box.value = "";
    autosize();
    send({ text: text }, text);
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); submitText(); });
  box.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      submitText();
    }
  });
  box.addEventListener("input", autosize);
  document.getElementById("menu").addEventListener("click", function () { send({ choice: "cmd:menu", label: "菜单" }, "菜单"); });
  document.getElementById("photo").addEventListener("click", function () { fileInput.click(); });
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (file) upload(file);
  });

  // Opened from a WeChat message (?wx=token): show that parent's WeChat conversation. The token leaves the address
  // bar at once, so a shared screenshot or a copied address does not carry it.
  function linkWeChat() {
    var match = /[?&]wx=([^&#]+)/.exec(location.search);
    if (!match) return Promise.resolve();
    var rest = location.search.replace(/([?&])wx=[^&#]*&?/, "$1").replace(/[?&]$/, "");
    if (window.history && history.replaceState) history.replaceState(null, "", location.pathname + rest + location.hash);
    return postWithRetry(function () {
      return call(API + "/link", {
        method: "POST", credentials: "same-origin",
        headers: { "X-Requested-With": HEADERS["X-Requested-With"], "Content-Type": "application/json" },
        body: JSON.stringify({ token: decodeURIComponent(match[1]) })
      });
    }).catch(function (e) { toast(e.title || explain(e)); });
  }

  linkWeChat().then(loadHistory).then(function () {
    if (!lines.length) showWelcome();
    toBottom();
    poll();
  }, function () {
    showWelcome();
    toast("网络不太稳定，历史消息没有加载出来。");
    setTimeout(poll, 3000);
  });
})();
