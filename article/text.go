package article

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// sniffLen is how much of an input the binary and format checks look at.
const sniffLen = 8 << 10

// decodeText turns the bytes of a text input into a UTF-8 string. It strips
// a UTF-8 BOM, decodes UTF-16 announced by its BOM, rejects binary data and
// decodes input that is not valid UTF-8 as Windows-1252 (a superset of
// Latin-1 for printable characters and the usual encoding of legacy
// English news text), since a text that is not UTF-8 is far more often
// Windows-1252 than anything else. On failure it returns a problem for an
// InputError.
func decodeText(data []byte) (string, string) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "empty input"
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false), ""
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true), ""
	}
	if p := binaryProblem(data); p != "" {
		return "", p
	}
	if utf8.Valid(data) {
		return string(data), ""
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		// Windows-1252 decodes every byte; this is only a safety net.
		return strings.ToValidUTF8(string(data), "\uFFFD"), ""
	}
	return string(s), ""
}

// decodeUTF16 decodes UTF-16 text (BOM already removed); an odd trailing
// byte is dropped.
func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// magics name common binary formats by their first bytes so that the error
// can say what the file looks like.
var magics = []struct {
	prefix string
	name   string
}{
	{"%PDF-", "a PDF file"},
	{"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x7FELF", "an executable"},
	{"BZh", ""}, // checked below together with its block magic
	{"\xFD7zXZ\x00", "an xz archive"},
	{"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
	{"\x28\xB5\x2F\xFD", "a zstd archive"},
	{"SQLite format 3\x00", "an SQLite database"},
}

// binaryProblem returns "binary data, not text" (naming the format when it
// is a well-known one) when the start of data holds NUL bytes or mostly
// control characters, and "" for text.
func binaryProblem(data []byte) string {
	head := data[:min(len(data), sniffLen)]
	for _, m := range magics {
		if m.name != "" && bytes.HasPrefix(head, []byte(m.prefix)) {
			return "binary data, not text (it looks like " + m.name + ")"
		}
	}
	if bytes.HasPrefix(head, []byte("BZh")) && len(head) > 10 && bytes.Equal(head[4:10], []byte("1AY&SY")) {
		return "binary data, not text (it looks like a bzip2 archive)"
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "binary data, not text (it holds NUL bytes)"
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B {
			ctrl++
		}
	}
	if ctrl*10 > len(head) {
		return "binary data, not text (it is mostly control characters)"
	}
	return ""
}

// NormalizeText is the cleaning every reader applies to an article body,
// so that the Text later stages see (and point into) is predictable:
//
//   - line endings \r\n and \r become \n; U+2028 and U+2029 become \n;
//   - control characters are removed, tabs and Unicode spaces (no-break
//     space, thin space, ...) become a plain space, zero-width spaces and
//     stray BOMs are removed;
//   - runs of spaces collapse to one; lines are trimmed at both ends;
//   - paragraphs are one per line, separated by exactly one "\n": blank
//     lines collapse away, and there is no leading or trailing newline;
//   - when the text separates paragraphs with blank lines, a block of lines
//     that looks hard-wrapped (every line but the last 40 to 100
//     characters long, no list markers) is joined into one line.
//
// The result is empty only when s holds no visible text.
func NormalizeText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			return '\n'
		case r == '\u200B' || r == '\uFEFF' || r == '\u00AD':
			return -1
		case r == '\t' || r == '\u00A0' || r == '\u1680' || r >= '\u2000' && r <= '\u200A' || r == '\u202F' || r == '\u205F' || r == '\u3000':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))

	var blocks [][]string // runs of non-blank lines
	var cur []string
	blankSeen := false
	for line := range strings.SplitSeq(s, "\n") {
		line = collapseSpaces(line)
		if line == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
				blankSeen = true
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, blk := range blocks {
		sep := "\n"
		if blankSeen && hardWrapped(blk) {
			sep = " "
		}
		for i, line := range blk {
			if b.Len() > 0 {
				if i == 0 {
					b.WriteByte('\n')
				} else {
					b.WriteString(sep)
				}
			}
			b.WriteString(line)
		}
	}
	return b.String()
}

// collapseSpaces trims a line and collapses its runs of spaces to one.
func collapseSpaces(line string) string {
	line = strings.TrimSpace(line)
	if !strings.Contains(line, "  ") {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	space := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// hardWrapped reports whether a block of consecutive lines looks like one
// paragraph wrapped at a fixed width rather than separate paragraphs.
func hardWrapped(blk []string) bool {
	if len(blk) < 2 {
		return false
	}
	for i, line := range blk {
		n := utf8.RuneCountInString(line)
		if i < len(blk)-1 && (n < 40 || n > 100) {
			return false
		}
		if i > 0 && listMarker(line) {
			return false
		}
	}
	return true
}

// listMarker reports whether a line starts like a list item.
func listMarker(line string) bool {
	for _, p := range []string{"- ", "* ", "• ", "– ", "— "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}
