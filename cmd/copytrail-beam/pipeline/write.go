package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/lineage"
)

// ShardLines is the most lines of one output shard: a file with more lines
// is written in shards (export.ShardName), each sorted on its own worker,
// so no worker holds more than one shard.
const ShardLines = 50000

// Output files written in shards, by what numbers their lines.
const (
	kindDocuments = "documents"
	kindPassages  = "passages"
	kindPairs     = "pairs"
)

func documentLine(_ uint32, d ADoc) (int, Line, error) {
	b, err := export.Line(export.DocumentRecord{Document: d.Doc, Text: d.Doc.Text})
	if err != nil {
		return 0, Line{}, fmt.Errorf("document %s: %w", d.Doc.ID, err)
	}
	return int(d.Index) / ShardLines, Line{Index: int(d.Index), Text: string(b)}, nil
}

func passageLines(p PairOut, emit func(int, Line)) error {
	for k, q := range p.Passages {
		i := p.First + k
		b, err := export.Line(export.PassageRecord{Index: i, ATitle: q.ATitle, BTitle: q.BTitle, AText: q.AText, BText: q.BText, Passage: q.Passage})
		if err != nil {
			return fmt.Errorf("passage %d: %w", i, err)
		}
		emit(i/ShardLines, Line{Index: i, Text: string(b)})
	}
	return nil
}

func pairLine(p PairOut) (int, Line, error) {
	b, err := export.Line(p.Pair)
	if err != nil {
		return 0, Line{}, fmt.Errorf("pair %s–%s: %w", p.Pair.A, p.Pair.B, err)
	}
	return p.Index / ShardLines, Line{Index: p.Index, Text: string(b)}, nil
}

// shardFn writes one shard of a numbered file, its lines sorted.
type shardFn struct {
	Dir, Name, Kind string
}

