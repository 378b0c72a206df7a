// Command scalebench measures `copytrail scan` against Debian's sim_text on
// the same generated collections in the same run: wall time, CPU time and
// peak resident memory of each whole process, and the pair-level recall and
// precision of each against the generator's ground truth. `make bench` and
// `make bench-100k` run it and write its table into docs/BENCHMARKS.md.
//
//	go run ./internal/scalebench -bin ./copytrail -sizes 1000,10000
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
)

func main() {
	bin := flag.String("bin", "./copytrail", "the copytrail binary to measure")
	sizes := flag.String("sizes", "1000,10000", "collection sizes, comma-separated")
	gens := flag.String("gens", "corpus,cases", "generators: corpus (topic-heavy, shared stock phrases) and cases (every edit type, with hard negatives)")
	dir := flag.String("dir", "", "folder for the generated collections (default: a temporary folder, removed after)")
	out := flag.String("out", "", "append the table to this Markdown file (docs/BENCHMARKS.md)")
	label := flag.String("label", "make bench", "the heading of the table")
	noSim := flag.Bool("no-sim", false, "do not run sim_text")
	query := flag.Bool("query", false, "also analyse each corpus collection into a workspace (less one article) and time `copytrail query` of the article left out")
	flag.Parse()
	if err := run(*bin, *sizes, *gens, *dir, *out, *label, *noSim, *query); err != nil {
		fmt.Fprintln(os.Stderr, "scalebench:", err)
		os.Exit(1)
	}
}

// measure is one whole-process run.
type measure struct {
	wall, cpu time.Duration
	rssMB     float64
	pairs     map[string]bool
	stages    map[string]float64 // copytrail's stage_seconds
	err       error
}

func run(bin, sizes, gens, dir, out, label string, noSim, query bool) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "scalebench-*")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	var rows, queryRows, stageRows []string
	header := "| collection | articles | reuse pairs | copytrail wall | CPU | peak RSS | recall | precision | sim_text wall | CPU | peak RSS | recall | precision | time ratio |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
	fmt.Println(header)
	for _, g := range strings.Split(gens, ",") {
		for _, ns := range strings.Split(sizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(ns))
			if err != nil {
				return fmt.Errorf("size %q: %w", ns, err)
			}
			folder := filepath.Join(dir, fmt.Sprintf("%s-%d", g, n))
			c, err := generate(bin, strings.TrimSpace(g), n, folder)
			if err != nil {
				return err
			}
			truth := newTruth(c)
			ct := runCopytrail(bin, folder)
			sim := measure{}
			if !noSim {
				sim = runSimText(folder, c)
			}
			row := fmt.Sprintf("| %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
				g, len(c.Docs), len(truth.cases), secs(ct.wall), secs(ct.cpu), mb(ct.rssMB), ratio(truth.recall(ct)), ratio(truth.precision(ct)),
				secs(sim.wall), secs(sim.cpu), mb(sim.rssMB), ratio(truth.recall(sim)), ratio(truth.precision(sim)), timeRatio(ct, sim))
			for _, m := range []measure{ct, sim} {
				if m.err != nil {
					row += " error: " + m.err.Error()
				}
			}
			fmt.Println(row)
			rows = append(rows, row)
			stageRows = append(stageRows, stageRow(g, len(c.Docs), ct))
			if query && g == "corpus" {
				qr, err := measureQuery(bin, folder, dir, n)
				if err != nil {
					return err
				}
				fmt.Println(qr)
				queryRows = append(queryRows, qr)
			}
			os.RemoveAll(folder)
		}
	}
	if out == "" {
		return nil
	}
	var b strings.Builder
	host, _ := os.Hostname()
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Fprintf(&b, "\n### %s — %s\n\n", label, time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "Machine: %s, %d cores, %s, %s; load average before: %s.  \n", host, runtime.NumCPU(), cpuName(), memTotal(), strings.Join(strings.Fields(string(load))[:3], " "))
	fmt.Fprintf(&b, "Command: `go run ./internal/scalebench -bin %s -sizes %s -gens %s`; copytrail: `copytrail scan --jsonl FOLDER`; sim_text: `sim_text -r8 -p -t5 -i` (file names on stdin) in FOLDER.\n\n", bin, sizes, gens)
	b.WriteString(header + "\n")
	for _, r := range rows {
		b.WriteString(r + "\n")
	}
	b.WriteString("\ncopytrail's wall time by stage (the `stage_seconds` of its `--jsonl` end record):\n\n" + stageHeader + "\n")
	for _, r := range stageRows {
		b.WriteString(r + "\n")
	}
	if len(queryRows) > 0 {
		b.WriteString("\nAn analysed workspace: `copytrail analyse WS FOLDER` (import, analysis with the index, atomic save) of the collection less one article, then `copytrail query WS ARTICLE` of the article left out (whole processes, the query's start-up included):\n\n")
		b.WriteString(queryHeader + "\n")
		for _, r := range queryRows {
			b.WriteString(r + "\n")
		}
	}
	return replaceSection(out, label, b.String())
}

