package nlp

import (
	"math/rand/v2"
	"strings"
	"syscall"
	"testing"
)

// benchText builds about size bytes of news-like text from a fixed seed:
// sentences of common words with numbers, abbreviations, clitics, quotes,
// hyphens and one paragraph per line.
func benchText(size int) string {
	words := strings.Fields(`the a of to in and said on for that with was by at from
		officials government military forces people city talks minister president
		Israeli-Palestinian Russia's Hamas' don't can't U.S. Oct. Mr. Gen. Inc.
		8,700 2.3 million $1.5 10% 2023-10-27 5:30 1990s killed wounded displaced
		Gaza Moscow Kremlin spokesman Peskov “We will” stressed (AP) — e-mail
		https://example.com/news reported according week Friday residents strikes`)
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < size {
		n := 8 + rng.IntN(20)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(12) == 0 {
				b.WriteByte(',')
			}
		}
		switch rng.IntN(10) {
		case 0:
			b.WriteString("?\n")
		case 1, 2:
			b.WriteString(".\n")
		default:
			b.WriteString(". ")
		}
	}
	return b.String()
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(1 << 20)
	ntok := len(Tokenize(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := tokenizeCPUSeconds()
	for b.Loop() {
		Tokenize(text)
	}
	reportTokenRates(b, ntok, tokenizeCPUSeconds()-cpu0)
}

func BenchmarkSplitSentences(b *testing.B) {
	text := benchText(1 << 20)
	toks := Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu0 := tokenizeCPUSeconds()
	for b.Loop() {
		SplitSentences(text, toks)
	}
	reportTokenRates(b, len(toks), tokenizeCPUSeconds()-cpu0)
}

// reportTokenRates reports tokens per wall-clock second and per CPU second
// of the process. On a shared machine wall time overstates the cost; the
// CPU-time rate (run with -cpu 1) is the fairer single-core figure.
func reportTokenRates(b *testing.B, ntok int, cpu float64) {
	b.ReportMetric(float64(ntok)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(ntok)*float64(b.N)/cpu, "tokens/cpu-s")
	}
}

// tokenizeCPUSeconds is the user+system CPU time of this process so far.
func tokenizeCPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