func (f *shardFn) ProcessElement(ctx context.Context, shard int, lines func(*Line) bool, totals Totals) error {
	defer meterWrite.start(ctx)()
	var all []Line
	var l Line
	for lines(&l) {
		all = append(all, l)
	}
	slices.SortFunc(all, func(x, y Line) int { return x.Index - y.Index })
	n := map[string]int{kindDocuments: totals.Documents, kindPassages: totals.Passages, kindPairs: totals.Pairs}[f.Kind]
	shards := (n + ShardLines - 1) / ShardLines
	return writeFile(ctx, f.Dir, export.ShardName(f.Name, shard, shards), func(w *bufio.Writer) error {
		for _, l := range all {
			if _, err := w.WriteString(l.Text); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeFile writes one file of the output folder through Beam's
// filesystems (a local folder, gs://, s3://).
func writeFile(ctx context.Context, dir, name string, write func(*bufio.Writer) error) error {
	p := strings.TrimSuffix(dir, "/") + "/" + name
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	defer fs.Close()
	fd, err := fs.OpenWrite(ctx, p)
	if err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	w := bufio.NewWriterSize(fd, 1<<20)
	if err := write(w); err != nil {
		fd.Close()
		return fmt.Errorf("writing %s: %w", p, err)
	}
	if err := w.Flush(); err != nil {
		fd.Close()
		return fmt.Errorf("writing %s: %w", p, err)
	}
	if err := fd.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	return nil
}

// finishFn merges the groups' lineage (lineage.MergeLinks, MergeMutations,
// RankFamilies, MergeOutletEdges: the order the whole analysis gives) and
// writes links, families, mutations, outlet links and analysis.json. It
// holds the lineage of the whole collection, none of its texts.
type finishFn struct {
	Dir      string
	Settings provenance.Settings
}

func (f *finishFn) ProcessElement(ctx context.Context, _ []byte, groups func(*Lineage) bool, totals Totals, dups func(*DupRec) bool, errs func(*ErrRec) bool) error {
	defer meterWrite.start(ctx)()
	var all Lineage
	var g Lineage
	for groups(&g) {
		all.Links = append(all.Links, g.Links...)
		all.Mutations = append(all.Mutations, g.Mutations...)
		all.Families = append(all.Families, g.Families...)
		all.OutletEdges = append(all.OutletEdges, g.OutletEdges...)
	}
	lineage.MergeLinks(all.Links)
	lineage.MergeMutations(all.Mutations)
	lineage.RankFamilies(all.Families)
	all.OutletEdges = lineage.MergeOutletEdges(all.OutletEdges)
	r := &provenance.Result{Links: all.Links, Mutations: all.Mutations, Families: all.Families, OutletEdges: all.OutletEdges}
	for _, file := range []struct {
		name  string
		write func(*bytes.Buffer, *provenance.Result) error
	}{
		{export.LinksJSONL, func(b *bytes.Buffer, r *provenance.Result) error { return export.LinksFile(b, r) }},
		{export.FamiliesJSONL, func(b *bytes.Buffer, r *provenance.Result) error { return export.FamiliesFile(b, r) }},
		{export.MutationsJSONL, func(b *bytes.Buffer, r *provenance.Result) error { return export.MutationsFile(b, r) }},
		{export.OutletLinksJSONL, func(b *bytes.Buffer, r *provenance.Result) error { return export.OutletLinksFile(b, r) }},
	} {
		err := writeFile(ctx, f.Dir, file.name, func(w *bufio.Writer) error {
			var b bytes.Buffer
			if err := file.write(&b, r); err != nil {
				return err
			}
			_, err := w.Write(b.Bytes())
			return err
		})
		if err != nil {
			return err
		}
	}
	var ds []DupRec
	var d DupRec
	for dups(&d) {
		ds = append(ds, d)
	}
	slices.SortFunc(ds, func(x, y DupRec) int { return strings.Compare(x.Order, y.Order) })
	dupList := make([]provenance.Duplicate, len(ds))
	for i, d := range ds {
		dupList[i] = d.Dup
	}
	var ers []ErrRec
	var e ErrRec
	for errs(&e) {
		ers = append(ers, e)
	}
	slices.SortStableFunc(ers, func(x, y ErrRec) int { return strings.Compare(x.Order, y.Order) })
	es := make([]provenance.FileError, len(ers))
	for i, e := range ers {
		es[i] = e.Err
	}
	for name, lines := range map[string]int{export.DocumentsJSONL: totals.Documents, export.PassagesFile: totals.Passages, export.PairsJSONL: totals.Pairs} {
		if lines == 0 { // no shard to write it
			if err := writeFile(ctx, f.Dir, name, func(*bufio.Writer) error { return nil }); err != nil {
				return err
			}
		}
	}
	n := export.CountsOf(r)
	n.Documents, n.Passages, n.Pairs = totals.Documents, totals.Passages, totals.Pairs
	a := export.AnalysisOf(provenance.ContractVersion, f.Settings, dupList, es, n)
	return writeFile(ctx, f.Dir, export.AnalysisJSON, func(w *bufio.Writer) error { return export.WriteAnalysis(w, a) })
}

func init() {
	register.Function2x3(documentLine)
	register.Function2x1(passageLines)
	register.Function1x3(pairLine)
	register.DoFn4x1[context.Context, int, func(*Line) bool, Totals, error](&shardFn{})
	register.DoFn6x1[context.Context, []byte, func(*Lineage) bool, Totals, func(*DupRec) bool, func(*ErrRec) bool, error](&finishFn{})
	register.Emitter2[int, Line]()
	register.Iter1[Line]()
	register.Iter1[Lineage]()
	register.Iter1[DupRec]()
	register.Iter1[ErrRec]()
}

// writeOutputs writes the JSON Lines export of the analysis into dir.
func writeOutputs(s beam.Scope, dir string, st provenance.Settings, adocs, pairs, groups, totals, dups, errs beam.PCollection) {
	s = s.Scope("write")
	for _, f := range []struct {
		name, kind string
		lines      beam.PCollection
	}{
		{export.DocumentsJSONL, kindDocuments, beam.ParDo(s, documentLine, adocs)},
		{export.PassagesFile, kindPassages, beam.ParDo(s, passageLines, pairs)},
		{export.PairsJSONL, kindPairs, beam.ParDo(s, pairLine, pairs)},
	} {
		beam.ParDo0(s, &shardFn{Dir: dir, Name: f.name, Kind: f.kind}, beam.GroupByKey(s, f.lines), beam.SideInput{Input: totals})
	}
	beam.ParDo0(s, &finishFn{Dir: dir, Settings: st}, beam.Impulse(s), beam.SideInput{Input: groups},
		beam.SideInput{Input: totals}, beam.SideInput{Input: dups}, beam.SideInput{Input: errs})
}
