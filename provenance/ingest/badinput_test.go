package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// badCase is one hostile or unusual input: make writes it into dir and
// returns the path to load; then either wantErr is a substring of the
// file's error, or check judges the document.
type badCase struct {
	name    string
	make    func(t *testing.T, dir string) string
	wantErr string
	check   func(t *testing.T, d provenance.Document)
	skip    func() string // a reason to skip, or ""
}

// file returns a make function writing data as name.
func file(name string, data []byte) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func textIs(want string) func(*testing.T, provenance.Document) {
	return func(t *testing.T, d provenance.Document) {
		if d.Text != want {
			t.Errorf("text %q…, want %q…", trunc(d.Text), trunc(want))
		}
	}
}

func trunc(s string) string { return s[:min(len(s), 80)] }

func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

func badCases(t *testing.T) []badCase {
	goodPDF := makePDF([]string{"A press release with a text layer.", "Second line."}, nil)
	goodDOCX := makeDOCX(t, []string{"A paragraph in Word."}, nil)
	arabic := "المياه غير آمنة في البحيرة\n\nقالت المنظمة يوم الثلاثاء إن الاختبارات أظهرت وجود سموم.\n"
	hebrew := "המים באגם אינם בטוחים\n\nהארגון אמר ביום שלישי כי הבדיקות הראו רעלים.\n"
	chinese := "湖水不安全\n\n该组织周二表示测试显示湖水中含有藻类毒素家庭需要清洁的饮用水。\n"
	emoji := "Cafe\u0301 owners 👩🏽‍🍳 met; the n\u0303 and e\u0308 stay decomposed 🇰🇪.\n"
	line3MB := strings.Repeat("word ", 600_000) + "\n"
	return []badCase{
		{name: "empty file", make: file("empty.txt", nil), wantErr: "empty file (0 bytes)"},
		{name: "NUL bytes", make: file("nul.txt", make([]byte, 4096)), wantErr: "binary data"},
		{name: "random binary named .txt", make: file("random.txt", randomBytes(64<<10)), wantErr: "binary data"},
		{name: "text with embedded NUL", make: file("nul-inside.txt", []byte("Looks like text\x00but is not.\n")), wantErr: "binary data"},
		{name: "whitespace only", make: file("blank.txt", []byte("\r\n \t\r\n\n")), wantErr: "no text to read"},
		{name: "front matter only", make: file("fm-only.md", []byte("---\ntitle: T\n---\n\n")), wantErr: "no text to read"},
		{name: "200 MB text file", make: sparseFile("huge.txt", 200<<20), wantErr: "refused without reading"},
		{name: "one 5 MB line", make: file("line5mb.txt", bytes.Repeat([]byte("abcd "), 1<<20)), wantErr: "over the per-document limit of 4.0 MiB"},
		{name: "one 3 MB line loads", make: file("line3mb.txt", []byte(line3MB)), check: textIs(line3MB)},
		{name: "invalid UTF-8 as Windows-1252", make: file("cp1252.txt", []byte("Caf\xe9 \x93owners\x94 met.\r\n")), check: textIs("Café “owners” met.\n")},
		{name: "UTF-16 LE with BOM", make: file("u16le.txt", utf16Bytes(arabic, false, true)), check: textIs(arabic)},
		{name: "UTF-16 BE with BOM", make: file("u16be.txt", utf16Bytes(chinese, true, true)), check: textIs(chinese)},
		{name: "UTF-16 LE without BOM", make: file("u16nobom.txt", utf16Bytes("Plain English words in UTF-16.\n", false, false)), check: textIs("Plain English words in UTF-16.\n")},
		{name: "UTF-16 LE without BOM (Chinese)", make: file("u16zh.txt", utf16Bytes(chinese, false, false)), check: textIs(chinese)},
		{name: "UTF-16 BE without BOM (Arabic)", make: file("u16ar.txt", utf16Bytes(arabic, true, false)), check: textIs(arabic)},
		{name: "RTL Arabic", make: file("arabic.txt", []byte(arabic)), check: func(t *testing.T, d provenance.Document) {
			textIs(arabic)(t, d)
			if d.Meta.Title.Value != "المياه غير آمنة في البحيرة" {
				t.Errorf("title %q", d.Meta.Title.Value)
			}
		}},
		{name: "RTL Hebrew", make: file("hebrew.txt", []byte(hebrew)), check: textIs(hebrew)},
		{name: "Chinese without spaces", make: file("chinese.txt", []byte(chinese)), check: textIs(chinese)},
		{name: "emoji and combining marks kept byte for byte", make: file("emoji.txt", []byte(emoji)), check: textIs(emoji)},
		{name: "HTML nested 100,000 deep", make: file("deep.html", []byte(strings.Repeat("<div>", 100_000)+"x")), wantErr: "nested over 512 elements deep"},
		{name: "HTML unclosed <b> 100,000 deep", make: file("deepb.html", []byte(strings.Repeat("<b>", 100_000))), wantErr: "nested over 512"},
		{name: "HTML with scripts and remote images", make: file("script.html", []byte(articlePage("", 5))), check: func(t *testing.T, d provenance.Document) {
			if strings.Contains(d.Text, "INJECTED") || strings.Contains(d.Text, "evil.example") || !strings.Contains(d.Text, "Paragraph 5") {
				t.Errorf("text %q", d.Text)
			}
		}},
		{name: "HTML of only scripts", make: file("onlyscript.html", []byte("<html><script>var secret = 1;</script><style>p{}</style></html>")), wantErr: "no text to read"},
		{name: "HTML in windows-1252", make: file("latin.html", []byte(`<html><head><meta charset="windows-1252"></head><body><p>Caf`+"\xe9"+` owners met.</p></body></html>`)),
			check: func(t *testing.T, d provenance.Document) {
				if !strings.Contains(d.Text, "Café owners met.") {
					t.Errorf("text %q", d.Text)
				}
			}},
		{name: "DOCX zip bomb (declared size)", make: file("bomb.docx", makeZipBomb(t, 100<<20, false)), wantErr: "zip bomb?"},
		{name: "DOCX zip bomb (lying header)", make: file("bomb-lie.docx", makeZipBomb(t, 100<<20, true)), wantErr: "refused"},
		{name: "corrupt DOCX", make: file("corrupt.docx", randomBytes(5000)), wantErr: "corrupt or truncated DOCX"},
		{name: "truncated DOCX", make: file("truncated.docx", goodDOCX[:len(goodDOCX)/2]), wantErr: "corrupt or truncated DOCX"},
		{name: "zip that is not Word", make: file("notword.docx", zipOf(t, "readme.txt", "hi")), wantErr: "no word/document.xml"},
		{name: "truncated PDF", make: file("truncated.pdf", goodPDF[:len(goodPDF)/2]), wantErr: "PDF"},
		{name: "PDF with no text layer", make: file("scanned.pdf", makePDF(nil, nil)), wantErr: "no text layer (scanned PDF?)"},
		{name: "text named .pdf", make: file("fake.pdf", []byte("just text\n")), wantErr: "not a PDF"},
		{name: "PDF header then garbage", make: file("garbage.pdf", append([]byte("%PDF-1.4\n"), randomBytes(4000)...)), wantErr: "PDF"},
		{name: "truncated e-mail multipart", make: file("cut.eml", []byte("Subject: x\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nhalf a mess")), wantErr: "truncated e-mail"},
		{name: "unsupported type given by name", make: file("photo.jpeg", randomBytes(100)), wantErr: "unsupported file type"},
		{name: "named pipe named .txt", make: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "pipe.txt")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			return p
		}, wantErr: "not a regular file"},
		{name: "no read permission", make: func(t *testing.T, dir string) string {
			p := file("secret.txt", []byte("private words\n"))(t, dir)
			os.Chmod(p, 0)
			return p
		}, wantErr: "permission denied", skip: func() string {
			if os.Geteuid() == 0 {
				return "running as root, which can read any file"
			}
			return ""
		}},
		{name: "dangling symbolic link", make: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "dangling.txt")
			os.Symlink(filepath.Join(dir, "nowhere.txt"), p)
			return p
		}, wantErr: "not found: no such file or folder"},
		{name: "file that vanishes while loading", make: func(t *testing.T, dir string) string {
			p := file("vanish.txt", []byte("here, then gone\n"))(t, dir)
			testHookBeforeRead = func(path string) {
				if path == p {
					os.Remove(p)
				}
			}
			t.Cleanup(func() { testHookBeforeRead = nil })
			return p
		}, wantErr: "file not found: it was moved or deleted while loading"},
	}
}

