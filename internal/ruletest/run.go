package ruletest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/shiplint/shiplint/checks"
	"github.com/shiplint/shiplint/internal/config"
	"github.com/shiplint/shiplint/internal/discover"
)

// DirResult is the outcome of checking one rule's fixture directory.
type DirResult struct {
	RuleID   string
	Files    int
	Wanted   int // expected findings over all files
	Problems []string
}

// Loader compiles the rule pack again with rule parameters, for fixture
// directories that set some in their own .shiplint.yaml (params: only).
type Loader func(params map[string]map[string]any) (*checks.Pack, error)

// CheckRuleDirs checks every rule of pack against root/<ID>/: each rule
// must have a directory holding at least one file where it fires and one
// where it stays quiet, and fire exactly at the lines its want comments
// name. A directory with a .shiplint.yaml is checked with the params it
// sets (rules that only act once a team configures them).
func CheckRuleDirs(ctx context.Context, pack *checks.Pack, root string, ids []string, load Loader) []DirResult {
	var out []DirResult
	for _, id := range ids {
		out = append(out, checkRuleDir(ctx, pack, filepath.Join(root, id), id, load))
	}
	return out
}

func checkRuleDir(ctx context.Context, pack *checks.Pack, dir, id string, load Loader) DirResult {
	res := DirResult{RuleID: id}
	if _, err := os.Stat(dir); err != nil {
		res.Problems = append(res.Problems, fmt.Sprintf("rule %s has no fixtures: create %s with a bad and a good sample", id, dir))
		return res
	}
	if cfgPath := filepath.Join(dir, config.FileName); fileExists(cfgPath) {
		cfg, err := config.Load(cfgPath)
		if err == nil {
			pack, err = load(cfg.Params)
		}
		if err != nil {
			res.Problems = append(res.Problems, err.Error())
			return res
		}
	}
	quiet := 0
	discover.Walk([]string{dir}, discover.Options{}, func(e discover.Event) bool {
		switch {
		case e.Err != nil:
			res.Problems = append(res.Problems, e.Err.Error())
		case e.Skipped != "" && filepath.Base(e.Skipped) == config.FileName:
		case e.Skipped != "":
			res.Problems = append(res.Problems, fmt.Sprintf("%s: not recognised as a Dockerfile, Compose or Kubernetes file (name it like one)", e.Skipped))
		case e.NotScanned != nil:
			res.Problems = append(res.Problems, fmt.Sprintf("%s: fixture not scanned: %s", e.NotScanned.Path, e.NotScanned.Why))
		default:
			f := e.File
			wants := Expectations(f.Source)
			for _, w := range wants {
				if w.RuleID != id {
					res.Problems = append(res.Problems, fmt.Sprintf("%s:%d: want %s in the fixtures of %s (put it in testdata/rules/%s)", f.Path, w.Line, w.RuleID, id, w.RuleID))
				}
			}
			r := pack.ScanFile(ctx, checks.File{Path: f.Path, Kind: f.Kind, Source: f.Source, ReadFile: f.ReadFile}, checks.ScanOptions{})
			for _, n := range r.Notifications {
				res.Problems = append(res.Problems, fmt.Sprintf("%s: %s", f.Path, n.Message))
			}
			for _, fd := range r.Findings {
				if fd.RuleID == checks.SyntaxErrorRule.ID && id != fd.RuleID {
					res.Problems = append(res.Problems, fmt.Sprintf("%s:%d: fixture does not parse: %s", f.Path, fd.Range.StartLine, fd.Message))
				}
			}
			res.Problems = append(res.Problems, Compare(f.Path, wants, r.Findings, map[string]bool{id: true})...)
			res.Files++
			res.Wanted += len(wants)
			if len(wants) == 0 {
				quiet++
			}
		}
		return true
	})
	if res.Wanted == 0 {
		res.Problems = append(res.Problems, fmt.Sprintf("%s: no fixture expects %s to fire (add a bad sample with # want: %s)", dir, id, id))
	}
	if quiet == 0 {
		res.Problems = append(res.Problems, fmt.Sprintf("%s: no fixture shows %s staying quiet (add a good sample without want comments)", dir, id))
	}
	return res
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