// replaceSection writes text into file between the markers of label,
// replacing what a previous run wrote there, or at the end.
func replaceSection(file, label, text string) error {
	old, err := os.ReadFile(file)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	begin, end := "<!-- scalebench: "+label+" -->", "<!-- /scalebench: "+label+" -->"
	section := begin + "\n" + text + "\n" + end
	s := string(old)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i >= 0 && j > i {
		s = s[:i] + section + s[j+len(end):]
	} else {
		s = strings.TrimRight(s, "\n") + "\n\n" + section + "\n"
	}
	return os.WriteFile(file, []byte(s), 0o644)
}

const queryHeader = "| articles | analyse wall | CPU | peak RSS | workspace file | query wall | CPU | peak RSS | articles found sharing passages |\n|---|---|---|---|---|---|---|---|---|"

// measureQuery analyses folder less its last article into a workspace and
// queries that article.
func measureQuery(bin, folder, dir string, n int) (string, error) {
	names, err := filepath.Glob(filepath.Join(folder, "*.txt"))
	if err != nil || len(names) < 2 {
		return "", fmt.Errorf("query: %d files in %s (%v)", len(names), folder, err)
	}
	held := filepath.Join(dir, "held-"+filepath.Base(names[len(names)-1]))
	if err := os.Rename(names[len(names)-1], held); err != nil {
		return "", err
	}
	defer os.Remove(held)
	ws := filepath.Join(dir, fmt.Sprintf("corpus-%d.copytrail", n))
	defer os.Remove(ws)
	env := append(os.Environ(), "LANG=C.UTF-8", "LANGUAGE=en_US")
	an := exec.Command(bin, "--quiet", "analyse", ws, folder)
	an.Env = env
	am, aout := runMeasured(an)
	os.Remove(aout)
	if am.err != nil {
		return "", fmt.Errorf("analyse: %w", am.err)
	}
	fi, err := os.Stat(ws)
	if err != nil {
		return "", err
	}
	q := exec.Command(bin, "query", "--json", ws, held)
	q.Env = env
	qm, out := runMeasured(q)
	if qm.err != nil {
		return "", fmt.Errorf("query: %w", qm.err)
	}
	raw, err := os.ReadFile(out)
	os.Remove(out)
	if err != nil {
		return "", err
	}
	var matches []json.RawMessage
	if err := json.Unmarshal(raw, &matches); err != nil {
		return "", fmt.Errorf("query output: %w", err)
	}
	return fmt.Sprintf("| %d | %s | %s | %s | %.0f MB | %.2f s | %.2f s | %s | %d |", n-1, secs(am.wall), secs(am.cpu), mb(am.rssMB),
		float64(fi.Size())/(1<<20), qm.wall.Seconds(), qm.cpu.Seconds(), mb(qm.rssMB), len(matches)), nil
}

