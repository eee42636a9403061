package extract

import "dateline/nlp"

// defaultAnnotator returns the embedded text engine.
func defaultAnnotator() (Annotator, error) { return nlp.Default() }
