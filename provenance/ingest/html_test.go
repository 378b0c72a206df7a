package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// articlePage builds a saved news page: navigation, an article of paras
// paragraphs, a share bar, comments, related links, a script and a remote
// image, with the given <head> content.
func articlePage(head string, paras int) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>")
	b.WriteString(`<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>`)
	b.WriteString(`<script>document.write("INJECTED SCRIPT TEXT"); fetch("https://evil.example/x")</script>`)
	b.WriteString(`<article><h1>Harbour cranes idle as dockers strike</h1><p class="byline">By Ada Reporter</p>`)
	for i := range paras {
		fmt.Fprintf(&b, "<p>Paragraph %d of the story: the dockers of the eastern harbour stopped work on Tuesday, "+
			"and the port authority said talks over pay and shift length would resume within the week.</p>", i+1)
	}
	b.WriteString(`<img src="https://images.example/remote.jpg" alt="cranes"></article>`)
	b.WriteString(`<div class="share-bar social"><a>Facebook</a><a>Twitter</a><a>WhatsApp</a></div>`)
	b.WriteString(`<section id="comments" class="comments"><h3>Comments</h3><p>Reader: first!</p></section>`)
	b.WriteString(`<aside class="related"><ul><li><a href="/a">Related story one</a></li><li><a href="/b">Related story two</a></li></ul></aside>`)
	b.WriteString(`<footer class="footer">© Example Media Group</footer></body></html>`)
	return b.String()
}

func TestExtractHTML(t *testing.T) {
	ld := `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
		{"@type":"NewsArticle","headline":"LD Headline","datePublished":"2024-05-06T07:08:09Z",
		 "publisher":{"@type":"Organization","name":"LD Outlet"},"author":[{"@type":"Person","name":"Ana Uno"},{"name":"Ben Dos"}]}]}</script>`
	cases := []struct {
		name                      string
		head                      string
		title, outlet, pub, autho string
		titleOrigin, outletOrigin provenance.Origin
	}{
		{"meta tags", `<title>Page title – Example Times</title><meta property="og:site_name" content="OG Outlet"><meta property="og:title" content="OG Title">` +
			`<meta property="article:published_time" content="2024-05-01T10:00:00+02:00"><meta name="author" content="Meta Author">` + ld,
			"OG Title", "OG Outlet", "2024-05-01T10:00:00+02:00", "Meta Author", provenance.OriginMeta, provenance.OriginMeta},
		{"json-ld only", `<title>Plain</title>` + ld, "LD Headline", "LD Outlet", "2024-05-06T07:08:09Z", "Ana Uno, Ben Dos", provenance.OriginJSONLD, provenance.OriginJSONLD},
		{"other date and author tags", `<meta name="pubdate" content="2024-02-03"><meta name="parsely-author" content="P Author">`,
			"Harbour cranes idle as dockers strike", "", "2024-02-03", "P Author", provenance.OriginFile, provenance.OriginNone},
		{"title element", `<title>Harbour strike – Example Times</title>`, "Harbour strike", "Example Times", "", "Ada Reporter", provenance.OriginFile, provenance.OriginInferred},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x, err := extractHTML([]byte(articlePage(c.head, 6)), "", nil, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			d, err := build("page.html", "html", x, provenance.Metadata{}, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			m := d.Meta
			if m.Title.Value != c.title || m.Outlet.Value != c.outlet || m.Published.Value != c.pub || m.Author.Value != c.autho {
				t.Errorf("meta %+v", m)
			}
			if m.Title.Origin != c.titleOrigin || m.Outlet.Origin != c.outletOrigin {
				t.Errorf("origins title %q outlet %q", m.Title.Origin, m.Outlet.Origin)
			}
			for i := 1; i <= 6; i++ {
				if !strings.Contains(d.Text, fmt.Sprintf("Paragraph %d of the story", i)) {
					t.Errorf("paragraph %d missing from %q", i, d.Text)
				}
			}
			for _, bad := range []string{"INJECTED", "evil.example", "remote.jpg", "Related story", "first!", "Sport"} {
				if strings.Contains(d.Text, bad) {
					t.Errorf("text holds page chrome or script %q:\n%s", bad, d.Text)
				}
			}
		})
	}
}

func TestHTMLDepthRefused(t *testing.T) {
	deep := strings.Repeat("<div>", 100_000) + "text" + strings.Repeat("</div>", 100_000)
	_, err := extractHTML([]byte(deep), "", nil, DefaultOptions())
	if err == nil || !strings.Contains(err.Error(), "nested over 512") {
		t.Fatalf("err = %v", err)
	}
	// Unclosed paragraphs and list items do not nest.
	flat := "<html><body>" + strings.Repeat("<p>para text ", 5000) + "</body></html>"
	if _, err := extractHTML([]byte(flat), "", nil, DefaultOptions()); err != nil {
		t.Fatalf("flat page refused: %v", err)
	}
}

func TestHugePageSkipsReadability(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><nav class="menu"><a>Home</a><a>Sport</a></nav><header>Site Header Words</header><article>`)
	for i := range maxReadabilityElements + 5000 {
		fmt.Fprintf(&b, "<p>p%d</p>", i)
	}
	b.WriteString(`</article><div id="comments"><p>first comment!</p></div><footer>Footer Words</footer><script>INJECTED()</script></body></html>`)
	x, err := extractHTML([]byte(b.String()), "", nil, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(x.text, "p0\n") || !strings.Contains(x.text, fmt.Sprintf("p%d\n", maxReadabilityElements+4999)) {
		t.Errorf("article paragraphs missing: %q…", trunc(x.text))
	}
	for _, bad := range []string{"Sport", "Site Header", "first comment", "Footer Words", "INJECTED"} {
		if strings.Contains(x.text, bad) {
			t.Errorf("text holds %q", bad)
		}
	}
}

// TestHeadingTitle: with no title source, a page's title is its article
// heading, not a heading that names the site.
func TestHeadingTitle(t *testing.T) {
	body := strings.Repeat("<p>The dockers of the eastern harbour stopped work on Tuesday, and the port authority said talks would resume.</p>", 4)
	cases := []struct{ name, page, want string }{
		{"article heading in its header", `<article><header><h1>Harbour cranes idle</h1></header>` + body + `</article>`, "Harbour cranes idle"},
		{"site name in the page header", `<header><h1>Example Times</h1></header><article><h1>Harbour cranes idle</h1>` + body + `</article>`, "Harbour cranes idle"},
		{"logo heading", `<h1 class="site-logo">Example Times</h1><div><h1>Harbour cranes idle</h1>` + body + `</div>`, "Harbour cranes idle"},
		{"only a site heading", `<header><h1>Example Times</h1></header><article>` + body + `</article>`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x, err := extractHTML([]byte("<html><body>"+c.page+"</body></html>"), "", nil, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			if x.heading != c.want {
				t.Errorf("heading %q, want %q", x.heading, c.want)
			}
		})
	}
}
