package dockerfile

import (
	"regexp"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"

	"github.com/shiplint/shiplint/internal/document"
)

// stage is one build stage while it is being assembled.
type stage struct {
	name         string // lower-cased, as buildkit names it; "" when unnamed
	from         map[string]any
	fromLine     int
	endLine      int
	instructions []any
	shell        []string // the SHELL in effect; nil means the default /bin/sh -c
	scope        *scope   // the variables known in the stage so far
	final        bool
}

// addGlobalArg records an ARG before the first FROM, one entry per name.
func (p *fileParser) addGlobalArg(node *parser.Node, a *instructions.ArgCommand) {
	for _, kv := range a.Args {
		i := len(p.args)
		var value any
		if kv.Value != nil {
			v, ok := p.substitute(*kv.Value)
			value = v
			if ok {
				p.argEnv[kv.Key] = v
			} else {
				delete(p.argEnv, kv.Key)
			}
		} else {
			delete(p.argEnv, kv.Key) // a later ARG without default shadows nothing, but never guess
		}
		p.args = append(p.args, map[string]any{"name": kv.Key, "value": value, "line": int64(node.StartLine)})
		r := lineRange(node.StartLine, node.EndLine)
		p.pos.Set(document.Key("args", i), r)
		p.pos.Set(document.Key("args", i, "name"), r)
		p.pos.Set(document.Key("args", i, "value"), r)
	}
}

// addStage starts a new stage at a FROM instruction.
func (p *fileParser) addStage(node *parser.Node, st *instructions.Stage) {
	i := len(p.stages)
	s := &stage{name: st.Name, fromLine: node.StartLine, endLine: node.EndLine, instructions: []any{}}
	s.from = p.fromValue(node, st)
	s.scope = newScope()
	if ref, ok := s.from["stage"].(int64); ok {
		s.shell = p.stages[ref].shell // a stage inherits its parent stage's SHELL
		s.scope = p.stages[ref].scope.child()
	}
	p.stages = append(p.stages, s)

	r := lineRange(node.StartLine, node.EndLine)
	for _, k := range []string{"raw", "ref", "image", "tag", "digest", "platform", "stage", "scratch", "resolved", "line"} {
		p.pos.Set(document.Key("stages", i, "from", k), r)
	}
	p.pos.Set(document.Key("stages", i, "from"), r)
	p.pos.Set(document.Key("stages", i, "name"), r)
	p.pos.Set(document.Key("stages", i, "index"), r)
	p.pos.Set(document.Key("stages", i, "final"), r)
}

// fromValue builds input.stages[i].from.
func (p *fileParser) fromValue(node *parser.Node, st *instructions.Stage) map[string]any {
	raw := st.BaseName
	from := map[string]any{
		"raw": raw, "ref": nil, "image": nil, "tag": nil, "digest": nil,
		"platform": nil, "stage": nil, "scratch": false, "resolved": false,
		"line": int64(node.StartLine),
	}
	if st.Platform != "" {
		from["platform"] = st.Platform
	}
	ref, ok := p.substitute(raw)
	if !ok {
		return from
	}
	from["ref"], from["resolved"] = ref, true
	if idx := p.stageIndex(ref); idx >= 0 {
		from["stage"] = int64(idx)
		return from
	}
	if strings.EqualFold(ref, "scratch") {
		from["scratch"], from["image"] = true, ref
		return from
	}
	image, tag, digest := splitRef(ref)
	from["image"] = image
	if tag != "" {
		from["tag"] = tag
	}
	if digest != "" {
		from["digest"] = digest
	}
	return from
}

// stageIndex finds an earlier stage named ref; stage names are
// case-insensitive (buildkit lower-cases them).
func (p *fileParser) stageIndex(ref string) int {
	for i, s := range p.stages {
		if s.name != "" && strings.EqualFold(s.name, ref) {
			return i
		}
	}
	return -1
}

// splitRef splits an image reference as written into repository, tag and
// digest, without normalising ("nginx" stays "nginx").
func splitRef(ref string) (image, tag, digest string) {
	image = ref
	if i := strings.IndexByte(image, '@'); i >= 0 {
		image, digest = image[:i], image[i+1:]
	}
	// A colon after the last slash separates the tag; one before it is a
	// registry port (registry:5000/app).
	if i := strings.LastIndexByte(image, ':'); i > strings.LastIndexByte(image, '/') {
		image, tag = image[:i], image[i+1:]
	}
	return image, tag, digest
}

// plainRef matches variable references whose value is needed as is: $V,
// ${V}, and the pattern operators ${V#..} ${V%..} ${V/..}. The default
// forms (${V:-x}, ${V-x}, ${V:+x}, ${V+x}) are well defined without a value.
var plainRef = regexp.MustCompile(`\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:\}|[#%/]))`)

// substitute expands global ARG defaults in word the way buildkit does.
// ok is false when a variable whose value is needed has none: a build
// argument could supply anything, and we never guess.
func (p *fileParser) substitute(word string) (string, bool) {
	for _, m := range plainRef.FindAllStringSubmatch(word, -1) {
		name := m[1] + m[2]
		if _, ok := p.argEnv[name]; !ok {
			return "", false
		}
	}
	lex := shell.NewLex(rune(p.escape))
	res, err := lex.ProcessWordWithMatches(word, mapEnv(p.argEnv))
	if err != nil {
		return "", false
	}
	return res.Result, true
}

// unquote removes Dockerfile quoting from a value (ENV, LABEL) and leaves
// variable references as written.
func (p *fileParser) unquote(word string) string {
	lex := shell.NewLex(rune(p.escape))
	lex.SkipUnsetEnv = true
	out, _, err := lex.ProcessWord(word, mapEnv(nil))
	if err != nil {
		return word
	}
	return out
}

// mapEnv adapts a map to buildkit's shell.EnvGetter.
type mapEnv map[string]string

func (m mapEnv) Get(k string) (string, bool) { v, ok := m[k]; return v, ok }

func (m mapEnv) Keys() []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys
}
