// Package checks is shiplint's public Go API: load a rule pack (the
// embedded rules plus policy directories), compile it once, and evaluate
// files and documents against it.
//
//	pack, err := checks.Load(ctx, checks.Options{Policies: []string{"policy"}})
//	res := pack.ScanFile(ctx, checks.File{Path: "Dockerfile", Kind: "dockerfile", Source: src}, checks.ScanOptions{})
//
// Rules are Rego packages named shiplint.<kind>.<rule> whose deny set holds
// {"msg": string, "path": [...]} objects; the path points into the
// document's input and is resolved to a source line here.
package checks
