package kb

import (
	"fmt"
	"io"
	"os"
)

// LoadExtra reads a user extension file of actors, metonyms, role words
// and places, and returns it as a KB to combine with Merge:
//
//	k := kb.Default()
//	extra, err := kb.LoadExtra("my-actors.tsv")
//	if err != nil { … }
//	k = k.Merge(extra)
//
// The file is UTF-8, tab-separated; blank lines and lines starting with #
// are ignored. The first field says what a row is:
//
//	person|org|group|body|metonym  name  aliases  code  from  to  role
//	role                           word  sector
//	place                          name  alternate-names  lat  lon  population  feature  country  admin1
//
// Aliases and alternate names are separated by |. Codes are CAMEO-style
// actor codes (see the package doc); from and to are YYYY, YYYY-MM or
// YYYY-MM-DD, to being the first day out of the role, and may be empty. A
// person may have several rows, one per role period. Sectors are listed in
// Sectors. Feature is country, capital, city, admin1 or region; country an
// ISO alpha-2 code or empty. Names in the file replace entries of the same
// name in the knowledge base it is merged into. Every error names the file
// and line.
func LoadExtra(path string) (*KB, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("kb: reading extension file: %w", err)
	}
	defer f.Close()
	return ReadExtra(path, f)
}

// ReadExtra is LoadExtra for an open reader; name is used in error
// messages.
func ReadExtra(name string, r io.Reader) (*KB, error) {
	k := newKB()
	if err := k.readRecords(name, r, true); err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	return k, nil
}
