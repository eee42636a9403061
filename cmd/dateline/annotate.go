package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"dateline/article"
	"dateline/nlp"
)

func newAnnotateCmd() *cobra.Command {
	var (
		format   string
		maxBytes int64
		inFormat string
	)
	cmd := &cobra.Command{
		Use:   "annotate [FILES...]",
		Short: "Print the text engine's analysis of articles: tokens, tags, lemmas, dependencies, entities",
		Long: `annotate runs the text engine alone (tokenizer, sentence splitter, tagger,
lemmatizer, dependency parser, entity recogniser) over articles read as
extract reads them, and prints its analysis: CoNLL-U (the default; one
block per sentence, the entity tag and the byte offsets of each word in
the MISC column) or the engine's JSON document. Use it to see why an
extractor read a sentence the way it did.`,
		Example: `  dateline annotate examples/harbor-talks.txt
  echo "Hamas said Israel struck Gaza." | dateline annotate --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opt := article.Options{MaxBytes: maxBytes, Format: article.Format(inFormat)}
			if err := opt.Validate(); err != nil {
				return fmt.Errorf("--max-bytes/--input-format: %w", err)
			}
			if format != "conllu" && format != "json" {
				return fmt.Errorf("--format %q: choose conllu or json", format)
			}
			if len(args) == 0 {
				args = []string{"-"}
			}
			p, err := nlp.Default()
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			return eachArticle(cmd, "annotate", args, opt, out, func(a article.Article) error {
				doc := p.Annotate(a.Text)
				if format == "json" {
					return json.NewEncoder(out).Encode(doc)
				}
				return writeCoNLLU(out, a.ID, doc)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "conllu", "output: conllu (CoNLL-U, one block per sentence) or json (the engine's document, one line per article)")
	f.Int64Var(&maxBytes, "max-bytes", article.DefaultMaxBytes, "largest input (or JSON line) read into memory, in bytes")
	f.StringVar(&inFormat, "input-format", "", "force the input format: text, html, jsonl or json (default: from the extension or content)")
	return cmd
}

// writeCoNLLU writes doc as CoNLL-U: ten tab-separated columns per word,
// HEAD numbered within the sentence (0 for the root), and in MISC the
// entity tag (IOB2), the byte offsets into the text and SpaceAfter=No.
func writeCoNLLU(w io.Writer, docID string, doc *nlp.Doc) error {
	if docID != "" {
		fmt.Fprintf(w, "# newdoc id = %s\n", docID)
	}
	col := func(s string) string {
		if s == "" {
			return "_"
		}
		// A column may hold no whitespace.
		return strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
				return '_'
			}
			return r
		}, s)
	}
	for si, s := range doc.Sents {
		text := strings.Join(strings.Fields(doc.Text[s.StartByte:s.EndByte]), " ")
		fmt.Fprintf(w, "# sent_id = %d\n# text = %s\n", si+1, text)
		for i := s.Start; i < s.End; i++ {
			t := doc.Tokens[i]
			head := 0
			if t.Head >= 0 {
				head = t.Head - s.Start + 1
			}
			misc := []string{}
			if t.Ent != "" && t.Ent != "O" {
				misc = append(misc, "NER="+t.Ent)
			}
			misc = append(misc, fmt.Sprintf("Offset=%d-%d", t.Start, t.End))
			if !t.SpaceAfter {
				misc = append(misc, "SpaceAfter=No")
			}
			dep := t.Dep
			if dep == "" && head == 0 {
				dep = "root"
			}
			if _, err := fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", i-s.Start+1, col(t.Text), col(t.Lemma),
				col(t.POS), col(t.Tag), head, col(dep), strings.Join(misc, "|")); err != nil {
				return err
			}
		}
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	return nil
}
