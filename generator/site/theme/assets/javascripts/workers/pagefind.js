// Material for MkDocs' search worker, answered by Pagefind (generator/site/search.py).
//
// Material's search box sends this worker the messages its own lunr worker takes (SETUP, then a
// QUERY per keystroke) and renders what comes back (READY, then a RESULT per query), so the box,
// its keyboard shortcut, the result list, highlighting and the colour schemes are Material's.
// Pagefind fetches only the parts of its index that a query needs, so search answers as fast at
// ten thousand pages as at ten.

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

// The first results are posted as soon as they are loaded; more follow once loaded, best first.
const FIRST_RESULTS = 10
const MOST_RESULTS = 50

// A word shorter than this, typed alone, is matched whole rather than as the start of words: one
// or two letters start most words of a large site ("b" matched 4,800 of 10,000 briefs and took
// Pagefind 0.2 to 2 s to score, the first key of every query), and a reader who types two
// letters and stops means the word ("UK", "EU"). Beside other words a short one stays a prefix:
// the others narrow the search ("clinton c": 0.2 s).
const SHORTEST_PREFIX = 3

// Material counts the results it is given ("50 matching documents"); where a query finds more
// than it shows, the page's script (theme/main.html) hears the whole count on this channel.
const COUNTS = new BroadcastChannel("briefs-search-count")

// The site's root: this file is at assets/javascripts/workers/ below it.
const SITE_ROOT = new URL("../../../", self.location.href)
const INDEX = new URL("pagefind/", SITE_ROOT)

let pagefind
let suggest = false
// Queries are numbered as they come, one a key.
let latest = 0

addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    suggest = Boolean(message.data.options && message.data.options.suggest)
    pagefind = await import(new URL("pagefind.js", INDEX).href)
    await pagefind.options({ basePath: INDEX.pathname, baseUrl: SITE_ROOT.pathname })
    await pagefind.init()
    for (const part of await otherParts())
      await pagefind.mergeIndex(new URL(part, INDEX).pathname, { baseUrl: SITE_ROOT.pathname })
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    waiting = { query: message.data, asked: ++latest }
    if (!searching) answerWaiting()
  }
})

// One search at a time, for the newest query: Pagefind's search runs on this worker's thread,
// and a reader types a key every 60 to 200 ms, faster than a search of a large site with a
// prefix of one or two letters; searching every key in turn would show nothing until the
// searches of all the keys typed before were done. The queries typed meanwhile are skipped.
let waiting = null
let searching = false

async function answerWaiting() {
  searching = true
  while (waiting) {
    const { query, asked } = waiting
    waiting = null
    try {
      await answer(query, asked)
    } catch (error) {
      console.warn(`Search failed for "${query}"`, error)
      postMessage({ type: RESULT, data: { items: [] } })
    }
  }
  searching = false
}

// A large site is indexed in parts (generator/site/search.py): the index lists the others, which
// Pagefind merges into one search. A site indexed whole lists none.
async function otherParts() {
  try {
    const listed = await fetch(new URL("parts.json", INDEX))
    return listed.ok ? await listed.json() : []
  } catch (error) {
    return []
  }
}

// Post the results of a query, the best first; the rest of the best 50 follow unless a newer
// query came meanwhile (its results, once searched, replace these).
async function answer(query, asked) {
  const search = query.trim() ? await pagefind.search(pagefindQuery(query)) : null
  const found = search ? search.results : []
  let loaded = await Promise.all(found.slice(0, FIRST_RESULTS).map(result => result.data()))
  postMessage({ type: RESULT, data: materialResult(query, found, loaded) })
  COUNTS.postMessage({ query, shown: Math.min(found.length, MOST_RESULTS), found: found.length })
  if (found.length <= FIRST_RESULTS || asked !== latest) return
  const more = await Promise.all(
    found.slice(FIRST_RESULTS, MOST_RESULTS).map(result => result.data())
  )
  if (asked !== latest) return
  loaded = loaded.concat(more)
  postMessage({ type: RESULT, data: materialResult(query, found, loaded) })
}

// The query as Pagefind takes it: a lone short word in quotes, which Pagefind matches whole.
function pagefindQuery(query) {
  const words = query.trim().split(/\s+/)
  const word = words[0]
  if (words.length > 1 || [...word].length >= SHORTEST_PREFIX || word.includes('"')) return query
  return `"${word}"`
}

// Material's result: one group per page, the page first, then its sections that matched.
function materialResult(query, found, pages) {
  const terms = matchedWords(pages)
  const items = pages.map((page, number) => {
    const score = found[number].score
    const sections = page.sub_results
      .filter(section => section.url !== page.url && section.url.includes("#"))
      .map(section => ({
        location: section.url,
        title: escapeHTML(section.title),
        text: section.excerpt,
        score: score / 2,
        terms,
      }))
    const article = {
      location: page.url,
      title: escapeHTML(page.meta.title || page.url),
      text: page.excerpt,
      score,
      terms,
    }
    return [article, ...sections]
  })
  const result = { items }
  if (suggest) result.suggest = suggestion(query, terms)
  return result
}

// The words Pagefind marked in the excerpts: what to highlight on the page a result opens
// (the whole word where the query typed its start).
function matchedWords(pages) {
  const words = {}
  for (const page of pages)
    for (const [, marked] of page.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)) {
      // Pagefind marks a word with the punctuation around it ("Ushakov,").
      const word = marked.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
      if (word) words[word] = true
    }
  return words
}

// The word the last one typed most likely starts, for Material's suggestion under the box.
function suggestion(query, terms) {
  const typed = query.toLowerCase().split(/[\s-]+/).pop()
  if (!typed) return []
  const longer = Object.keys(terms).filter(word => word.startsWith(typed) && word !== typed)
  longer.sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
  return longer.length ? [longer[0]] : []
}

function escapeHTML(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
}
