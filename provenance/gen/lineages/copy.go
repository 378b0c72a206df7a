package lineages

import (
	"fmt"
	"regexp"
	"strings"
)

// copyOpts says how a copier treats its source.
type copyOpts struct {
	keep       float64 // chance to keep each paragraph
	pastTense  bool    // "says" → "said"
	usDates    bool    // "1 July" → "July 1" (not a mutation)
	innovate   int     // word-level changes of its own
	hedge      bool    // "may" → "will"
	attribute  bool    // add "the official said" to an unattributed quote
	trimQuote  bool    // cut the last clause of a quote
	intro      int     // sentences of its own at the top
	outro      int     // sentences of its own at the end
	keepHead   bool    // keep the source's dateline
	dateline   string  // a dateline of its own ("PORTVALE, (Tolbay News) – ")
	credit     string  // a credit line of its own
	must       map[string]bool
	onlyUnits  map[string]bool // when set, keep exactly these units
	outletName string
}

var dayMonth = regexp.MustCompile(`\b(\d{1,2}) ([A-Z][a-z]+)\b`)

// datelineRe matches a wire dateline at the start of a paragraph.
var datelineRe = regexp.MustCompile(`^[A-Z]+, \([^)]*\) – `)

// copyOf writes a new draft that reuses src the way opts says.
func (g *generator) copyOf(id string, src *draft, o copyOpts) *draft {
	b := g.b
	d := &draft{id: id, outlet: o.outletName}
	for i := 0; i < o.intro; i++ {
		d.units = append(d.units, unit{id: fmt.Sprintf("%s/own%d", id, i), text: g.sentence()})
	}
	innovations := o.innovate
	for _, u := range src.units {
		keep := g.r.Float64() < o.keep || o.must[u.id]
		if o.onlyUnits != nil {
			keep = o.onlyUnits[u.id]
		}
		if !keep {
			continue
		}
		t := u.text
		if !o.keepHead {
			t = datelineRe.ReplaceAllString(t, "")
		}
		if o.pastTense {
			t = strings.ReplaceAll(t, "” "+b.says+" ", "” "+b.said+" ")
			t = strings.ReplaceAll(t, ",” "+b.says+" ", ",” "+b.said+" ")
		}
		if o.usDates && b == &english {
			t = dayMonth.ReplaceAllString(t, "$2 $1")
		}
		if o.hedge && strings.Contains(t, " "+b.hedge+" ") {
			t = strings.Replace(t, " "+b.hedge+" ", " "+b.firm+" ", 1)
		}
		if o.attribute && u.quote && strings.HasSuffix(t, ".”") && !strings.Contains(t, "” ") {
			t = strings.TrimSuffix(t, ".”") + ",” " + b.addedAttrib + "."
		}
		if o.trimQuote && u.quote {
			if i, j := strings.LastIndex(t, ", "), strings.Index(t, ",” "); i > 0 && j > i {
				t = t[:i] + t[j:]
				o.trimQuote = false
			}
		}
		if innovations > 0 && !strings.Contains(t, "(") {
			if nt, ok := g.innovate(t); ok {
				t = nt
				innovations--
			}
		}
		d.units = append(d.units, unit{id: u.id, text: t, quote: u.quote})
	}
	if o.dateline != "" && len(d.units) > o.intro {
		i := o.intro
		d.units[i].text = o.dateline + d.units[i].text
	}
	for i := 0; i < o.outro; i++ {
		d.units = append(d.units, unit{id: fmt.Sprintf("%s/end%d", id, i), text: g.sentence()})
	}
	if o.credit != "" {
		d.tail = append(d.tail, o.credit)
	}
	return d
}

// innovate makes one change of the copier's own: a synonym, or a different
// closing phrase.
func (g *generator) innovate(t string) (string, bool) {
	var keys []string
	for k := range g.b.synonyms {
		if strings.Contains(t, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 {
		sortStrings(keys)
		k := keys[g.r.Intn(len(keys))]
		alts := strings.Split(g.b.synonyms[k], "|")
		return strings.Replace(t, k, alts[g.r.Intn(len(alts))], 1), true
	}
	for _, tm := range g.b.times {
		if strings.Contains(t, " "+tm) {
			alt := g.pick(g.b.times)
			if alt != tm {
				return strings.Replace(t, " "+tm, " "+alt, 1), true
			}
		}
	}
	return t, false
}

// independent writes an article on the same subject and speaker as a
// release, with none of its words in sequence.
func (g *generator) independent(id, outlet string, org struct{ long, short string }, sp person) *draft {
	b := g.b
	d := &draft{id: id, outlet: outlet}
	for i := 0; i < 9; i++ {
		t := g.sentence()
		if i == 3 {
			t = fmt.Sprintf("“%s %s, %s,” %s %s of %s.", g.pick(b.quoteVerbs), g.simpleClause(), g.clause(), b.said, sp.full(), org.long)
		}
		d.units = append(d.units, unit{id: fmt.Sprintf("%s/%d", id, i), text: t})
	}
	return d
}