func TestBadInput(t *testing.T) {
	cases := badCases(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.skip != nil {
				if why := c.skip(); why != "" {
					t.Skip(why)
				}
			}
			dir := t.TempDir()
			p := c.make(t, dir)
			good := file("good.txt", []byte("A good article that must still load.\n"))(t, dir)
			docs, _, errs := Load(context.Background(), []string{p, good}, DefaultOptions(), nil)
			var got provenance.Document
			okGood := false
			for _, d := range docs {
				switch d.Path {
				case good:
					okGood = true
				case p:
					got = d
				}
			}
			if !okGood {
				t.Errorf("the good file did not load beside %s: %v", c.name, errs)
			}
			if c.wantErr != "" {
				if len(errs) != 1 || errs[0].Path != p || !strings.Contains(errs[0].Reason, c.wantErr) {
					t.Fatalf("errors %v, want one for %s with %q", errs, p, c.wantErr)
				}
				return
			}
			if len(errs) > 0 || got.ID == "" {
				t.Fatalf("errors %v", errs)
			}
			c.check(t, got)
		})
	}
	if len(cases) < 30 {
		t.Errorf("only %d bad-input cases", len(cases))
	}
}

// sparseFile makes a file of size bytes without writing them.
func sparseFile(name string, size int64) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func zipOf(t *testing.T, name, content string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create(name)
	w.Write([]byte(content))
	zw.Close()
	return b.Bytes()
}

