// Package lineages generates invented lineages of press releases, wire
// stories and articles with known ground truth (who copied whom, which
// texts took from a common source, which are independent), for measuring
// the lineage layer (provenance/eval scores it). No real article text is
// used.
package lineages

import (
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// DateMode says which documents of a case carry a publication date.
type DateMode string

// Date modes.
const (
	AllDates  DateMode = "all dates"
	SomeDates DateMode = "some dates"
	NoDates   DateMode = "no dates"
)

// Case is one generated collection with its ground truth.
type Case struct {
	Name string
	Docs []provenance.Document
	// Edges are the direct copies, source first.
	Edges [][2]string
	// Common are pairs that both copied a text left out of the collection.
	Common [][2]string
	// Independent are pairs that share a topic but no text.
	Independent [][2]string
	parent      map[string][]string
}

// Descends reports whether text flowed from src to dst (directly or through
// intermediaries) in the ground truth.
func (c *Case) Descends(src, dst string) bool {
	seen := map[string]bool{}
	var walk func(string) bool
	walk = func(d string) bool {
		for _, p := range c.parent[d] {
			if p == src {
				return true
			}
			if !seen[p] {
				seen[p] = true
				if walk(p) {
					return true
				}
			}
		}
		return false
	}
	return walk(dst)
}

// unit is one paragraph of a generated text, tagged with the paragraph of
// the root text it descends from.
type unit struct {
	id    string
	text  string
	quote bool
}

// draft is a generated document before it becomes a provenance.Document.
type draft struct {
	id, outlet string
	head       []string
	units      []unit
	tail       []string
	when       time.Time
}

func (d *draft) text() string {
	var parts []string
	parts = append(parts, d.head...)
	for _, u := range d.units {
		parts = append(parts, u.text)
	}
	parts = append(parts, d.tail...)
	return strings.Join(parts, "\n") + "\n"
}

// generator builds texts from one language bank with its own random source.
type generator struct {
	r *rand.Rand
	b *bank
}

func (g *generator) pick(s []string) string { return s[g.r.Intn(len(s))] }

// clause is one invented clause pair, 18–30 words, built from single-word
// slots so that two independent texts almost never share a run of words.
func (g *generator) clause() string {
	return g.simpleClause() + ", " + g.pick(g.b.links) + " " + g.simpleClause()
}

func (g *generator) simpleClause() string {
	b := g.b
	return fmt.Sprintf(g.pick(b.clauseFmts), g.pick(b.adjs), g.pick(b.actors), g.pick(b.acts), g.pick(b.adjs),
		g.pick(b.nouns), g.pick(b.places), g.pick(b.times))
}

func (g *generator) sentence() string { return capitalise(g.clause()) + "." }

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

// person is an invented speaker of an organisation.
type person struct{ first, last, title string }

func (p person) full() string { return p.first + " " + p.last }

// release writes an organisation's press release.
func (g *generator) release(id string, org struct{ long, short string }, sp person) *draft {
	b := g.b
	d := &draft{id: id, outlet: org.long}
	if g.r.Intn(10) < 7 {
		d.head = append(d.head, b.releaseHead)
	}
	d.head = append(d.head, capitalise(g.simpleClause()))
	add := func(kind, text string, q bool) {
		d.units = append(d.units, unit{id: id + "/" + kind, text: text, quote: q})
	}
	add("lead", fmt.Sprintf("%s (%s) %s %s, %s.", org.long, org.short, g.pick(b.orgVoice), g.simpleClause(), g.clause()), false)
	add("q1", fmt.Sprintf("“%s %s, %s,” %s %s, %s’s %s.", g.pick(b.quoteVerbs), g.simpleClause(), g.clause(), b.says, sp.full(), org.short, sp.title), true)
	add("q1b", fmt.Sprintf("“%s %s, %s.”", g.pick(b.quoteVerbs), g.simpleClause(), g.clause()), true)
	add("s1", g.sentence(), false)
	add("v1", fmt.Sprintf("%s %s %s.", org.short, g.pick(b.orgVoice), g.clause()), false)
	add("hedge", fmt.Sprintf("%s, %s %s %s %s %s.", capitalise(g.simpleClause()), g.pick(b.hedgeSubjects), b.hedge, g.pick(b.hedgeVerbs), g.pick(b.nouns), g.pick(b.places)), false)
	add("date", g.dateSentence(), false)
	add("q2", fmt.Sprintf("“%s %s, %s,” %s %s.", g.pick(b.quoteVerbs), g.simpleClause(), g.clause(), b.says, sp.last), true)
	add("s2", g.sentence(), false)
	add("v2", fmt.Sprintf("%s %s %s.", org.short, g.pick(b.orgVoice), g.clause()), false)
	add("q3", fmt.Sprintf("“%s %s, %s,” %s %s.", g.pick(b.quoteVerbs), g.simpleClause(), g.clause(), b.says, sp.last), true)
	add("s3", g.sentence(), false)
	d.tail = append(d.tail, fmt.Sprintf(b.aboutFmt, org.long), g.sentence(),
		fmt.Sprintf(b.contactFmt, g.pick(firstNames)+" "+g.pick(lastNames), strings.ToLower(org.short)))
	if g.r.Intn(2) == 0 {
		d.tail = append(d.tail, "###")
	}
	return d
}

// dateSentence names a date in day-month order ("on 1 July").
func (g *generator) dateSentence() string {
	m, d := g.pick(g.b.months), 1+g.r.Intn(28)
	on := "on"
	if g.b == &french {
		on = "le"
	}
	return fmt.Sprintf("%s %s %d %s, %s.", capitalise(g.simpleClause()), on, d, m, g.clause())
}
