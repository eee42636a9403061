// Package record defines dateline's product: the records extracted from an
// article (entities and their mentions, places, times, quotes, numeric
// claims and events), each tied by Evidence to the exact bytes of the
// article text that support it. Every later stage (store, export, server)
// speaks these types; none of them needs to know how they were extracted.
package record

// Evidence points at the characters that justify a record: byte offsets
// [Start, End) into the article's UTF-8 text, the sentence index, and the
// rule, lexicon entry or model that produced the record.
type Evidence struct {
	// ArticleID is the article's ID. The store leaves it out of the
	// records it keeps (the row names the article) and sets it again when
	// it reads them: 32 bytes an evidence, a seventh of a stored article.
	ArticleID string `json:"article_id,omitempty"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Sentence  int    `json:"sentence"`
	Rule      string `json:"rule"`
	Text      string `json:"text,omitempty"` // the covered text, for readers
}

// Entity kinds.
const (
	KindPerson = "person"
	KindOrg    = "organisation"
	KindPlace  = "place"
	KindGroup  = "group" // nationalities and other groups of people
	KindOther  = "other"
)

// Entity is one person, organisation, place or group, with every mention of
// it in the article.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"` // canonical name, e.g. "Dmitry Peskov"
	Kind     string    `json:"kind"`
	Code     string    `json:"code,omitempty"`     // CAMEO-style actor code, e.g. RUSGOV
	CodeWhy  *Evidence `json:"code_why,omitempty"` // the text that justified Code
	Role     string    `json:"role,omitempty"`     // e.g. "spokesman", learned from the text
	KBID     string    `json:"kb_id,omitempty"`    // knowledge-base entry, when known
	Mentions []Mention `json:"mentions"`
}

// Mention is one occurrence of an entity.
type Mention struct {
	Text     string   `json:"text"`
	Kind     string   `json:"kind"` // name, nominal ("the group"), pronoun ("he")
	Evidence Evidence `json:"evidence"`
}

// Place roles.
const (
	PlaceDateline  = "dateline"
	PlaceEvent     = "event"
	PlaceMentioned = "mentioned"
	PlaceOutlet    = "outlet"
)

// Place is a toponym resolved to a gazetteer entry.
type Place struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"` // gazetteer name, e.g. "Moscow"
	Mention     string   `json:"mention"`
	Country     string   `json:"country,omitempty"`      // ISO 3166-1 alpha-2
	CountryCode string   `json:"country_code,omitempty"` // CAMEO/ISO alpha-3, e.g. RUS
	Admin1      string   `json:"admin1,omitempty"`
	Lat         float64  `json:"lat"`
	Lon         float64  `json:"lon"`
	FeatureType string   `json:"feature_type,omitempty"` // country, city, region, ...
	GazetteerID string   `json:"gazetteer_id,omitempty"`
	Role        string   `json:"role"`
	Evidence    Evidence `json:"evidence"`
}

// Time precisions.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
	PrecisionWeek  = "week"
	// PrecisionSeason is a season of three months ("next spring"),
	// read as in the northern hemisphere unless the text says otherwise.
	PrecisionSeason = "season"
	// PrecisionQuarter is a calendar quarter ("the third quarter", "Q2").
	PrecisionQuarter = "quarter"
	// PrecisionDecade is ten years from a year ending in 0 ("the 1990s").
	PrecisionDecade = "decade"
)

// Time is a date expression resolved against the publication date into a
// range [From, To] of ISO dates (YYYY-MM-DD), equal for a single day.
type Time struct {
	ID        string   `json:"id"`
	Text      string   `json:"text"`
	From      string   `json:"from"`
	To        string   `json:"to"`
	Precision string   `json:"precision"`
	Relative  bool     `json:"relative"` // "Friday", "last week" as opposed to "Oct. 7, 2023"
	Evidence  Evidence `json:"evidence"`
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteIndirect = "indirect"
	QuotePartial  = "partial"
)

