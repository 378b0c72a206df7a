package scan

import (
	"fmt"
	"sync"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/stage"
	"github.com/copytrail/copytrail/provenance/text"
)

// Cache keeps each document's words and shingles between scans, keyed by
// a hash of its text together with everything they depend on (ignored spans,
// MaxDocBytes, NGram). A workspace that grows one article at a time reuses
// it, so only the new article is tokenized and shingled again; the index and
// the alignment of pairs are recomputed (they are the cheaper part for
// collections of thousands). Safe for concurrent use.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cached
}

type cached = stage.Shingled

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cached{}} }

// Len is the number of cached documents.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

func cacheKey(d *provenance.Document, s provenance.Settings) string {
	return fmt.Sprintf("%016x", text.HashTerm(d.Text)) + fmt.Sprint("|", len(d.Text), "|", s.MaxDocBytes, "|", s.NGram, "|", text.Ignored(d))
}

func (c *Cache) get(key string) (cached, bool) {
	if c == nil || key == "" {
		return cached{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	return e, ok
}

func (c *Cache) put(key string, e cached) {
	if c == nil || key == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = e
}
