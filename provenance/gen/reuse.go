package gen

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// Two reuse corpora in the shapes of the public ones, built from the
// generator (their texts are not reachable here; the shapes are): PAN's
// text-alignment corpus, where suspicious documents insert verbatim
// passages of source books, and Clough and Stevenson's corpus of short
// answers written from a Wikipedia article with four degrees of reuse.

// Insertion is one verbatim passage of a book inside a suspicious document.
type Insertion struct {
	Book, Susp     string
	BookSpan, Span provenance.Span
}

// VerbatimCorpus is a PAN-style collection: books, suspicious documents and
// the insertions. Popular passages are inserted into many suspicious
// documents, so their n-grams are common in the collection.
type VerbatimCorpus struct {
	Docs       []provenance.Document
	Insertions []Insertion
}

// BuildVerbatim makes books of bookWords words and susp suspicious
// documents of about 600 words, each inserting one to three passages of
// 300–2,200 characters (cut at word boundaries) from the books. One
// passage in four is one of popular passages shared by many documents.
func BuildVerbatim(seed uint64, books, bookWords, susp, popular int) *VerbatimCorpus {
	w := NewWriter(seed)
	vc := &VerbatimCorpus{}
	type bookText struct {
		id   string
		text string
	}
	var bs []bookText
	for i := 0; i < books; i++ {
		t := w.NewTopic()
		text, _ := w.Render(fmt.Sprintf("Book %d: %s", i+1, t.Subject), w.Sentences(t, bookWords))
		id := fmt.Sprintf("book%03d", i+1)
		bs = append(bs, bookText{id, text})
		vc.Docs = append(vc.Docs, provenance.Document{ID: id, Path: id + ".txt", Format: "txt", Text: text})
	}
	pick := func() (int, provenance.Span) {
		b := w.r.IntN(len(bs))
		text := bs[b].text
		n := 300 + w.r.IntN(1900)
		start := 40 + w.r.IntN(max(1, len(text)-n-80))
		start = wordStart(text, start)
		end := wordEnd(text, min(len(text), start+n))
		return b, provenance.Span{Start: start, End: end}
	}
	type choice struct {
		b int
		s provenance.Span
	}
	var pop []choice
	for i := 0; i < popular; i++ {
		b, s := pick()
		pop = append(pop, choice{b, s})
	}
	for i := 0; i < susp; i++ {
		t := w.NewTopic()
		sents := w.Sentences(t, 600)
		k := 1 + w.r.IntN(3)
		var ins []choice
		for j := 0; j < k; j++ {
			c := choice{}
			if len(pop) > 0 && w.r.IntN(4) == 0 {
				c = pop[w.r.IntN(len(pop))]
			} else {
				c.b, c.s = pick()
			}
			ins = append(ins, c)
		}
		id := fmt.Sprintf("susp%04d", i+1)
		var b strings.Builder
		b.WriteString(fmt.Sprintf("Essay %d on %s\n\n", i+1, t.Subject))
		per := len(sents) / (k + 1)
		for j := 0; j <= k; j++ {
			for _, s := range sents[j*per : min(len(sents), (j+1)*per)] {
				b.WriteString(s)
				b.WriteString(" ")
			}
			b.WriteString("\n\n")
			if j < k {
				c := ins[j]
				start := b.Len()
				b.WriteString(bs[c.b].text[c.s.Start:c.s.End])
				vc.Insertions = append(vc.Insertions, Insertion{Book: bs[c.b].id, Susp: id, BookSpan: c.s,
					Span: provenance.Span{Start: start, End: b.Len()}})
				b.WriteString("\n\n")
			}
		}
		vc.Docs = append(vc.Docs, provenance.Document{ID: id, Path: id + ".txt", Format: "txt", Text: b.String()})
	}
	return vc
}

// wordStart moves i back to the start of the word it is in.
func wordStart(text string, i int) int {
	for i > 0 && text[i-1] != ' ' && text[i-1] != '\n' {
		i--
	}
	return i
}

// wordEnd moves i on to the end of the word it is in.
func wordEnd(text string, i int) int {
	for i < len(text) && text[i] != ' ' && text[i] != '\n' {
		i++
	}
	return i
}

// Answer categories of the short-answer corpus.
const (
	AnswerCut   = "cut"   // cut-and-paste from the article
	AnswerLight = "light" // light revision: words changed, a clause added
	AnswerHeavy = "heavy" // heavy revision: rephrased, reordered, tense changed
	AnswerNon   = "non"   // written without the article
)

// AnswerCategories lists the categories in order.
var AnswerCategories = []string{AnswerCut, AnswerLight, AnswerHeavy, AnswerNon}

// ShortAnswer is one answer with its ground truth.
type ShortAnswer struct {
	ID, Source, Category string
}

// ShortAnswers is a Clough-style collection: one source article per task
// and answers of each category.
type ShortAnswers struct {
	Docs    []provenance.Document
	Answers []ShortAnswer
}

// BuildShortAnswers makes tasks source articles of about 350 words and, per
// task, perCategory answers of about 200 words in each category.
func BuildShortAnswers(seed uint64, tasks, perCategory int) *ShortAnswers {
	w := NewWriter(seed)
	sa := &ShortAnswers{}
	for t := 0; t < tasks; t++ {
		topic := w.NewTopic()
		src := w.Sentences(topic, 350)
		srcID := fmt.Sprintf("orig_task%c", 'a'+t)
		text, _ := w.Render("Wikipedia: "+topic.Subject, src)
		sa.Docs = append(sa.Docs, provenance.Document{ID: srcID, Path: srcID + ".txt", Format: "txt", Text: text})
		for _, cat := range AnswerCategories {
			for i := 0; i < perCategory; i++ {
				var sents []string
				start := w.r.IntN(max(1, len(src)-8))
				chunk := src[start:min(len(src), start+4+w.r.IntN(4))]
				switch cat {
				case AnswerCut:
					sents = append(sents, w.Sentences(topic, 40)...)
					sents = append(sents, chunk...)
				case AnswerLight:
					for _, s := range chunk {
						sents = append(sents, lightEdit(w, s))
					}
					sents = append(sents, w.Sentences(topic, 40)...)
				case AnswerHeavy:
					for j := len(chunk) - 1; j >= 0; j-- { // reordered
						sents = append(sents, heavyEdit(w, chunk[j]))
					}
				default:
					sents = w.Sentences(topic, 200)
				}
				id := fmt.Sprintf("g%dp%c_task%c_%s", i/5, 'A'+i%5, 'a'+t, cat)
				text, _ := w.Render("Answer", sents)
				sa.Docs = append(sa.Docs, provenance.Document{ID: id, Path: id + ".txt", Format: "txt", Text: text})
				sa.Answers = append(sa.Answers, ShortAnswer{ID: id, Source: srcID, Category: cat})
			}
		}
	}
	return sa
}