func TestHugeFileMemoryBounded(t *testing.T) {
	p := sparseFile("huge.txt", 200<<20)(t, t.TempDir())
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _, errs := Load(context.Background(), []string{p}, DefaultOptions(), nil)
	runtime.ReadMemStats(&after)
	if len(errs) != 1 || !strings.Contains(errs[0].Reason, "200.0 MiB") {
		t.Fatalf("errs %v", errs)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8<<20 {
		t.Errorf("refusing a 200 MB file allocated %d bytes", alloc)
	}
}

func TestFolderWithSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "An article in the folder.\n", "sub/b.txt": "Another article below.\n"})
	os.Symlink(dir, filepath.Join(dir, "sub", "up"))                           // folder loop
	os.Symlink(filepath.Join(dir, "self.txt"), filepath.Join(dir, "self.txt")) // link to itself
	os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "again"))         // second way into sub
	docs, dups, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
	if len(docs) != 2 || len(dups) != 0 {
		t.Errorf("docs %d dups %v", len(docs), dups)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Reason, "looping symbolic link") || filepath.Base(errs[0].Path) != "self.txt" {
		t.Errorf("errors %v", errs)
	}
}

// TestBadInputFolder loads every bad input from one folder: each gives its
// own error, the good file loads, nothing panics.
func TestBadInputFolder(t *testing.T) {
	dir := t.TempDir()
	want := 0
	for _, c := range badCases(t) {
		if c.wantErr == "" || (c.skip != nil && c.skip() != "") || strings.HasPrefix(c.name, "unsupported") || strings.Contains(c.name, "vanish") {
			continue
		}
		c.make(t, dir)
		want++
	}
	file("good.txt", []byte("A good article that must still load.\n"))(t, dir)
	docs, _, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
	if len(docs) != 1 || filepath.Base(docs[0].Path) != "good.txt" {
		t.Errorf("%d docs loaded", len(docs))
	}
	if len(errs) != want {
		t.Errorf("%d errors, want %d: %v", len(errs), want, errs)
	}
}
