package article

import (
	"fmt"
	"strconv"
	"strings"
)

// InputError reports why one input, or one item of it (a JSON line, an
// element of a JSON array), could not be read. Every error the readers hand
// to their yield function is an *InputError, so a caller can print it as one
// line and go on with the other inputs.
type InputError struct {
	// Input names the source: a path, "-" for stdin, or a URL.
	Input string
	// Line is the 1-based line of the item in a JSON Lines or JSON input,
	// 0 when the problem concerns the whole input.
	Line int
	// Byte is the 0-based byte offset of the problem: within the line
	// when Line > 0, within the (decompressed) input otherwise; -1 when no
	// position applies.
	Byte int64
	// Problem says what is wrong, e.g. "malformed JSON (unexpected end of
	// input at byte 231)".
	Problem string
	// Hint says what to do about it, e.g. "fix or remove the line".
	Hint string
	// Err is the underlying error, if any (for errors.Is / errors.As).
	Err error
}

// Error renders the error as one line: "input:line: problem; hint".
func (e *InputError) Error() string {
	var b strings.Builder
	b.WriteString(e.Input)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	b.WriteString(e.Problem)
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	// Problems may quote input; keep the message on one line whatever
	// the input held.
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, b.String())
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// inputErr builds an *InputError for the whole input (no line).
func inputErr(input, problem, hint string) *InputError {
	return &InputError{Input: input, Byte: -1, Problem: problem, Hint: hint}
}

// lineErr builds an *InputError for one line of the input.
func lineErr(input string, line int, problem, hint string) *InputError {
	return &InputError{Input: input, Line: line, Byte: -1, Problem: problem, Hint: hint}
}

// humanBytes renders a byte count the way the size-limit errors print it:
// whole mebibytes as "50 MB", other large sizes with one decimal, small
// sizes in bytes.
func humanBytes(n int64) string {
	const mb = 1 << 20
	switch {
	case n >= mb && n%mb == 0:
		return fmt.Sprintf("%d MB", n/mb)
	case n >= mb:
		return fmt.Sprintf("%.1f MB", float64(n)/mb)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n/(1<<10))
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
