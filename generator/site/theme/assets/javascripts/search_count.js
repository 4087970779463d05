// Where a query finds more pages than Material's result list shows (the search worker posts at
// most 50), the count above the list says so: "50 of 214 matching documents", not Material's
// "50 matching documents". The worker (workers/pagefind.js) tells the whole count on a channel.

const counts = new BroadcastChannel("briefs-search-count")
let latestCount = null

function searchBox() {
  return document.querySelector("input.md-search__input")
}

function countLine() {
  return document.querySelector(".md-search-result__meta")
}

// Material rewrites the line on every result it renders; this writes the whole count back,
// for the query in the box only.
function amendCount() {
  const line = countLine()
  const box = searchBox()
  if (!latestCount || !line || !box || box.value.trim() !== latestCount.query.trim()) return
  if (latestCount.found <= latestCount.shown) return
  const found = latestCount.found.toLocaleString("en")
  const text = `${latestCount.shown} of ${found} matching documents`
  if (line.textContent !== text) line.textContent = text
}

counts.onmessage = ({ data }) => {
  latestCount = data
  amendCount()
}

const line = countLine()
if (line) new MutationObserver(amendCount).observe(line, { childList: true, subtree: true })
