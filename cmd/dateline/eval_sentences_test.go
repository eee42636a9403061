package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The sentence evals (claims, times) refuse a missing flag, a bad gold
// file and an unknown engine with an error that says which command and,
// for the file, which line.
func TestSentenceEvalErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte("{\"text\": \"On Monday.\", \"published\": \"2025-05-14\", \"times\": [], \"claims\": []}\n{oops\n"), 0o644)
	good := filepath.Join(dir, "good.jsonl")
	os.WriteFile(good, []byte("{\"text\": \"On Monday.\", \"published\": \"2025-05-14\", \"times\": [], \"claims\": []}\n"), 0o644)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"times", nil, "eval times: --gold FILE.jsonl is required"},
		{"claims", nil, "eval claims: --gold FILE.jsonl is required"},
		{"times", []string{"--gold", bad}, "eval times: " + bad + ":2:"},
		{"claims", []string{"--gold", bad}, "eval claims: " + bad + ":2:"},
		{"times", []string{"--gold", filepath.Join(dir, "missing.jsonl")}, "no such file"},
		{"times", []string{"--gold", good, "--engine", "fast"}, `unknown --engine "fast"`},
	}
	for _, c := range cases {
		cmd := newEvalTimesCmd()
		if c.name == "claims" {
			cmd = newEvalClaimsCmd()
		}
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		cmd.SetArgs(c.args)
		err := cmd.ExecuteContext(context.Background())
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("eval %s %v: err = %v, want one containing %q", c.name, c.args, err, c.want)
		}
	}
}
