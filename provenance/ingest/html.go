package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

func init() {
	readers["html"] = func(ctx context.Context, data []byte, opts Options) (extracted, error) {
		return extractHTML(data, "", nil, opts)
	}
}

// voidElements never have content, so they do not nest.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.Param: true,
}

// selfClosing elements end when a sibling of the same name starts.
var selfClosing = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Option: true,
	atom.Tr: true, atom.Td: true, atom.Th: true,
}

// checkHTMLShape runs a tokenizer over the page, without building a tree,
// and refuses one nested deeper than maxDepth or with more than maxElems
// elements: parsing those into a tree would cost unbounded time and stack.
// It returns the number of elements.
func checkHTMLShape(data []byte, maxDepth, maxElems int) (elems int, err error) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var stack []atom.Atom
	for {
		switch z.Next() {
		case html.ErrorToken:
			if errors.Is(z.Err(), io.EOF) {
				return elems, nil
			}
			return elems, fmt.Errorf("reading HTML: %w", z.Err())
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if elems++; elems > maxElems {
				return elems, fmt.Errorf("HTML has over %d elements (MaxHTMLElements); refused", maxElems)
			}
			if voidElements[a] {
				continue
			}
			if n := len(stack); n > 0 && selfClosing[a] && stack[n-1] == a {
				stack = stack[:n-1]
			}
			if stack = append(stack, a); len(stack) > maxDepth {
				return elems, fmt.Errorf("HTML nested over %d elements deep (MaxHTMLDepth); refused", maxDepth)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			for i := len(stack) - 1; i >= 0 && i >= len(stack)-16; i-- {
				if stack[i] == a {
					stack = stack[:i]
					break
				}
			}
		case html.SelfClosingTagToken:
			if elems++; elems > maxElems {
				return elems, fmt.Errorf("HTML has over %d elements (MaxHTMLElements); refused", maxElems)
			}
		}
	}
}

// extractHTML reads a saved page or fetched document: its metadata (meta
// tags, JSON-LD, title element) and its article body, via readability. No
// script runs and nothing is fetched: the page is only parsed.
// contentType is the HTTP Content-Type when known, for the charset.
func extractHTML(data []byte, contentType string, base *url.URL, opts Options) (extracted, error) {
	elems, err := checkHTMLShape(data, opts.MaxHTMLDepth, opts.MaxHTMLElements)
	if err != nil {
		return extracted{}, err
	}
	enc, _, _ := charset.DetermineEncoding(data, contentType)
	utf8Data, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return extracted{}, fmt.Errorf("decoding the page's charset: %w", err)
	}
	doc, err := html.Parse(bytes.NewReader(utf8Data))
	if err != nil {
		return extracted{}, fmt.Errorf("parsing HTML: %w", err)
	}
	x := extracted{}
	pageMeta(doc, &x, opts.DateOrder)
	var text string
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxReadabilityElements
	if elems > maxReadabilityElements {
		// Readability's time grows faster than the page: on a huge page,
		// drop the usual chrome elements and take the rest of the body.
		dropChrome(doc)
	} else if article, err := parser.ParseAndMutate(doc, base); err == nil && article.Node != nil {
		text = render.InnerText(article.Node)
		if b := strings.Join(strings.Fields(article.Byline()), " "); !x.meta.Author.Known() && b != "" && len(b) <= 120 {
			x.meta.Author = inferred(strings.TrimPrefix(strings.TrimPrefix(b, "By "), "by "), "byline in the page")
		}
	}
	if len(strings.Fields(text)) < 20 { // readability found no article: take the whole body
		if body := findBody(doc); body != nil {
			dropChrome(body)
			if t := render.InnerText(body); len(strings.Fields(t)) > len(strings.Fields(text)) {
				text = t
			}
		}
	}
	x.text = tidyText(text)
	return x, nil
}

// maxReadabilityElements is the largest page given to readability (its
// time grows faster than the page: 30,000 elements take about a second).
const maxReadabilityElements = 30_000

// chromeElements never hold the article.
var chromeElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Form: true, atom.Noscript: true, atom.Iframe: true, atom.Template: true,
}

// dropChrome removes chrome elements and elements whose class or id names
// comments, sharing, related links or menus.
func dropChrome(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			names := strings.ToLower(attr(c, "class") + " " + attr(c, "id"))
			if chromeElements[c.DataAtom] || strings.Contains(names, "comment") || strings.Contains(names, "share") ||
				strings.Contains(names, "related") || strings.Contains(names, "menu") {
				n.RemoveChild(c)
				c = next
				continue
			}
		}
		dropChrome(c)
		c = next
	}
}

