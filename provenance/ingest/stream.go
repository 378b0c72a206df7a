package ingest

import (
	"context"
	"errors"
	"sync"

	"github.com/copytrail/copytrail/provenance"
)

// Sink receives what Stream reads, in input order, from a single goroutine
// (the one that called Stream), so its functions need no locking. A nil
// function drops what it would receive.
type Sink struct {
	// Document gets each document read. An error stops the stream, and
	// Stream returns it.
	Document func(provenance.Document) error
	// Duplicate gets each document left out as the same file or the same
	// text as an earlier one.
	Duplicate func(provenance.Duplicate)
	// Error gets each file or archive record that could not be read.
	Error func(provenance.FileError)
}

// Stream reads paths like Load, but hands every document, duplicate and
// error to sink as soon as it is read, in input order, instead of
// returning them together: memory stays bounded by the documents in
// flight (a few per worker), whatever the size of the collection. An
// archive (JSON lines, CSV, WARC, zip) is read record by record.
// Documents whose ID opts.Skip reports are not read at all. Stream returns
// ctx's error when cancelled, or the first error of sink.Document.
func Stream(ctx context.Context, paths []string, opts Options, progress func(provenance.Progress), sink Sink) error {
	opts = opts.withDefaults()
	rep := newReporter(progress)
	defer rep.close()
	w := newOSWalker()
	w.dateOrder = opts.DateOrder
	w.listed = func(n int) {
		if n%1000 == 0 {
			rep.send(provenance.Progress{Stage: "listing", Done: n, Note: "files found"})
		}
	}
	for _, p := range paths {
		if ctx.Err() != nil {
			break
		}
		w.add(p)
	}
	for _, d := range w.dups {
		sink.duplicate(d)
	}
	for _, e := range w.errs {
		sink.error(e)
	}
	return stream(ctx, w.jobs, opts, rep, sink)
}

func (s Sink) duplicate(d provenance.Duplicate) {
	if s.Duplicate != nil {
		s.Duplicate(d)
	}
}

func (s Sink) error(e provenance.FileError) {
	if s.Error != nil {
		s.Error(e)
	}
}

// collect is a Sink that keeps everything, for Load and LoadFS.
type collect struct {
	docs []provenance.Document
	dups []provenance.Duplicate
	errs []provenance.FileError
}

func (c *collect) sink() Sink {
	return Sink{
		Document:  func(d provenance.Document) error { c.docs = append(c.docs, d); return nil },
		Duplicate: func(d provenance.Duplicate) { c.dups = append(c.dups, d) },
		Error:     func(e provenance.FileError) { c.errs = append(c.errs, e) },
	}
}

// task is one unit of reading: a whole file, or one record of an archive.
type task struct {
	// errPath is the file an error is reported under (the archive, for a
	// record), where the record's place in it ("line 17") when a record.
	errPath, where string
	// read produces the document; nil when err is already known or the
	// task only marks the end of a file.
	read func() (provenance.Document, error)
	err  error
	// fileDone marks the last task of a file (for progress).
	fileDone bool
	// note is the progress note when fileDone.
	note string
}

// outcome is a task's result.
type outcome struct {
	doc provenance.Document
	err error
}

// stream runs the jobs' tasks on a pool of workers and delivers their
// results to sink in order. At most window tasks are in flight, so a
// million-record archive never sits in memory.
func stream(ctx context.Context, jobs []job, opts Options, rep *reporter, sink Sink) error {
	workers := max(1, opts.Workers)
	window := 2*workers + 8
	type slot struct {
		t    task
		done chan struct{}
		out  outcome
	}
	slots := make(chan *slot, window) // in order, for the consumer
	work := make(chan *slot)          // for the workers
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for s := range work {
				if s.t.read != nil && ctx.Err() == nil {
					d, err := s.t.read()
					s.out = outcome{d, err}
				}
				close(s.done)
			}
		})
	}
	stop := make(chan struct{}) // closed when the consumer gives up
	go func() {
		defer close(slots)
		defer close(work)
		emit := func(t task) bool {
			s := &slot{t: t, done: make(chan struct{})}
			select {
			case slots <- s:
			case <-stop:
				return false
			}
			if t.read == nil {
				close(s.done)
				return true
			}
			select {
			case work <- s:
				return true
			case <-stop:
				close(s.done)
				return false
			}
		}
		for _, j := range jobs {
			if ctx.Err() != nil {
				return
			}
			if !produce(ctx, j, opts, rep, emit) {
				return
			}
		}
	}()
	byHash := map[string]string{}
	filesDone := 0
	var sinkErr error
	for s := range slots {
		<-s.done
		if sinkErr != nil {
			continue
		}
		t, r := s.t, s.out
		if t.fileDone {
			filesDone++
			rep.send(provenance.Progress{Stage: "reading", Done: filesDone, Total: len(jobs), Note: t.note})
		}
		switch {
		case t.err != nil:
			sink.error(recordError(t, t.err))
		case t.read == nil:
		case r.err != nil && ctx.Err() != nil && errors.Is(r.err, ctx.Err()): // cancelled mid-read
		case r.err != nil:
			sink.error(recordError(t, r.err))
		case r.doc.ID == "": // not read: cancelled or skipped
		case byHash[r.doc.ContentHash] != "":
			sink.duplicate(provenance.Duplicate{Doc: r.doc.ID, Original: byHash[r.doc.ContentHash], Reason: "identical text"})
		default:
			byHash[r.doc.ContentHash] = r.doc.ID
			if sink.Document != nil {
				if err := sink.Document(r.doc); err != nil {
					sinkErr = err
					close(stop)
				}
			}
		}
	}
	wg.Wait()
	if sinkErr != nil {
		return sinkErr
	}
	return ctx.Err()
}

// recordError names the file (and the record's place in it) of a failure.
func recordError(t task, err error) provenance.FileError {
	fe := fileError(t.errPath, err)
	if t.where != "" {
		fe.Reason = t.where + ": " + fe.Reason
	}
	return fe
}

// produce emits the tasks of one job: one for a plain file, one per
// record for an archive. It returns false when emit refused (the stream
// stopped).
func produce(ctx context.Context, j job, opts Options, rep *reporter, emit func(task) bool) bool {
	if !isArchive(j.format) {
		skipped := opts.Skip != nil && j.format != "url" && opts.Skip(DocID(j.path))
		return emit(task{errPath: j.path, fileDone: true, note: j.path, read: func() (provenance.Document, error) {
			if skipped {
				return provenance.Document{}, nil
			}
			return readJob(ctx, j, opts)
		}})
	}
	ok := readArchive(ctx, j, opts, rep, emit)
	return ok && emit(task{fileDone: true, note: j.path})
}
