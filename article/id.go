package article

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
)

// ID returns an article's stable identifier: the first 16 hex digits of
// the SHA-256 of its canonical URL (see CanonicalURL) when it has one,
// else of its text with whitespace runs collapsed to one space. Reading
// the same article twice, or with a tracking parameter added to its URL,
// gives the same ID, so re-ingesting is idempotent.
func ID(rawURL, text string) string {
	var sum [32]byte
	if u := CanonicalURL(rawURL); u != "" {
		sum = sha256.Sum256([]byte("url\x00" + u))
	} else {
		sum = sha256.Sum256(collapsedText(text))
	}
	return hex.EncodeToString(sum[:8])
}

// collapsedText returns "text\x00" and text with whitespace runs
// collapsed to one space and trimmed, as strings.Join(strings.Fields(text),
// " ") would, built in one buffer: the slice of words was one of the larger
// allocations of an ingest.
func collapsedText(text string) []byte {
	b := make([]byte, 0, len("text\x00")+len(text))
	b = append(b, "text\x00"...)
	first := true
	for w := range strings.FieldsSeq(text) {
		if !first {
			b = append(b, ' ')
		}
		first = false
		b = append(b, w...)
	}
	return b
}

// CanonicalURL puts a URL in the form used for IDs: scheme and host in
// lower case, default ports dropped, no fragment, no tracking parameters
// (utm_*, fbclid, gclid), remaining query parameters sorted, and no
// trailing slash on the path. A string that does not parse as an absolute
// URL is only trimmed; "" stays "".
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Host)
	if u.Scheme == "http" {
		host = strings.TrimSuffix(host, ":80")
	} else if u.Scheme == "https" {
		host = strings.TrimSuffix(host, ":443")
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" {
				delete(q, k)
			}
		}
		for _, v := range q {
			sort.Strings(v)
		}
		u.RawQuery = q.Encode() // Encode sorts by key
	}
	u.ForceQuery = false
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = strings.TrimRight(u.RawPath, "/")
	return u.String()
}