// Quote is something a speaker said: the content, the cue verb or phrase,
// and the speaker mention resolved to an entity.
type Quote struct {
	ID            string    `json:"id"`
	Kind          string    `json:"kind"`
	Content       Evidence  `json:"content"`
	Cue           *Evidence `json:"cue,omitempty"`
	Speaker       *Evidence `json:"speaker,omitempty"`        // the speaker mention
	SpeakerEntity string    `json:"speaker_entity,omitempty"` // Entity.ID
	SpeakerName   string    `json:"speaker_name,omitempty"`
	// Via is the nested source the speaker cites ("citing a source in the
	// Foreign Ministry"), when there is one.
	Via *Evidence `json:"via,omitempty"`
}

// Claim qualifiers.
const (
	QualExact   = "exact"
	QualOver    = "over"
	QualAtLeast = "at_least"
	QualUnder   = "under"
	QualAtMost  = "at_most"
	QualAbout   = "about"
	QualUpTo    = "up_to"
	QualRange   = "range"
	QualVague   = "vague"
)

// Claim is a number someone asserts: "over 8,700 people have been killed".
type Claim struct {
	ID        string   `json:"id"`
	Value     float64  `json:"value"`
	Low       *float64 `json:"low,omitempty"`
	High      *float64 `json:"high,omitempty"`
	Qualifier string   `json:"qualifier"`
	// Counted is the category counted (killed, injured, missing, displaced,
	// arrested, hostages, evacuated, population, troops, weapons, money,
	// aid, infected, other); Unit is the head noun as written ("people",
	// "rockets"), or for an amount of money with no noun after it the
	// currency sign or code as written ("$", "Rs", "N", "KSh").
	Counted string `json:"counted"`
	Unit    string `json:"unit,omitempty"`
	Of      string `json:"of,omitempty"` // whom or where: "Palestinians", "Gaza"
	AsOf    string `json:"as_of,omitempty"`
	// ClaimedBy names the claimant; "the outlet" when the article itself says it.
	ClaimedBy       string `json:"claimed_by"`
	ClaimedByEntity string `json:"claimed_by_entity,omitempty"`
	// PartOf is the ID of the whole this claim is a part of.
	PartOf string `json:"part_of,omitempty"`
	// Consistency is set on wholes with parts: "consistent" or a message.
	Consistency string   `json:"consistency,omitempty"`
	Evidence    Evidence `json:"evidence"`
}

// Event polarity and modality.
const (
	PolarityAsserted = "asserted"
	PolarityNegated  = "negated"

	ModalityActual       = "actual"
	ModalityPlanned      = "planned"
	ModalityThreatened   = "threatened"
	ModalityDemanded     = "demanded"
	ModalityHypothetical = "hypothetical"
	ModalityReported     = "reported"
)

// Actor is one side of an event.
type Actor struct {
	Name     string   `json:"name"`
	Code     string   `json:"code"` // CAMEO-style, e.g. ISRMIL
	Entity   string   `json:"entity,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// Event is who did what to whom, where and when.
type Event struct {
	ID        string   `json:"id"`
	Source    *Actor   `json:"source,omitempty"`
	Target    *Actor   `json:"target,omitempty"`
	CAMEO     string   `json:"cameo"`
	Plover    string   `json:"plover"`
	Goldstein float64  `json:"goldstein"`
	QuadClass int      `json:"quad_class"`
	Action    Evidence `json:"action"`
	Place     string   `json:"place,omitempty"` // Place.ID
	Date      string   `json:"date,omitempty"`
	Polarity  string   `json:"polarity"`
	Modality  string   `json:"modality"`
	// ReportedBy names who reports the event when it sits inside a quote.
	ReportedBy string `json:"reported_by,omitempty"`
}

// Result is everything extracted from one article.
type Result struct {
	Entities []Entity `json:"entities"`
	Places   []Place  `json:"places"`
	Times    []Time   `json:"times"`
	Quotes   []Quote  `json:"quotes"`
	Claims   []Claim  `json:"claims"`
	Events   []Event  `json:"events"`
	// Version is the pipeline version that produced the records.
	Version string `json:"version"`
}