// siteHeading reports a heading that names the site, not the article: one
// marked as a logo or brand, or inside page chrome (a header, nav, footer
// or aside outside the article or main element).
func siteHeading(n *html.Node) bool {
	chrome := false
	for ; n != nil && n.Type == html.ElementNode; n = n.Parent {
		names := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
		switch {
		case strings.Contains(names, "logo") || strings.Contains(names, "brand") || strings.Contains(names, "site-title") || strings.Contains(names, "masthead"):
			return true
		case n.DataAtom == atom.Article || n.DataAtom == atom.Main:
			return false // an article's own header holds its headline
		case chromeElements[n.DataAtom]:
			chrome = true
		}
	}
	return chrome
}

// findBody returns the <body> element (after readability, what remains of it).
func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

var blankRuns = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`)

// tidyText makes extracted text tidy: LF line ends, no trailing spaces,
// at most one blank line in a row.
func tidyText(s string) string {
	s = normaliseNewlines(s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\u00a0")
	}
	s = blankRuns.ReplaceAllString(strings.Join(lines, "\n"), "\n\n")
	return strings.TrimSpace(s) + "\n"
}

// pageMeta reads <meta> tags, JSON-LD and the title element.
func pageMeta(doc *html.Node, x *extracted, order dates.Order) {
	var metaTags, ld provenance.Metadata
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				metaTag(n, &metaTags, order)
			case atom.Title:
				if x.titleElement == "" {
					x.titleElement = strings.Join(strings.Fields(textOf(n)), " ")
				}
			case atom.H1:
				if h := strings.Join(strings.Fields(textOf(n)), " "); x.heading == "" && len(h) <= 300 && !siteHeading(n) {
					x.heading = h
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					setMetaKey(&metaTags, "url", attr(n, "href"), provenance.OriginMeta, `<link rel="canonical">`, order)
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					jsonLD(textOf(n), &ld, order)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	x.meta = metaTags
	mergeMeta(&x.meta, ld)
	if x.titleElement != "" {
		if t, outlet, _ := titleSuffix([]string{x.titleElement}); outlet != "" {
			if !x.meta.Outlet.Known() {
				x.meta.Outlet = inferred(outlet, "title element "+quoteShort(x.titleElement))
			}
			x.titleElement = t
		}
	}
}

// metaNames maps <meta> property/name values to metadata keys.
var metaNames = map[string]string{
	"og:site_name": "outlet", "og:title": "title", "article:published_time": "published",
	"author": "author", "article:author": "author", "og:url": "url", "twitter:title": "title",
	"dc.title": "title", "dc.creator": "author", "dc.date": "published", "dc.publisher": "outlet",
	"citation_title": "title", "citation_publication_date": "published", "application-name": "outlet",
	"pubdate": "published", "publish-date": "published", "publish_date": "published", "date": "published",
	"parsely-pub-date": "published", "sailthru.date": "published", "dcterms.date": "published",
	"dcterms.created": "published", "og:article:published_time": "published", "parsely-author": "author",
	"sailthru.author": "author", "parsely-title": "title", "twitter:site:name": "outlet",
}

func metaTag(n *html.Node, m *provenance.Metadata, order dates.Order) {
	key := attr(n, "property")
	if key == "" {
		key = attr(n, "name")
	}
	key = strings.ToLower(strings.TrimSpace(key))
	if field := metaNames[key]; field != "" {
		content := attr(n, "content")
		if field == "author" && strings.HasPrefix(content, "http") {
			return // article:author is often a profile URL, not a name
		}
		setMetaKey(m, field, content, provenance.OriginMeta, `<meta `+key+`>`, order)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// textOf returns the text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// articleTypes are the schema.org types whose fields describe the article.
var articleTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "ReportageNewsArticle": true, "AnalysisNewsArticle": true,
	"BlogPosting": true, "OpinionNewsArticle": true, "PressRelease": true, "WebPage": false,
	"BackgroundNewsArticle": true, "ReviewNewsArticle": true, "LiveBlogPosting": true, "Report": true,
}

// jsonLD reads a JSON-LD block: the first article-typed object found at the
// top, in an array or in an @graph gives headline, datePublished,
// publisher, author and url.
func jsonLD(src string, m *provenance.Metadata, order dates.Order) {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	obj := findArticle(v, 0)
	if obj == nil {
		return
	}
	set := func(field string, val any, key string) {
		setMetaKey(m, field, ldName(val), provenance.OriginJSONLD, "JSON-LD "+key, order)
	}
	set("title", obj["headline"], "headline")
	set("published", obj["datePublished"], "datePublished")
	set("outlet", obj["publisher"], "publisher")
	set("author", obj["author"], "author")
	set("url", obj["url"], "url")
}

// findArticle searches v for an object with an article @type.
func findArticle(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			if o := findArticle(e, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if isArticleType(t["@type"]) {
			return t
		}
		if g, ok := t["@graph"]; ok {
			return findArticle(g, depth+1)
		}
	}
	return nil
}

func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return articleTypes[t]
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldName returns a JSON-LD value as text: a string, an object's name, or
// the names of a list joined by commas.
func ldName(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		return ldName(t["name"])
	case []any:
		var names []string
		for _, e := range t {
			if n := ldName(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}
