// crossbrief search: loads the index built with the site and searches it in the browser.
// Works on any static host; no server, no network beyond this site.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;
  var indexUrl = document.documentElement.getAttribute("data-search-index");
  var index = null;
  var docs = {};

  function show(results, query) {
    list.innerHTML = "";
    results.slice(0, 50).forEach(function (r) {
      var doc = docs[r.ref] || [r.ref, ""];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.ref;
      a.textContent = doc[0];
      var kind = document.createElement("span");
      kind.className = "meta";
      kind.textContent = " " + doc[1];
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    });
    if (status) {
      status.textContent = query ? results.length + " result" + (results.length === 1 ? "" : "s") + " for “" + query + "”" : "";
    }
  }

  function search() {
    var query = input.value.trim();
    if (!index || !query) { show([], ""); return; }
    var results = index.search(query, {
      fields: { title: { boost: 3 }, body: { boost: 1 } },
      expand: true,
      bool: "OR"
    });
    show(results, query);
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });

  fetch(indexUrl).then(function (r) { return r.json(); }).then(function (data) {
    index = elasticlunr.Index.load(data.index);
    docs = data.docs;
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; }
    if (status) { status.textContent = ""; }
    search();
  }).catch(function () {
    if (status) { status.textContent = "The search index could not be loaded."; }
  });
})();
