// Package gen makes test collections with known ground truth for the passage
// engine: synthetic news-like articles (original nonsense from word lists,
// never real articles), copies of their passages with the edits journalists
// make, and independent texts on the same subject as hard negatives. It also
// scores the engine with PAN's text-alignment measures (Potthast et al.,
// 2010): character-level precision, recall, granularity and plagdet.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Topic is the cast of one story: a place, organisations and people, so
// that texts on the same topic share names but not sentences.
type Topic struct {
	Place   string
	Orgs    []string
	People  []string
	Roles   []string
	Subject string
}

// Writer generates sentences and documents from a seeded random source.
type Writer struct {
	r *rand.Rand
	// introduced: people already named in full in the current document
	introduced map[string]bool
}

// NewWriter returns a Writer whose output is fixed by seed.
func NewWriter(seed uint64) *Writer {
	return &Writer{r: rand.New(rand.NewPCG(seed, seed^0x5DEECE66D))}
}

func (w *Writer) pick(list []string) string { return list[w.r.IntN(len(list))] }

// NewTopic makes a topic with invented names, so that different topics
// share no names and texts on one topic share them all.
func (w *Writer) NewTopic() Topic {
	t := Topic{Place: w.name(), Subject: w.pick(nouns)}
	for i := 0; i < 2; i++ {
		t.Orgs = append(t.Orgs, t.Place+" "+w.pick(orgKinds))
		t.People = append(t.People, w.name()+" "+w.name())
		t.Roles = append(t.Roles, w.role())
	}
	return t
}

// role makes a job title such as "the acting director for water".
func (w *Writer) role() string {
	return "the " + w.pick(rankWords) + " " + w.pick(titleWords) + " for " + w.pick(nouns)
}

// opener makes a sentence opening such as "Late last week in".
func (w *Writer) opener() string {
	return fmt.Sprintf(w.pick(openers), w.pick(periods))
}

// stockClause is a stock phrase from the list or a made-up attribution.
func (w *Writer) stockClause() string {
	if w.r.IntN(2) == 0 {
		return w.pick(clauses)
	}
	return "according to " + w.pick(determiners[3:]) + " " + w.pick(adjectives) + " " + w.pick(nouns)
}

// name invents a capitalised name from syllables.
func (w *Writer) name() string {
	n := 2 + w.r.IntN(2)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(w.pick(syllables))
	}
	return capitalise(b.String())
}

func (w *Writer) np() string {
	s := w.pick(determiners) + " "
	if w.r.IntN(2) == 0 {
		s += w.pick(adjectives) + " "
	}
	s += w.pick(nouns)
	if w.r.IntN(4) == 0 {
		s += " " + w.pick(preps) + " " + w.pick(determiners) + " " + w.pick(nouns)
	}
	return s
}

func (w *Writer) vp() string {
	var s string
	switch w.r.IntN(4) {
	case 0:
		s = w.pick(modals) + " " + w.pick(verbsBase) + " " + w.np()
	case 1:
		s = "has " + w.pick(verbsPast) + " " + w.np()
	default:
		s = w.pick(verbsPast) + " " + w.np()
	}
	if w.r.IntN(3) == 0 {
		s += " " + w.pick(adverbs)
	}
	return s
}

// clause is a bare clause: subject and predicate.
func (w *Writer) clause(t Topic) string {
	switch w.r.IntN(5) {
	case 0:
		return "the " + t.Orgs[w.r.IntN(len(t.Orgs))] + " " + w.vp()
	case 1:
		return w.np() + " " + w.pick(preps) + " " + t.Place + " " + w.vp()
	}
	return w.np() + " " + w.vp()
}

// Sentence returns one sentence on topic t.
func (w *Writer) Sentence(t Topic) string {
	p := w.r.IntN(len(t.People))
	c := w.clause(t)
	if w.r.IntN(3) == 0 {
		c += ", " + w.pick(conjunctions) + " " + w.clause(t)
	}
	switch w.r.IntN(6) {
	case 0:
		if w.introduced[t.People[p]] {
			// later references use the surname alone, as newspapers do
			return fmt.Sprintf("“%s,” %s %s.", capitalise(c), w.pick(saysWords), t.People[p][strings.IndexByte(t.People[p], ' ')+1:])
		}
		if w.introduced == nil {
			w.introduced = map[string]bool{}
		}
		w.introduced[t.People[p]] = true
		return fmt.Sprintf("“%s,” %s %s, %s of the %s.", capitalise(c), w.pick(saysWords), t.People[p], t.Roles[p], t.Orgs[p])
	case 1:
		return fmt.Sprintf("%s %s %s.", t.People[p], w.pick(saysWords), c)
	case 2:
		return fmt.Sprintf("%s, %s.", capitalise(c), w.stockClause())
	case 3:
		return fmt.Sprintf("%s %s, %s.", w.opener(), t.Place, c)
	}
	return capitalise(c) + "."
}

// longSentence returns a sentence of at least minWords words.
func (w *Writer) longSentence(t Topic, minWords int) string {
	for {
		if s := w.Sentence(t); len(strings.Fields(s)) >= minWords {
			return s
		}
	}
}

// Sentences returns sentences on t totalling at least words words.
func (w *Writer) Sentences(t Topic, words int) []string {
	clear(w.introduced)
	var out []string
	for n := 0; n < words; {
		s := w.Sentence(t)
		out = append(out, s)
		n += len(strings.Fields(s))
	}
	return out
}

// Render joins sentences into paragraphs of one to three sentences, after a
// title line, and returns the text and each sentence's byte span.
func (w *Writer) Render(title string, sents []string) (string, [][2]int) {
	var b strings.Builder
	b.WriteString(title)
	b.WriteString("\n\n")
	spans := make([][2]int, len(sents))
	inPara := 0
	for i, s := range sents {
		if inPara > 0 {
			if inPara >= 1+w.r.IntN(3) {
				b.WriteString("\n\n")
				inPara = 0
			} else {
				b.WriteString(" ")
			}
		}
		spans[i] = [2]int{b.Len(), b.Len() + len(s)}
		b.WriteString(s)
		inPara++
	}
	b.WriteString("\n")
	return b.String(), spans
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