// generate writes a collection with `copytrail gen` (in its own process,
// so this one stays small: a child's peak RSS counts the parent's at fork)
// and reads its ground truth.
func generate(bin, g string, n int, folder string) (*gen.Collection, error) {
	args := []string{"gen", "--out", folder, "--seed", "1"}
	switch g {
	case "corpus":
		args = append(args, "--corpus", strconv.Itoa(n))
	case "cases":
		// Build makes about 21 documents per case of each of its 10 types
		args = append(args, "--cases", strconv.Itoa(max(1, n*10/210)))
	default:
		return nil, fmt.Errorf("unknown generator %q (want corpus or cases)", g)
	}
	cmd := exec.Command(bin, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("%s: %v: %s", strings.Join(cmd.Args, " "), err, out)
	}
	b, err := os.ReadFile(filepath.Join(folder, "truth.json"))
	if err != nil {
		return nil, err
	}
	if err := os.Remove(filepath.Join(folder, "truth.json")); err != nil {
		return nil, err
	}
	var c gen.Collection
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("truth.json: %w", err)
	}
	names, err := os.ReadDir(folder)
	if err != nil {
		return nil, err
	}
	for _, e := range names {
		c.Docs = append(c.Docs, provenance.Document{ID: strings.TrimSuffix(e.Name(), ".txt"), Path: e.Name()})
	}
	return &c, nil
}

func runCopytrail(bin, folder string) measure {
	cmd := exec.Command(bin, "scan", "--jsonl", folder)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LANGUAGE=en_US")
	m, out := runMeasured(cmd)
	m.pairs = map[string]bool{}
	name := map[string]string{} // document id → file name without .txt
	err := lines(out, func(line []byte) error {
		var rec struct {
			Record       string             `json:"record"`
			ID           string             `json:"id"`
			Path         string             `json:"path"`
			A            string             `json:"a"`
			B            string             `json:"b"`
			SharedWords  int                `json:"shared_words"`
			StageSeconds map[string]float64 `json:"stage_seconds"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			return err
		}
		switch rec.Record {
		case "document":
			name[rec.ID] = strings.TrimSuffix(filepath.Base(rec.Path), ".txt")
		case "pair":
			if rec.SharedWords > 0 {
				m.pairs[pairOf(name[rec.A], name[rec.B])] = true
			}
		case "end":
			m.stages = rec.StageSeconds
		}
		return nil
	})
	if err != nil && m.err == nil {
		m.err = err
	}
	return m
}

var simLine = regexp.MustCompile(`^(\S+) consists for \d+ % of (\S+) material`)

func runSimText(folder string, c *gen.Collection) measure {
	var names bytes.Buffer
	for _, d := range c.Docs {
		names.WriteString(d.Path + "\n")
	}
	cmd := exec.Command("sim_text", "-r8", "-p", "-t5", "-i")
	cmd.Dir, cmd.Stdin = folder, &names
	m, out := runMeasured(cmd)
	m.pairs = map[string]bool{}
	err := lines(out, func(line []byte) error {
		if g := simLine.FindSubmatch(line); g != nil {
			m.pairs[pairOf(strings.TrimSuffix(string(g[1]), ".txt"), strings.TrimSuffix(string(g[2]), ".txt"))] = true
		}
		return nil
	})
	if err != nil && m.err == nil {
		m.err = err
	}
	return m
}

func pairOf(a, b string) string { return gen.PairKey(a, b) }

func secs(d time.Duration) string {
	if d == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

func mb(v float64) string {
	if v == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f MB", v)
}

func ratio(v float64) string {
	if v < 0 {
		return "–"
	}
	return fmt.Sprintf("%.3f", v)
}

func timeRatio(a, b measure) string {
	if a.wall == 0 || b.wall == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", a.wall.Seconds()/b.wall.Seconds())
}

func cpuName() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if _, v, ok := strings.Cut(l, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return runtime.GOARCH
}

func memTotal() string {
	b, _ := os.ReadFile("/proc/meminfo")
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return fmt.Sprintf("%.0f GB", kb/1024/1024)
		}
	}
	return "?"
}
