package pipeline

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/stage"
	"github.com/copytrail/copytrail/provenance/text"
)

// Aligning a pair needs both documents on one worker. The runs meet their
// first document (grouped by A), then travel with it to their second
// (grouped by B), where each pair is aligned: a document's text is read
// once per pair it is the first of, and its words are computed once where
// it is the second. Neither group is ever held whole: the document is read
// first, the runs stream past it.

// attachFirst sends each run of document A, with A, to A's partner.
func attachFirst(ctx context.Context, _ uint32, docs func(*ADoc) bool, runs func(*Run) bool, emit func(uint32, Half)) error {
	defer meterAttach.start(ctx)()
	var a ADoc
	if !docs(&a) {
		return nil
	}
	var packed *Packed
	var r Run
	for runs(&r) {
		if packed == nil {
			p, err := pack(a)
			if err != nil {
				return err
			}
			packed = &p
		}
		emit(r.B, Half{Run: r, A: *packed})
	}
	return nil
}

// alignFn aligns every pair whose second document is B (stage.AlignPair,
// stage.Summarise) and emits each pair with passages, keyed by pair.
type alignFn struct {
	Settings provenance.Settings
}

func (f *alignFn) ProcessElement(ctx context.Context, _ uint32, docs func(*ADoc) bool, halves func(*Half) bool, emit func(uint64, PairOut)) error {
	defer meterAlign.start(ctx)()
	var bd ADoc
	if !docs(&bd) {
		return nil
	}
	b := alignDoc(bd, f.Settings)
	var h Half
	for halves(&h) {
		ad, err := unpack(h.A)
		if err != nil {
			return err
		}
		a := alignDoc(ad, f.Settings)
		ps := stage.AlignPair(&a, &b, h.Run.Seeds, f.Settings)
		if len(ps) == 0 {
			continue
		}
		idx := make([]int, len(ps))
		out := PairOut{A: h.Run.A, B: h.Run.B, Passages: make([]PassageOut, len(ps))}
		for k, p := range ps {
			idx[k] = k
			rec := export.NewPassageRecord(k, p, &ad.Doc, &bd.Doc)
			out.Passages[k] = PassageOut{Passage: rec.Passage, ATitle: rec.ATitle, BTitle: rec.BTitle, AText: rec.AText, BText: rec.BText}
		}
		out.Pair = stage.Summarise(&a, &b, ad.Doc.Words, bd.Doc.Words, ps, idx)
		emit(pairKey(out.A, out.B), out)
	}
	return nil
}

// alignDoc is what stage.AlignPair reads of a document: its text, its words
// and its common positions. The words are tokenized again from the text
// (text.AnalyzeDocument, as stage.ShingleDocument makes them: a document's
// words are ~3 times the size of its text, cheaper to recompute than to
// ship with every pair).
func alignDoc(d ADoc, s provenance.Settings) align.Doc {
	return align.Doc{ID: d.Doc.ID, Text: d.Doc.Text, Words: text.AnalyzeDocument(&d.Doc, s.MaxDocBytes), Common: d.Common}
}

func init() {
	register.Function5x1(attachFirst)
	register.DoFn5x1[context.Context, uint32, func(*ADoc) bool, func(*Half) bool, func(uint64, PairOut), error](&alignFn{})
	register.Iter1[ADoc]()
	register.Iter1[Run]()
	register.Iter1[Half]()
	register.Emitter2[uint32, Half]()
	register.Emitter2[uint64, PairOut]()
}

// alignPairs runs stage 3 on every candidate pair.
func alignPairs(s beam.Scope, runs, adocs beam.PCollection, st provenance.Settings) beam.PCollection {
	s = s.Scope("align")
	halves := beam.ParDo(s, attachFirst, beam.CoGroupByKey(s, adocs, runs))
	return beam.ParDo(s, &alignFn{Settings: st}, beam.CoGroupByKey(s, adocs, halves))
}
