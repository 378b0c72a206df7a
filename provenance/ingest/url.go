package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// userAgent identifies Copytrail's page fetches.
const userAgent = "Copytrail/1 (article import; +https://github.com/copytrail/copytrail)"

// FetchURL downloads one web page (http or https only) and extracts it like
// a saved page. The fetch is bounded: URLTimeout for the whole exchange,
// URLMaxBytes for the body, MaxRedirects redirects (to http/https only).
// Only the page itself is fetched, never its images, scripts or styles.
// The document's Path is the address as given; its URL metadata is the
// final address after redirects, unless the page names a canonical one.
func FetchURL(ctx context.Context, rawURL string, opts Options) (provenance.Document, error) {
	opts = opts.withDefaults()
	d, err := fetch(ctx, strings.TrimSpace(rawURL), opts)
	if err != nil {
		return provenance.Document{}, fmt.Errorf("fetching %s: %w", rawURL, err)
	}
	return d, nil
}

func fetch(ctx context.Context, rawURL string, opts Options) (provenance.Document, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return provenance.Document{}, fmt.Errorf("not a web address: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return provenance.Document{}, fmt.Errorf("only http and https addresses can be fetched, not %q", u.Scheme+":")
	}
	if u.Host == "" {
		return provenance.Document{}, errors.New("the address has no host")
	}
	client := http.Client{}
	if opts.HTTPClient != nil {
		client = *opts.HTTPClient
	}
	client.Timeout = opts.URLTimeout
	client.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > opts.MaxRedirects {
			return fmt.Errorf("more than %d redirects (MaxRedirects)", opts.MaxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to a %q address refused", req.URL.Scheme+":")
		}
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return provenance.Document{}, err
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8")
	resp, err := client.Do(req)
	if err != nil {
		return provenance.Document{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return provenance.Document{}, fmt.Errorf("the server answered %s", resp.Status)
	}
	if resp.ContentLength > opts.URLMaxBytes {
		return provenance.Document{}, fmt.Errorf("page is %s, over the %s limit (URLMaxBytes)", sizeString(resp.ContentLength), sizeString(opts.URLMaxBytes))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, opts.URLMaxBytes+1))
	if err != nil {
		return provenance.Document{}, fmt.Errorf("reading the page: %w", err)
	}
	if int64(len(body)) > opts.URLMaxBytes {
		return provenance.Document{}, fmt.Errorf("page is over the %s limit (URLMaxBytes); refused", sizeString(opts.URLMaxBytes))
	}
	ctype := resp.Header.Get("Content-Type")
	media, _, _ := mime.ParseMediaType(ctype)
	var x extracted
	switch {
	case media == "text/html" || media == "application/xhtml+xml" || media == "":
		x, err = guard("html", func() (extracted, error) { return extractHTML(body, ctype, resp.Request.URL, opts) })
	case media == "text/plain":
		x, err = extract(ctx, "txt", body, opts)
	case media == "application/pdf":
		x, err = extract(ctx, "pdf", body, opts)
	default:
		err = fmt.Errorf("unsupported content type %q", media)
	}
	if err != nil {
		return provenance.Document{}, err
	}
	d, err := build(rawURL, "url", x, provenance.Metadata{}, opts)
	if err != nil {
		return provenance.Document{}, err
	}
	if !d.Meta.URL.Known() {
		d.Meta.URL = provenance.Field{Value: resp.Request.URL.String(), Origin: provenance.OriginHTTP, Detail: "address fetched"}
	}
	return d, nil
}
