package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
	"github.com/copytrail/copytrail/provenance/store"
)

func init() {
	register(&command{
		name:    "query",
		summary: "which articles of an analysed workspace share passages with one text (WORKSPACE FILE|URL)",
		usage:   "[--json] [--all] WORKSPACE.copytrail FILE|URL|FOLDER|-...",
		about: `Reads one text — a file of any format copytrail reads, a web address, or "-" for plain
text on standard input — and lists the articles of the analysed workspace that share
passages with it: how many of the text's words they share, the share of the text and of
the article, and the passages. The workspace is read, never changed (the text is not
added): only the parts of its index the text's n-grams need are read, so a query of a
100,000-article workspace takes well under a second. The workspace must have been
analysed (copytrail analyse). Articles sharing only incidental passages (names, stock
phrases) are counted at the end; --all lists them too. --json prints the matches as one
JSON array. Given several texts (or a folder), it answers for each in turn.`,
		examples: []string{"query out/analysed.copytrail articles/"},
		files:    true,
		setup:    setupQuery,
	})
}

// queryMatch is one match as `copytrail query --json` prints it.
type queryMatch struct {
	ID              string         `json:"id"`
	Path            string         `json:"path"`
	Title           string         `json:"title"`
	Outlet          string         `json:"outlet"`
	Published       string         `json:"published"`
	SharedWords     int            `json:"shared_words"`
	TextCoverage    float64        `json:"text_coverage"`
	ArticleCoverage float64        `json:"article_coverage"`
	Passages        []queryPassage `json:"passages"`
}

type queryPassage struct {
	ArticleStart int     `json:"article_start"`
	ArticleEnd   int     `json:"article_end"`
	TextStart    int     `json:"text_start"`
	TextEnd      int     `json:"text_end"`
	Words        int     `json:"words"`
	Similarity   float64 `json:"similarity"`
	Incidental   bool    `json:"incidental"`
}

func setupQuery(fs *flag.FlagSet) func(e *Env, args []string) int {
	asJSON := fs.Bool("json", false, "print the matches as a JSON array")
	all := fs.Bool("all", false, "list the articles sharing only incidental passages too")
	return func(e *Env, args []string) int {
		if len(args) < 2 {
			return e.UsageError(errors.New("give the workspace file and a file, web address, folder or - (standard input)"))
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		docs, status := readQueryTexts(ctx, e, args[1:], os.Stdin)
		f, err := store.OpenIndex(args[0])
		if err != nil {
			return e.Fail(err)
		}
		defer f.Close()
		for i, doc := range docs {
			ms, err := scan.Query(ctx, f, doc)
			if err != nil {
				return e.Fail(fmt.Errorf("%s: %w", args[0], err))
			}
			switch {
			case *asJSON:
				err = writeQueryJSON(e, ms, *all)
			default:
				if len(docs) > 1 {
					if i > 0 {
						fmt.Fprintln(e.Stdout)
					}
					fmt.Fprintf(e.Stdout, "%s\n", doc.Path)
				}
				err = writeQueryTable(e, doc, ms, *all)
			}
			if err != nil {
				return e.Fail(err)
			}
		}
		return status
	}
}

// readQueryTexts reads every text asked about; one that cannot be read is
// named on stderr and makes the status ExitFailed.
func readQueryTexts(ctx context.Context, e *Env, args []string, stdin io.Reader) ([]provenance.Document, int) {
	status := ExitOK
	var docs []provenance.Document
	var files []string
	for _, a := range args {
		if a == "-" || strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			d, err := readQueryText(ctx, a, stdin)
			if err != nil {
				e.Errorf("%v", err)
				status = ExitFailed
				continue
			}
			docs = append(docs, d)
			continue
		}
		files = append(files, a)
	}
	if len(files) > 0 {
		ds, _, errs := ingest.Load(ctx, files, ingest.DefaultOptions(), nil)
		for _, fe := range errs {
			e.Errorf("%s", fe.Error())
			status = ExitFailed
		}
		docs = append(docs, ds...)
	}
	return docs, status
}

// readQueryText reads one queried text: a web address, or "-" for
// standard input (files and folders go through ingest.Load).
func readQueryText(ctx context.Context, arg string, stdin io.Reader) (provenance.Document, error) {
	opts := ingest.DefaultOptions()
	switch {
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://"):
		return ingest.FetchURL(ctx, arg, opts)
	case arg == "-":
		b, err := io.ReadAll(stdin)
		if err != nil {
			return provenance.Document{}, fmt.Errorf("standard input: %w", err)
		}
		d := ingest.FromText(string(b), provenance.Metadata{Title: provenance.Field{Value: "standard input"}})
		d.Path = "-"
		return d, nil
	}
	return provenance.Document{}, fmt.Errorf("%s: not a web address or standard input", arg)
}

func writeQueryJSON(e *Env, ms []scan.Match, all bool) error {
	out := []queryMatch{}
	for _, m := range ms {
		if m.Pair.SharedWords == 0 && !all {
			continue
		}
		d := m.Document
		q := queryMatch{ID: d.ID, Path: d.Path, Title: d.Meta.Title.Value, Outlet: d.Meta.Outlet.Value,
			Published: d.Meta.Published.Value, SharedWords: m.Pair.SharedWords,
			TextCoverage: m.Pair.BCoverage, ArticleCoverage: m.Pair.ACoverage, Passages: []queryPassage{}}
		for _, p := range m.Passages {
			q.Passages = append(q.Passages, queryPassage{p.AStart, p.AEnd, p.BStart, p.BEnd, p.Words, p.Similarity, p.Incidental})
		}
		out = append(out, q)
	}
	enc := json.NewEncoder(e.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeQueryTable(e *Env, doc provenance.Document, ms []scan.Match, all bool) error {
	shown, incidental := 0, 0
	tw := tabwriter.NewWriter(e.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ARTICLE\tSHARED WORDS\tOF THIS TEXT\tOF THE ARTICLE\tPASSAGES")
	for _, m := range ms {
		if m.Pair.SharedWords == 0 {
			incidental++
			if !all {
				continue
			}
		}
		l := m.Document.Label()
		if len([]rune(l)) > 50 {
			l = string([]rune(l)[:49]) + "…"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\n", l, m.Pair.SharedWords, pct(m.Pair.BCoverage), pct(m.Pair.ACoverage), len(m.Passages))
		shown++
	}
	if shown == 0 {
		fmt.Fprintln(tw, "(no article shares a passage with this text)")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if incidental > 0 && !all {
		e.Infof("%d more articles share only incidental passages (names, stock phrases): --all lists them", incidental)
	}
	return nil
}
