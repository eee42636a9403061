package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"dateline/article"
	"dateline/export"
	"dateline/extract"
)

func newExtractCmd() *cobra.Command {
	var (
		published string
		format    string
		maxBytes  int64
		inFormat  string
		know      extract.Options
	)
	cmd := &cobra.Command{
		Use:   "extract [FILES...]",
		Short: "Extract the records of articles and print them",
		Long: `extract reads articles (plain text, HTML, JSON Lines, JSON; gzip is
decompressed; folders are read recursively; "-" or no argument reads stdin)
and prints, for each article, its entities, places, times, quotes, numeric
claims and events, each with the byte offsets of its evidence.

Inputs that cannot be read are reported on stderr, one line each, naming the
input and the problem; the others are still processed, and the exit status
is 1 when any failed.`,
		Example: `  # a readable summary of one article
  dateline extract examples/harbor-talks.txt --published 2024-03-08 --format text

  # JSON Lines, one object per article, from a JSON Lines feed dump
  dateline extract --format jsonl news.jsonl > records.jsonl

  # from stdin
  curl -s https://example.org/story.html | dateline extract --published 2024-05-01`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt := article.Options{Published: published, MaxBytes: maxBytes, Format: article.Format(inFormat)}
			if err := opt.Validate(); err != nil {
				return fmt.Errorf("--published/--max-bytes/--input-format: %w", err)
			}
			switch format {
			case "json", "jsonl", "text", "gdelt-events", "gdelt-mentions", "plover-jsonl":
			default:
				return fmt.Errorf("--format %q: choose json, jsonl, text, gdelt-events, gdelt-mentions or plover-jsonl", format)
			}
			if len(args) == 0 {
				args = []string{"-"}
			}
			p, err := extract.NewPipeline(know)
			if err != nil {
				return err
			}
			opt.IsPlace = p.IsDatelinePlace
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			return eachArticle(cmd, "extract", args, opt, out, func(a article.Article) error {
				_, res := p.Extract(a)
				return writeDocument(out, format, export.Document{Article: a, Records: res})
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&published, "published", "", "publication date (YYYY-MM-DD) for articles whose source gives none; relative dates (\"Friday\") resolve against it")
	f.StringVar(&format, "format", "json", "output: json (indented), jsonl (one object per line), text (a summary for people), gdelt-events / gdelt-mentions (GDELT 2.0 TSV, no header) or plover-jsonl (one PLOVER event per line)")
	f.Int64Var(&maxBytes, "max-bytes", article.DefaultMaxBytes, "largest input (or JSON line) read into memory, in bytes")
	addKnowledgeFlags(f, &know)
	f.StringVar(&inFormat, "input-format", "", "force the input format: text, html, jsonl or json (default: from the extension or content)")
	return cmd
}

func writeDocument(w io.Writer, format string, d export.Document) error {
	switch format {
	case "text":
		return export.WriteText(w, d)
	case "jsonl":
		return json.NewEncoder(w).Encode(d)
	case "gdelt-events": // per article: cross-article merging needs the store
		return export.WriteGDELTEvents(w, []export.Document{d})
	case "gdelt-mentions":
		return export.WriteGDELTMentions(w, []export.Document{d})
	case "plover-jsonl":
		return export.WritePLOVER(w, []export.Document{d})
	default:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
}

// eachArticle reads every article of paths and calls write for it. An
// input that cannot be read is reported on stderr and the others go on; a
// write error stops the run. The error is errSomeFailed when any input
// failed, after a count of them.
func eachArticle(cmd *cobra.Command, name string, paths []string, opt article.Options, out *bufio.Writer, write func(article.Article) error) error {
	failed := 0
	for _, path := range paths {
		article.ReadFile(cmd.Context(), path, opt, func(a article.Article, err error) bool {
			if err != nil {
				failed++
				fmt.Fprintf(cmd.ErrOrStderr(), "dateline %s: %v\n", name, err)
				return true
			}
			if err := write(a); err != nil {
				failed++
				fmt.Fprintf(cmd.ErrOrStderr(), "dateline %s: writing output: %v\n", name, err)
				return false
			}
			return true
		})
	}
	if failed > 0 {
		out.Flush()
		fmt.Fprintf(cmd.ErrOrStderr(), "dateline %s: %d input(s) failed\n", name, failed)
		return errSomeFailed
	}
	return nil
}
