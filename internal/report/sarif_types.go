package report

// The subset of SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
// that shiplint writes. Fields are declared in the order of their JSON names
// so the log reads the same as one whose keys are sorted; a field that is
// unset is left out (SARIF §3.4 reads a missing property as "absent"; a
// library that writes -1 or [] for it made us decode and re-encode every log,
// two thirds of writing it).

const sarifSchema = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
	Version string     `json:"version"`
}

type sarifRun struct {
	AutomationDetails *sarifAutomation  `json:"automationDetails,omitempty"`
	Invocations       []sarifInvocation `json:"invocations"`
	Language          string            `json:"language"`
	NewlineSequences  []string          `json:"newlineSequences"`
	// OriginalURIBaseIDs defines SrcRoot as the repository root's file URI.
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult            `json:"results"` // [] when nothing was found
	Tool               sarifTool                `json:"tool"`
}

type sarifAutomation struct {
	ID string `json:"id"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Contents        []string    `json:"contents"`
	InformationURI  string      `json:"informationUri"`
	IsComprehensive bool        `json:"isComprehensive"`
	Language        string      `json:"language"`
	Name            string      `json:"name"`
	Rules           []sarifRule `json:"rules,omitempty"`
	SemanticVersion *string     `json:"semanticVersion,omitempty"`
	Version         string      `json:"version"`
}

type sarifRule struct {
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	FullDescription      sarifText           `json:"fullDescription"`
	Help                 sarifHelp           `json:"help"`
	HelpURI              string              `json:"helpUri,omitempty"`
	ID                   string              `json:"id"`
	Name                 string              `json:"name"`
	Properties           sarifRuleProperties `json:"properties"`
	ShortDescription     sarifText           `json:"shortDescription"`
}

type sarifConfiguration struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level"`
}

type sarifHelp struct {
	Markdown string `json:"markdown"`
	Text     string `json:"text"`
}

// sarifRuleProperties are what GitHub code scanning reads: the
// security-severity it ranks by, the precision, and tags to filter on.
type sarifRuleProperties struct {
	Precision        string   `json:"precision"`
	SecuritySeverity string   `json:"security-severity"`
	Tags             []string `json:"tags,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	Fixes               []sarifFix         `json:"fixes,omitempty"`
	Kind                string             `json:"kind"`
	Level               string             `json:"level"`
	Locations           []sarifLocation    `json:"locations"`
	Message             sarifText          `json:"message"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
}

type sarifLocation struct {
	ID               int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	EndColumn   int        `json:"endColumn,omitempty"`
	EndLine     int        `json:"endLine"`
	Snippet     *sarifText `json:"snippet,omitempty"`
	StartColumn int        `json:"startColumn,omitempty"`
	StartLine   int        `json:"startLine"`
}

type sarifSuppression struct {
	Justification string `json:"justification"`
	Kind          string `json:"kind"`
	Status        string `json:"status"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Locations []sarifLocation `json:"locations,omitempty"`
	Message   sarifText       `json:"message"`
}

// sarifFix is a finding's fix (SARIF 3.55): its edits, by file.
type sarifFix struct {
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	Description     sarifText             `json:"description"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

// sarifReplacement deletes a region (empty for an insertion: start and end
// the same) and inserts text in its place.
type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}
